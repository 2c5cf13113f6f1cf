import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CarryOverVersion } from '../domain/leave-balance/allowance';

interface CarryOverRow {
  effective_from: string;
  max_days: number;
  expires_on: string | null;
}

/** The owner of carry_over_setting: what happens to a year's unused days, in versions effective from a date. */
@Injectable()
export class CarryOverRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every version, oldest first (the migration seeds "lapse" from 2000). */
  async versions(manager?: EntityManager): Promise<CarryOverVersion[]> {
    const rows: CarryOverRow[] = await (manager ?? this.dataSource.manager).query('SELECT effective_from, max_days, expires_on FROM carry_over_setting ORDER BY effective_from');
    return rows.map((row) => ({
      effectiveFrom: row.effective_from,
      setting: Number(row.max_days) > 0 && row.expires_on !== null ? { kind: 'carry', maxDays: Number(row.max_days), expiresOn: row.expires_on } : { kind: 'lapse' },
    }));
  }

  async upsert(manager: EntityManager, version: CarryOverVersion, actorId: string): Promise<void> {
    const carry = version.setting.kind === 'carry' ? version.setting : null;
    await manager.query(
      `INSERT INTO carry_over_setting (effective_from, max_days, expires_on, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (effective_from) DO UPDATE SET max_days = EXCLUDED.max_days, expires_on = EXCLUDED.expires_on, created_by = EXCLUDED.created_by, created_at = now()`,
      [version.effectiveFrom, carry?.maxDays ?? 0, carry?.expiresOn ?? null, actorId],
    );
  }
}
