import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';
import type { CalendarOverride } from '../domain/calendar/calendar-day';

export interface OverrideRow {
  kind: CalendarOverride['kind'];
  name: string | null;
}

/**
 * The owner of calendar_override: the holidays and make-up workdays an admin declared over the
 * statutory calendar. Read along with the rest of the policy (policyColumns); written here.
 */
@Injectable()
export class CalendarOverridesRepository {
  async find(manager: EntityManager, date: string): Promise<OverrideRow | null> {
    const rows: OverrideRow[] = await manager.query('SELECT kind, name FROM calendar_override WHERE date = $1', [date]);
    return rows[0] ?? null;
  }

  /** Declares the day, replacing what was declared for it before. */
  async put(manager: EntityManager, date: string, kind: OverrideRow['kind'], name: string | null, createdBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO calendar_override (date, kind, name, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, created_by = EXCLUDED.created_by, created_at = now()`,
      [date, kind, name, createdBy],
    );
  }

  /** Removes the day's override; returns what it was, or null when there was none. */
  async remove(manager: EntityManager, date: string): Promise<OverrideRow | null> {
    const removed = await modifyReturning<OverrideRow>(manager, 'DELETE FROM calendar_override WHERE date = $1 RETURNING kind, name', [date]);
    return removed[0] ?? null;
  }
}
