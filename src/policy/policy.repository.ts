import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LocalSession } from '../domain/attendance/types';
import type { CalendarOverride } from '../domain/calendar/calendar-day';
import type { SettingVersion } from '../domain/settings';
import type { ShiftCode } from '../domain/shifts';
import type { Policy } from '../domain/policy';

export interface PolicyRow {
  time_zone: string;
  settings: SettingVersion[];
  shifts: { code: ShiftCode; effectiveFrom: string; sessions: LocalSession[] }[];
  overrides: { date: string; kind: CalendarOverride['kind']; name: string | null }[] | null;
  roster: { date: string; staffId: string }[] | null;
}

/**
 * The columns that make up a Policy for the dates between two SQL expressions, so that a statement
 * can load it along with its own work (a clock-in does both in one round trip).
 */
export function policyColumns(from: string, to: string): string {
  return `(SELECT time_zone FROM company) AS time_zone,
         (SELECT json_agg(json_build_object(
             'effectiveFrom', to_char(effective_from, 'YYYY-MM-DD'), 'workWeek', work_week,
             'punchWindowOpenMinutes', punch_window_open_minutes, 'punchWindowCloseMinutes', punch_window_close_minutes,
             'graceMinutes', grace_minutes, 'seriousLateMinutes', serious_late_minutes, 'absentAfterLateMinutes', absent_after_late_minutes,
             'missingClockOutIsEarlyLeave', missing_clock_out_is_early_leave, 'missingClockInIsAbsence', missing_clock_in_is_absence,
             'correctionMonthlyLimit', correction_monthly_limit, 'correctionDaysBack', correction_days_back, 'correctionKinds', correction_kinds,
             'overtimeCounting', overtime_counting, 'overtimeUnitMinutes', overtime_unit_minutes,
             'overtimeBreakAfterMinutes', overtime_break_after_minutes, 'overtimeBreakMinutes', overtime_break_minutes,
             'overtimeDailyCapMinutes', overtime_daily_cap_minutes, 'overtimeMonthlyCapMinutes', overtime_monthly_cap_minutes,
             'overtimeDaysAfter', overtime_days_after)
           ORDER BY effective_from) FROM setting_version) AS settings,
         (SELECT json_agg(json_build_object('code', code, 'effectiveFrom', to_char(effective_from, 'YYYY-MM-DD'), 'sessions', sessions)
           ORDER BY code, effective_from) FROM shift_version) AS shifts,
         (SELECT json_agg(json_build_object('date', to_char(date, 'YYYY-MM-DD'), 'kind', kind, 'name', name))
            FROM calendar_override WHERE date BETWEEN ${from} AND ${to}) AS overrides,
         (SELECT json_agg(json_build_object('date', to_char(date, 'YYYY-MM-DD'), 'staffId', staff_id))
            FROM duty_roster WHERE date BETWEEN ${from} AND ${to}) AS roster`;
}

/** The Policy from a row holding `policyColumns`. */
export function policyFromRow(row: PolicyRow): Policy {
  return {
    timeZone: row.time_zone,
    settings: row.settings,
    shifts: {
      office: row.shifts.filter((version) => version.code === 'office'),
      duty: row.shifts.filter((version) => version.code === 'duty'),
    },
    overrides: new Map((row.overrides ?? []).map((override) => [override.date, { kind: override.kind, name: override.name }])),
    roster: new Map((row.roster ?? []).map((entry) => [entry.date, entry.staffId])),
  };
}

/**
 * Loads the Policy for a range of dates in one round trip: it is read by every write that
 * recomputes days, so it must be cheap.
 */
@Injectable()
export class PolicyRepository {
  async load(manager: EntityManager, from: string, to: string): Promise<Policy> {
    const rows: PolicyRow[] = await manager.query(`SELECT ${policyColumns('$1::date', '$2::date')}`, [from, to]);
    return policyFromRow(rows[0]);
  }
}
