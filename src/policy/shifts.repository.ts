import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { LocalSession } from '../domain/attendance/types';
import type { ShiftCode, ShiftVersion } from '../domain/shifts';

@Injectable()
export class ShiftsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** All versions of both shifts, oldest first. */
  async versions(manager?: EntityManager): Promise<ShiftVersion[]> {
    const rows: { code: ShiftCode; effective_from: string; sessions: LocalSession[] }[] = await (manager ?? this.dataSource.manager).query(
      'SELECT code, effective_from, sessions FROM shift_version ORDER BY code, effective_from',
    );
    return rows.map((row) => ({ code: row.code, effectiveFrom: row.effective_from, sessions: row.sessions }));
  }

  async upsert(manager: EntityManager, version: ShiftVersion, actorId: string): Promise<void> {
    await manager.query(
      `INSERT INTO shift_version (code, effective_from, sessions, created_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (code, effective_from) DO UPDATE SET sessions = EXCLUDED.sessions, created_by = EXCLUDED.created_by, created_at = now()`,
      [version.code, version.effectiveFrom, JSON.stringify(version.sessions), actorId],
    );
  }
}
