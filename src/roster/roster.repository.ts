import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';

export interface RosterRow {
  date: string;
  staff_id: string;
  name: string;
  employee_no: string;
  source: 'manual' | 'generated';
}

export interface RosterStaff {
  id: string;
  active: boolean;
  hiredOn: string;
  leftOn: string | null;
}

@Injectable()
export class RosterRepository {
  async between(manager: EntityManager, from: string, to: string): Promise<RosterRow[]> {
    return manager.query(
      `SELECT r.date, r.staff_id, s.name, s.employee_no, r.source FROM duty_roster r JOIN staff s ON s.id = r.staff_id
        WHERE r.date BETWEEN $1 AND $2 ORDER BY r.date`,
      [from, to],
    );
  }

  /** How many dates in [from, to] have nobody on duty (H-ATT-2 wants exactly one every date). */
  async gaps(manager: EntityManager, from: string, to: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM generate_series($1::date, $2::date, interval '1 day') g(d) WHERE NOT EXISTS (SELECT 1 FROM duty_roster r WHERE r.date = g.d::date)`,
      [from, to],
    );
    return rows[0].n;
  }

  async staff(manager: EntityManager, id: string): Promise<RosterStaff | null> {
    const rows: { id: string; active: boolean; hired_on: string; left_on: string | null }[] = await manager.query(
      'SELECT id, active, hired_on, left_on FROM staff WHERE id = $1',
      [id],
    );
    return rows[0] ? { id: rows[0].id, active: rows[0].active, hiredOn: rows[0].hired_on, leftOn: rows[0].left_on } : null;
  }

  async lockDate(manager: EntityManager, date: string): Promise<{ staff_id: string } | null> {
    const rows: { staff_id: string }[] = await manager.query('SELECT staff_id FROM duty_roster WHERE date = $1 FOR UPDATE', [date]);
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, date: string, staffId: string, source: 'manual' | 'generated', actorId: string): Promise<void> {
    await manager.query('INSERT INTO duty_roster (date, staff_id, source, created_by) VALUES ($1, $2, $3, $4)', [date, staffId, source, actorId]);
  }

  async reassign(manager: EntityManager, date: string, staffId: string, actorId: string): Promise<void> {
    await manager.query(`UPDATE duty_roster SET staff_id = $2, source = 'manual', created_by = $3, created_at = now() WHERE date = $1`, [date, staffId, actorId]);
  }

  async delete(manager: EntityManager, date: string): Promise<{ staff_id: string } | null> {
    const rows = await modifyReturning<{ staff_id: string }>(manager, 'DELETE FROM duty_roster WHERE date = $1 RETURNING staff_id', [date]);
    return rows[0] ?? null;
  }

  /** Inserts generated assignments where the date is still free (a concurrent manual one wins). */
  async insertMany(manager: EntityManager, rows: { date: string; staffId: string }[], actorId: string): Promise<{ date: string; staffId: string }[]> {
    if (rows.length === 0) return [];
    const inserted: { date: string; staff_id: string }[] = await manager.query(
      `INSERT INTO duty_roster (date, staff_id, source, created_by)
       SELECT d, s, 'generated', $3 FROM unnest($1::date[], $2::uuid[]) AS g(d, s)
       ON CONFLICT (date) DO NOTHING RETURNING date, staff_id`,
      [rows.map((row) => row.date), rows.map((row) => row.staffId), actorId],
    );
    return inserted.map((row) => ({ date: row.date, staffId: row.staff_id }));
  }

  /** `staffId|date` keys of approved (or filed) leave covering any part of those dates; of leave ended early (销假), the days taken. */
  async onLeaveBetween(manager: EntityManager, staffIds: string[], from: string, to: string): Promise<Set<string>> {
    const rows: { staff_id: string; date: string }[] = await manager.query(
      `SELECT l.staff_id, to_char(d, 'YYYY-MM-DD') AS date
         FROM leave_request l, generate_series(GREATEST(l.start_date, $2::date), LEAST(coalesce(l.taken_until, l.end_date), $3::date), interval '1 day') AS d
        WHERE l.staff_id = ANY($1::uuid[]) AND (l.status IN ('approved', 'filed') OR l.taken_until IS NOT NULL)
          AND l.start_date <= $3 AND coalesce(l.taken_until, l.end_date) >= $2`,
      [staffIds, from, to],
    );
    return new Set(rows.map((row) => `${row.staff_id}|${row.date}`));
  }
}
