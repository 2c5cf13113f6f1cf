import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DayResult, Punch } from '../domain/attendance/types';
import { DAY_ROW_COLUMNS, type SliceRows } from '../domain/attendance/day-rows';
import type { EmploymentSpan } from '../domain/policy';
import { notClosedMonthSql } from '../policy/month-lock.service';

/** A stored day read back as the result it was computed as, with the calendar and the roster of its date. */
export interface StoredDay extends DayResult {
  calendarKind: string;
  onDuty: boolean;
}

/** The columns a computed day stores, in the order of the statement's arrays. */
const STORED_COLUMNS = DAY_ROW_COLUMNS.map(([column]) => column);
const UPDATED_COLUMNS = STORED_COLUMNS.slice(2);
// `json` has no equality operator: the facts are compared as the text the rules wrote.
const COMPARED = (row: string) => UPDATED_COLUMNS.map((column) => (column === 'facts' ? `${row}.facts::text` : `${row}.${column}`)).join(', ');

/**
 * Valid (not voided) punches in [$1, $2) of everyone or the people in $3, with who asked for and who
 * approved a punch added by a make-up request (for its day's explanation): what both punch readers read.
 */
const VALID_PUNCHES_BETWEEN = `FROM punch p
         LEFT JOIN punch_correction c ON c.id = p.correction_id
         LEFT JOIN staff requester ON requester.id = c.staff_id
         LEFT JOIN staff approver ON approver.id = c.decided_by
        WHERE p.at >= $1 AND p.at < $2 AND p.voided_at IS NULL AND ($3::uuid[] IS NULL OR p.staff_id = ANY($3::uuid[]))`;

@Injectable()
export class AttendanceRepository {
  /** Staff employed at some point in [from, to]; all of them, or those among `ids`. */
  async pendingCount(manager: EntityManager, from: string, to: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM attendance_day WHERE status = 'pending' AND date BETWEEN $1 AND $2`, [from, to]);
    return rows[0].n;
  }

  /** The latest date with a stored result, or null: how far rules that change from a date on must recompute. */
  async lastStoredDate(manager: EntityManager): Promise<string | null> {
    const rows: { last: string | null }[] = await manager.query(`SELECT max(date) AS last FROM attendance_day`);
    return rows[0].last;
  }

  /** The earliest date with a stored result in a month that is not closed, or null. */
  async firstOpenDate(manager: EntityManager): Promise<string | null> {
    const rows: { first: string | null }[] = await manager.query(`SELECT min(d.date) AS first FROM attendance_day d WHERE ${notClosedMonthSql('d.date')}`);
    return rows[0].first;
  }

  /** How many day results are stored in [from, to] (what a month's rebuild reports). */
  async countBetween(manager: EntityManager, from: string, to: string): Promise<number> {
    const rows: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM attendance_day WHERE date BETWEEN $1 AND $2', [from, to]);
    return rows[0].n;
  }

  /** Serialises recomputes of the same people (see AttendanceService.lockPeople): their staff rows, in id order. */
  async lockPeople(manager: EntityManager, staffIds: string[] | null): Promise<void> {
    await manager.query(`SELECT id FROM staff WHERE ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) ORDER BY id FOR NO KEY UPDATE`, [staffIds]);
  }

  async employedBetween(manager: EntityManager, ids: string[] | null, from: string, to: string): Promise<EmploymentSpan[]> {
    const rows: { id: string; hired_on: string; left_on: string | null }[] = await manager.query(
      `SELECT id, hired_on, left_on FROM staff
        WHERE hired_on <= $2 AND (left_on IS NULL OR left_on >= $1) AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
        ORDER BY employee_no`,
      [from, to, ids],
    );
    return rows.map((row) => ({ id: row.id, hiredOn: row.hired_on, leftOn: row.left_on }));
  }

  /** Valid (not voided) punches in [fromInstant, toInstant), grouped by person. */
  async punchesBetween(manager: EntityManager, ids: string[] | null, fromInstant: Date, toInstant: Date): Promise<Map<string, Punch[]>> {
    // A punch from an approved make-up request carries who asked and who approved, for its day's explanation.
    const rows: { id: string; staff_id: string; at: Date; requested_by: string | null; approved_by: string | null; approved_as: 'supervisor' | 'admin' | null }[] = await manager.query(
      `SELECT p.id, p.staff_id, p.at, requester.name AS requested_by, approver.name AS approved_by, c.decided_as AS approved_as
         ${VALID_PUNCHES_BETWEEN}`,
      [fromInstant, toInstant, ids],
    );
    const byStaff = new Map<string, Punch[]>();
    for (const row of rows) {
      let list = byStaff.get(row.staff_id);
      if (!list) byStaff.set(row.staff_id, (list = []));
      const correction = row.requested_by !== null && row.approved_by !== null && row.approved_as !== null
        ? { requestedBy: row.requested_by, approvedBy: row.approved_by, approvedAs: row.approved_as }
        : undefined;
      list.push(correction ? { id: row.id, at: row.at, correction } : { id: row.id, at: row.at });
    }
    return byStaff;
  }

  /**
   * Stores a slice's computed days in one statement: new days are inserted, changed ones updated, and
   * days whose every column is as computed are left as they are (no new row version, no index
   * writes). The rules already left out the days whose digest did not change, so a month that did
   * not change sends nothing at all; the comparison here covers days stored without a digest. The
   * rows arrive as the array literals the rules wrote (one per column, the facts as one JSON array),
   * zipped by ROWS FROM.
   */
  async writeDays(manager: EntityManager, rows: SliceRows): Promise<void> {
    if (rows.count === 0) return;
    await manager.query(
      `INSERT INTO attendance_day AS d (${STORED_COLUMNS.join(', ')})
       SELECT ${DAY_ROW_COLUMNS.map(([column, type]) => (type === 'epoch_ms' ? `to_timestamp(${column} / 1000.0)` : column)).join(', ')}
         FROM ROWS FROM (${DAY_ROW_COLUMNS.map(([column, type], i) => (column === 'facts' ? `json_array_elements($${i + 1}::json)` : `unnest($${i + 1}::${type === 'epoch_ms' ? 'float8' : type}[])`)).join(', ')})
           AS r(${STORED_COLUMNS.join(', ')})
       ON CONFLICT (staff_id, date) DO UPDATE SET ${UPDATED_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}, computed_at = now()
        WHERE (${COMPARED('d')}) IS DISTINCT FROM (${COMPARED('excluded')})`,
      rows.columns,
    );
  }

  /**
   * What the rules need from PostgreSQL for a slice of people, in one round trip, each part as one
   * JSON text handed to the worker unparsed (see computeSlice):
   * - `punchesJson`: their valid punches in [fromInstant, toInstant), staff id → PunchTuple[];
   * - `storedDigestsJson`: the digests of their stored days in [from, to], `staffId|date` → digest;
   *   days stored without one are left out, so they are written again.
   */
  async sliceReads(manager: EntityManager, ids: string[], fromInstant: Date, toInstant: Date, from: string, to: string): Promise<{ punchesJson: string; storedDigestsJson: string }> {
    const rows: { punches: string; digests: string }[] = await manager.query(
      `SELECT (SELECT coalesce(json_object_agg(staff_id, list), '{}')::text
                 FROM (SELECT p.staff_id, json_agg(json_build_array(p.id, (extract(epoch FROM p.at) * 1000)::bigint, requester.name, approver.name, c.decided_as)) AS list
                         ${VALID_PUNCHES_BETWEEN}
                        GROUP BY p.staff_id) people) AS punches,
              (SELECT coalesce(json_object_agg(d.staff_id::text || '|' || to_char(d.date, 'YYYY-MM-DD'), d.digest), '{}')::text
                 FROM attendance_day d WHERE d.staff_id = ANY($3::uuid[]) AND d.date BETWEEN $4 AND $5 AND d.digest IS NOT NULL) AS digests`,
      [fromInstant, toInstant, ids, from, to],
    );
    return { punchesJson: rows[0].punches, storedDigestsJson: rows[0].digests };
  }

  /**
   * Removes stored days on `dates` of people (all, or those among `ids`) who were not employed on
   * them: what a moved hire or leaving date leaves behind. Computed days are only ever stored for
   * dates of employment, so this and `writeDays` together replace the days of a recompute.
   *
   * Only people hired after the first date or gone before the last can have such days: their ids,
   * found first, let PostgreSQL look their days up by key instead of joining every stored day of the
   * dates to staff (0.9–2 s for a month of 10,000 people in which nothing was deleted).
   */
  async removeDaysNotEmployed(manager: EntityManager, ids: string[] | null, dates: string[]): Promise<void> {
    if ((ids !== null && ids.length === 0) || dates.length === 0) return;
    const sorted = [...dates].sort();
    await manager.query(
      `DELETE FROM attendance_day d USING staff s
        WHERE s.id = d.staff_id AND d.date = ANY($2::date[])
          AND d.staff_id = ANY(ARRAY(SELECT id FROM staff WHERE (hired_on > $3::date OR left_on < $4::date) AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))))
          AND (d.date < s.hired_on OR d.date > s.left_on)`,
      [ids, dates, sorted[0], sorted[sorted.length - 1]],
    );
  }

  async daysOf(manager: EntityManager, staffId: string, from: string, to: string): Promise<StoredDay[]> {
    return manager.query(
      `SELECT date, status, calendar_kind AS "calendarKind", on_duty AS "onDuty", shift_code AS "shiftCode", leave_type_code AS "leaveTypeCode",
              first_in AS "firstIn", last_out AS "lastOut", late_minutes AS "lateMinutes", early_minutes AS "earlyMinutes", worked_minutes AS "workedMinutes",
              missing_in AS "missingIn", missing_out AS "missingOut", early_leave AS "earlyLeave", serious_late AS "seriousLate",
              absence_days AS "absenceDays", leave_days AS "leaveDays", exempt_days AS "exemptDays", facts,
              json_build_object('kind', overtime_kind, 'minutes', overtime_minutes, 'lieuMinutes', lieu_minutes) AS overtime
         FROM attendance_day WHERE staff_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date`,
      [staffId, from, to],
    );
  }

  /**
   * People among `ids` (or everyone) whose stored days in [from, to] are incomplete, queued as
   * stale, or hold a pending day whose window has closed: they need a recompute before their days
   * are read. The days are counted in one pass grouped by person, not by a count per person (a
   * lookup each: 1.2 s of every report of a 10,000-person company, more than its own query).
   */
  async staleStaff(manager: EntityManager, ids: string[] | null, from: string, to: string, now: Date): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH stored AS (
         SELECT d.staff_id, count(*) AS stored,
                count(*) FILTER (WHERE d.status = 'pending' AND d.window_close <= $4) AS expired
           FROM attendance_day d
          WHERE d.date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR d.staff_id = ANY($3::uuid[]))
          GROUP BY d.staff_id
       )
       SELECT s.id
         FROM staff s
         LEFT JOIN stored a ON a.staff_id = s.id
        WHERE s.hired_on <= $2 AND (s.left_on IS NULL OR s.left_on >= $1)
          AND ($3::uuid[] IS NULL OR s.id = ANY($3::uuid[]))
          AND (coalesce(a.expired, 0) > 0
               OR coalesce(a.stored, 0) <> (LEAST($2::date, coalesce(s.left_on, $2::date)) - GREATEST($1::date, s.hired_on) + 1)
               OR EXISTS (SELECT 1 FROM attendance_stale q WHERE q.staff_id = s.id AND q.from_date <= $2 AND q.to_date >= $1))`,
      [from, to, ids, now],
    );
    return rows.map((row) => row.id);
  }

  /** People with pending days whose window has closed, and the span of those days. */
  async expiredPending(manager: EntityManager, now: Date): Promise<{ staffId: string; from: string; to: string }[]> {
    const rows: { staff_id: string; from: string; to: string }[] = await manager.query(
      `SELECT staff_id, min(date) AS from, max(date) AS to FROM attendance_day
        WHERE status = 'pending' AND window_close <= $1 GROUP BY staff_id`,
      [now],
    );
    return rows.map((row) => ({ staffId: row.staff_id, from: row.from, to: row.to }));
  }
}
