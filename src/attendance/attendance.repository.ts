import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DayResult, Punch } from '../domain/attendance/types';
import type { ComputedDay } from '../domain/attendance/person-days';
import type { EmploymentSpan } from '../domain/policy';
import { notClosedMonthSql } from '../policy/month-lock.service';

/** A stored day read back as the result it was computed as, with the calendar and the roster of its date. */
export interface StoredDay extends DayResult {
  calendarKind: string;
  onDuty: boolean;
}

const INSERT_CHUNK = 5000;

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
         FROM punch p
         LEFT JOIN punch_correction c ON c.id = p.correction_id
         LEFT JOIN staff requester ON requester.id = c.staff_id
         LEFT JOIN staff approver ON approver.id = c.decided_by
        WHERE p.at >= $1 AND p.at < $2 AND p.voided_at IS NULL AND ($3::uuid[] IS NULL OR p.staff_id = ANY($3::uuid[]))`,
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

  /** Replaces the stored results of these people on these dates with the computed ones, set-based. */
  async replaceDays(manager: EntityManager, staffIds: string[], dates: string[], days: { staffId: string; day: ComputedDay }[]): Promise<void> {
    if (staffIds.length > 0 && dates.length > 0) {
      await manager.query(`DELETE FROM attendance_day WHERE staff_id = ANY($1::uuid[]) AND date = ANY($2::date[])`, [staffIds, dates]);
    }
    // Only dates on which the person was employed are stored; the rest read as not employed.
    const rows = days.filter(({ day }) => day.schedule.employed);
    for (let offset = 0; offset < rows.length; offset += INSERT_CHUNK) {
      const chunk = rows.slice(offset, offset + INSERT_CHUNK);
      const column = <T>(pick: (entry: { staffId: string; day: ComputedDay }) => T) => chunk.map(pick);
      await manager.query(
        `INSERT INTO attendance_day (staff_id, date, status, calendar_kind, on_duty, shift_code, leave_type_code, first_in, last_out,
           late_minutes, early_minutes, worked_minutes, missing_in, missing_out, early_leave, serious_late,
           absence_days, leave_days, exempt_days, facts, window_close, overtime_kind, overtime_minutes, lieu_minutes)
         SELECT * FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[],
           $10::int[], $11::int[], $12::int[], $13::bool[], $14::bool[], $15::bool[], $16::bool[],
           $17::numeric[], $18::numeric[], $19::numeric[], $20::jsonb[], $21::timestamptz[], $22::text[], $23::int[], $24::int[])`,
        [
          column((e) => e.staffId),
          column((e) => e.day.result.date),
          column((e) => e.day.result.status),
          column((e) => e.day.schedule.calendar.kind),
          column((e) => e.day.schedule.onDuty),
          column((e) => e.day.result.shiftCode),
          column((e) => e.day.result.leaveTypeCode),
          column((e) => e.day.result.firstIn),
          column((e) => e.day.result.lastOut),
          column((e) => e.day.result.lateMinutes),
          column((e) => e.day.result.earlyMinutes),
          column((e) => e.day.result.workedMinutes),
          column((e) => e.day.result.missingIn),
          column((e) => e.day.result.missingOut),
          column((e) => e.day.result.earlyLeave),
          column((e) => e.day.result.seriousLate),
          column((e) => e.day.result.absenceDays),
          column((e) => e.day.result.leaveDays),
          column((e) => e.day.result.exemptDays),
          column((e) => JSON.stringify(e.day.result.facts)),
          column((e) => e.day.window?.close ?? null),
          column((e) => e.day.result.overtime.kind),
          column((e) => e.day.result.overtime.minutes),
          column((e) => e.day.result.overtime.lieuMinutes),
        ],
      );
    }
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
   * are read.
   */
  async staleStaff(manager: EntityManager, ids: string[] | null, from: string, to: string, now: Date): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT s.id
         FROM staff s
         LEFT JOIN LATERAL (
           SELECT count(*) AS stored,
                  count(*) FILTER (WHERE d.status = 'pending' AND d.window_close <= $4) AS expired
             FROM attendance_day d
            WHERE d.staff_id = s.id AND d.date BETWEEN $1 AND $2
         ) a ON true
        WHERE s.hired_on <= $2 AND (s.left_on IS NULL OR s.left_on >= $1)
          AND ($3::uuid[] IS NULL OR s.id = ANY($3::uuid[]))
          AND (a.expired > 0 OR a.stored <> (LEAST($2::date, coalesce(s.left_on, $2::date)) - GREATEST($1::date, s.hired_on) + 1)
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
