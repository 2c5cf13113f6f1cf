import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { cursor } from './export/cursor';
import { visibleTo } from '../staff/visibility-sql';

export interface ReportRow {
  staff_id: string;
  employee_no: string;
  name: string;
  position_code: string | null;
  scheduled_days: number;
  present_days: number;
  late_count: number;
  late_minutes: number;
  serious_late_count: number;
  early_leave_count: number;
  missing_punch_count: number;
  correction_count: number;
  absence_days: number;
  exempt_days: number;
  holiday_days: number;
  duty_shifts: number;
  pending_days: number;
  leave_days: Record<string, number> | null;
  fines_fen: number;
  overtime_workday_minutes: number;
  overtime_rest_day_minutes: number;
  overtime_rest_day_lieu_minutes: number;
  overtime_holiday_minutes: number;
  overtime_cap_overrides: number;
}

export interface GridRow {
  staff_id: string;
  employee_no: string;
  name: string;
  days: { status: string | null; on_duty: boolean | null; early_leave: boolean | null; leave: string | null; corrected: boolean; overtime?: boolean | null }[];
}

// The people a viewer may see (everyone when $3 is null), employed at some time in [$1, $2].
const SCOPE = `
  scope AS (
    SELECT s.id, s.employee_no, s.name, s.position_code FROM staff s
     WHERE s.hired_on <= $2 AND (s.left_on IS NULL OR s.left_on >= $1)
       AND ${visibleTo('s.id', '$3')})`;

/** The month aggregate, one row per person: one set-based query over the stored day results. */
export const REPORT_SQL = `
  WITH ${SCOPE},
  days AS (
    SELECT d.staff_id,
           count(*) FILTER (WHERE d.shift_code IS NOT NULL)::int AS scheduled_days,
           count(*) FILTER (WHERE d.status IN ('present', 'late'))::int AS present_days,
           count(*) FILTER (WHERE d.late_minutes > 0)::int AS late_count,
           coalesce(sum(d.late_minutes), 0)::int AS late_minutes,
           count(*) FILTER (WHERE d.serious_late)::int AS serious_late_count,
           count(*) FILTER (WHERE d.early_leave)::int AS early_leave_count,
           count(*) FILTER (WHERE (d.missing_in OR d.missing_out) AND NOT (d.missing_in AND d.missing_out))::int AS missing_punch_count,
           coalesce(sum(d.absence_days), 0) AS absence_days,
           coalesce(sum(d.exempt_days), 0) AS exempt_days,
           count(*) FILTER (WHERE d.status = 'holiday')::int AS holiday_days,
           count(*) FILTER (WHERE d.on_duty AND d.shift_code = 'duty')::int AS duty_shifts,
           count(*) FILTER (WHERE d.status = 'pending')::int AS pending_days,
           coalesce(sum(d.overtime_minutes) FILTER (WHERE d.overtime_kind = 'workday'), 0)::int AS overtime_workday_minutes,
           coalesce(sum(d.overtime_minutes) FILTER (WHERE d.overtime_kind = 'rest_day'), 0)::int AS overtime_rest_day_minutes,
           coalesce(sum(d.lieu_minutes), 0)::int AS overtime_rest_day_lieu_minutes,
           coalesce(sum(d.overtime_minutes) FILTER (WHERE d.overtime_kind = 'holiday'), 0)::int AS overtime_holiday_minutes
      FROM attendance_day d JOIN scope ON scope.id = d.staff_id
     WHERE d.date BETWEEN $1 AND $2
     GROUP BY d.staff_id),
  leave AS (
    SELECT staff_id, jsonb_object_agg(leave_type_code, days) AS leave_days FROM (
      SELECT d.staff_id, d.leave_type_code, sum(d.leave_days) AS days
        FROM attendance_day d JOIN scope ON scope.id = d.staff_id
       WHERE d.date BETWEEN $1 AND $2 AND d.leave_type_code IS NOT NULL AND d.leave_days > 0
       GROUP BY 1, 2) per_type
     GROUP BY staff_id),
  fines AS (
    SELECT staff_id, sum(amount_fen)::int AS fines_fen FROM (${'$FINES$'}) f GROUP BY staff_id),
  corrections AS (
    SELECT c.staff_id, count(*)::int AS correction_count FROM punch_correction c JOIN scope ON scope.id = c.staff_id
     WHERE c.status IN ('approved', 'filed') AND c.date BETWEEN $1 AND $2 GROUP BY c.staff_id),
  overrides AS (
    -- 劳动法第41条: approved overtime an admin let go beyond a cap, by the month of its day.
    SELECT o.staff_id, count(*)::int AS overtime_cap_overrides FROM overtime_request o JOIN scope ON scope.id = o.staff_id
     WHERE o.status IN ('approved', 'filed') AND o.cap_override_reason IS NOT NULL AND o.date BETWEEN $1 AND $2 GROUP BY o.staff_id)
  SELECT scope.id AS staff_id, scope.employee_no, scope.name, scope.position_code,
         coalesce(days.scheduled_days, 0) AS scheduled_days, coalesce(days.present_days, 0) AS present_days,
         coalesce(days.late_count, 0) AS late_count, coalesce(days.late_minutes, 0) AS late_minutes,
         coalesce(days.serious_late_count, 0) AS serious_late_count, coalesce(days.early_leave_count, 0) AS early_leave_count,
         coalesce(days.missing_punch_count, 0) AS missing_punch_count, coalesce(corrections.correction_count, 0) AS correction_count,
         coalesce(days.absence_days, 0) AS absence_days,
         coalesce(days.exempt_days, 0) AS exempt_days, coalesce(days.holiday_days, 0) AS holiday_days,
         coalesce(days.duty_shifts, 0) AS duty_shifts, coalesce(days.pending_days, 0) AS pending_days,
         leave.leave_days, coalesce(fines.fines_fen, 0) AS fines_fen,
         coalesce(days.overtime_workday_minutes, 0) AS overtime_workday_minutes, coalesce(days.overtime_rest_day_minutes, 0) AS overtime_rest_day_minutes,
         coalesce(days.overtime_rest_day_lieu_minutes, 0) AS overtime_rest_day_lieu_minutes, coalesce(days.overtime_holiday_minutes, 0) AS overtime_holiday_minutes,
         coalesce(overrides.overtime_cap_overrides, 0) AS overtime_cap_overrides
    FROM scope LEFT JOIN days ON days.staff_id = scope.id LEFT JOIN leave ON leave.staff_id = scope.id
         LEFT JOIN fines ON fines.staff_id = scope.id LEFT JOIN corrections ON corrections.staff_id = scope.id
         LEFT JOIN overrides ON overrides.staff_id = scope.id
   ORDER BY scope.employee_no`;

export const GRID_SQL = `
  WITH ${SCOPE}
  SELECT scope.id AS staff_id, scope.employee_no, scope.name,
         json_agg(json_build_object('status', d.status, 'on_duty', d.on_duty, 'early_leave', d.early_leave, 'leave', left(t.name_zh, 1),
           'corrected', EXISTS (SELECT 1 FROM punch_correction c WHERE c.staff_id = scope.id AND c.date = g.date::date AND c.status IN ('approved', 'filed')),
           'overtime', d.overtime_minutes > 0) ORDER BY g.date) AS days
    FROM scope CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS g(date)
    LEFT JOIN attendance_day d ON d.staff_id = scope.id AND d.date = g.date::date
    LEFT JOIN leave_type t ON t.code = d.leave_type_code
   GROUP BY scope.id, scope.employee_no, scope.name
   ORDER BY scope.employee_no`;

/** Disciplinary fines of the month (H-CON-8): by the date of the facts; withdrawn ones do not count. */
const FINES = `SELECT staff_id, amount_fen FROM disciplinary_record
  WHERE action = 'fine' AND status IN ('issued', 'acknowledged', 'appealed', 'upheld') AND occurred_on BETWEEN $1 AND $2`;

/**
 * The report's read model: set-based statements over the stored day results, the people in scope,
 * leave types and fines, one round trip each (joining across owners is what a report is). Owns no
 * table; the streams use a cursor of their own connection.
 */
@Injectable()
export class MonthlyReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The report's SQL with the fines source filled in. */
  reportSql(): string {
    return REPORT_SQL.replace('$FINES$', FINES);
  }

  async rows(manager: EntityManager, from: string, to: string, viewerId: string | null): Promise<ReportRow[]> {
    return manager.query(this.reportSql(), [from, to, viewerId]);
  }

  /** The report's rows one by one, through a cursor (exports of open months: flat memory for any staff size). */
  streamRows(from: string, to: string, viewerId: string | null): AsyncIterable<ReportRow> {
    return cursor<ReportRow>(this.dataSource, this.reportSql(), [from, to, viewerId]);
  }

  /** The grid (one code per person and date) for everyone in scope. */
  grid(manager: EntityManager, from: string, to: string, viewerId: string | null): Promise<GridRow[]> {
    return manager.query(GRID_SQL, [from, to, viewerId]);
  }

  /** A page of the grid and how many people the whole grid has. */
  async gridPage(from: string, to: string, viewerId: string | null, offset: number, limit: number): Promise<{ rows: GridRow[]; total: number }> {
    const rows: GridRow[] = await this.dataSource.query(`${GRID_SQL} OFFSET ${offset} LIMIT ${limit}`, [from, to, viewerId]);
    const count: { n: number }[] = await this.dataSource.query(`WITH counted AS (${GRID_SQL}) SELECT count(*)::int AS n FROM counted`, [from, to, viewerId]);
    return { rows, total: count[0].n };
  }

  /** The grid through a cursor, like `streamRows`. */
  streamGrid(from: string, to: string, viewerId: string | null): AsyncIterable<GridRow> {
    return cursor<GridRow>(this.dataSource, GRID_SQL, [from, to, viewerId]);
  }

  async leaveTypes(manager: EntityManager): Promise<{ code: string; name_zh: string; name_en: string }[]> {
    return manager.query('SELECT code, name_zh, name_en FROM leave_type ORDER BY created_at, code');
  }
}
