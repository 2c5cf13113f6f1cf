import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { addDays, datesBetween } from '../domain/calendar/calendar-day';
import { partOn } from '../domain/leave-rules';
import { DayCovers, NO_COVERS } from '../domain/attendance/person-days';
import type { Compensation } from '../domain/overtime/policy';

export interface CoverLookup {
  on(staffId: string, date: string): DayCovers;
  /** One person's covers by date (only the dates that have any). */
  of(staffId: string): Map<string, DayCovers>;
}

const NO_DATES: Map<string, DayCovers> = new Map();

interface LeaveRow {
  staff_id: string;
  type_code: string;
  name_en: string;
  name_zh: string;
  start_date: string;
  start_half: 'am' | 'pm' | null;
  end_date: string;
  end_half: 'am' | 'pm' | null;
}

interface OvertimeRow {
  staff_id: string;
  date: string;
  starts_at: Date;
  ends_at: Date;
  compensation: Compensation;
}

interface ExemptionRow {
  staff_id: string;
  date: string;
  from_time: string | null;
  to_time: string | null;
}

/** A local 'HH:mm' (or '24:00') on a date, as an instant in the zone. */
function localInstant(date: string, time: string, zone: string): Date {
  if (time === '24:00') return DateTime.fromISO(addDays(date, 1), { zone }).toJSDate();
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/**
 * Approved (or filed) leave and business-trip exemptions covering people's days: the inputs that
 * excuse sessions (H-ATT-8, H-ATT-10); and approved overtime windows, which the day credits (issue 22). Pending, rejected, cancelled and revoked ones excuse nothing,
 * except the days taken of leave cancelled after it started (销假, issue 16).
 */
@Injectable()
export class CoversRepository {
  async coversBetween(manager: EntityManager, ids: string[] | null, from: string, to: string, zone: string): Promise<CoverLookup> {
    // Sequential: the manager may be a transaction's single connection.
    const leaves: LeaveRow[] = await manager.query(
      // Leave ended early (销假) covers the days taken: to taken_until, whole days.
      `SELECT l.staff_id, l.type_code, t.name_en, t.name_zh, l.start_date, l.start_half,
              coalesce(l.taken_until, l.end_date) AS end_date, CASE WHEN l.taken_until IS NULL THEN l.end_half END AS end_half
         FROM leave_request l JOIN leave_type t ON t.code = l.type_code
        WHERE (l.status IN ('approved', 'filed') OR l.taken_until IS NOT NULL) AND l.start_date <= $2 AND coalesce(l.taken_until, l.end_date) >= $1
          AND ($3::uuid[] IS NULL OR l.staff_id = ANY($3::uuid[]))`,
      [from, to, ids],
    );
    const exemptions: ExemptionRow[] = await manager.query(
      `SELECT staff_id, date, from_time, to_time FROM exemption
        WHERE status IN ('approved', 'filed') AND date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR staff_id = ANY($3::uuid[]))`,
      [from, to, ids],
    );
    // Overtime of the neighbouring dates too: their windows decide where the punch windows split.
    const overtime: OvertimeRow[] = await manager.query(
      `SELECT staff_id, date, starts_at, ends_at, compensation FROM overtime_request
        WHERE status IN ('approved', 'filed') AND date BETWEEN $1::date - 1 AND $2::date + 1 AND ($3::uuid[] IS NULL OR staff_id = ANY($3::uuid[]))`,
      [from, to, ids],
    );
    if (leaves.length === 0 && exemptions.length === 0 && overtime.length === 0) return { on: () => NO_COVERS, of: () => NO_DATES };
    const covers = new Map<string, Map<string, DayCovers>>();
    const entry = (staffId: string, date: string) => {
      let dates = covers.get(staffId);
      if (!dates) covers.set(staffId, (dates = new Map()));
      let found = dates.get(date);
      if (!found) dates.set(date, (found = { leave: [], exemptions: [], overtime: [] }));
      return found;
    };
    for (const leave of leaves) {
      const span = { startDate: leave.start_date, startHalf: leave.start_half, endDate: leave.end_date, endHalf: leave.end_half };
      for (const date of datesBetween(leave.start_date > from ? leave.start_date : from, leave.end_date < to ? leave.end_date : to)) {
        const part = partOn(span, date);
        if (part) entry(leave.staff_id, date).leave.push({ typeCode: leave.type_code, typeName: { zh: leave.name_zh, en: leave.name_en }, part });
      }
    }
    for (const exemption of exemptions) {
      entry(exemption.staff_id, exemption.date).exemptions.push(
        exemption.from_time === null || exemption.to_time === null
          ? { from: null, to: null }
          : { from: localInstant(exemption.date, exemption.from_time, zone), to: localInstant(exemption.date, exemption.to_time, zone) },
      );
    }
    for (const row of overtime) entry(row.staff_id, row.date).overtime.push({ start: row.starts_at, end: row.ends_at, compensation: row.compensation });
    return { on: (staffId, date) => covers.get(staffId)?.get(date) ?? NO_COVERS, of: (staffId) => covers.get(staffId) ?? NO_DATES };
  }
}
