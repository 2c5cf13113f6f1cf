import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SettingVersion } from '../domain/settings';
import type { CorrectionKind } from '../domain/attendance/corrections';
import type { OvertimeCounting } from '../domain/overtime/policy';

interface SettingRow {
  effective_from: string;
  work_week: number[];
  punch_window_open_minutes: number;
  punch_window_close_minutes: number;
  grace_minutes: number;
  serious_late_minutes: number | null;
  absent_after_late_minutes: number | null;
  missing_clock_out_is_early_leave: boolean;
  missing_clock_in_is_absence: boolean;
  correction_monthly_limit: number;
  correction_days_back: number;
  correction_kinds: string[];
  overtime_counting: string;
  overtime_unit_minutes: number;
  overtime_break_after_minutes: number | null;
  overtime_break_minutes: number | null;
  overtime_daily_cap_minutes: number;
  overtime_monthly_cap_minutes: number;
  overtime_days_after: number;
}

const toVersion = (row: SettingRow): SettingVersion => ({
  effectiveFrom: row.effective_from,
  workWeek: row.work_week.map(Number),
  punchWindowOpenMinutes: row.punch_window_open_minutes,
  punchWindowCloseMinutes: row.punch_window_close_minutes,
  graceMinutes: row.grace_minutes,
  seriousLateMinutes: row.serious_late_minutes,
  absentAfterLateMinutes: row.absent_after_late_minutes,
  missingClockOutIsEarlyLeave: row.missing_clock_out_is_early_leave,
  missingClockInIsAbsence: row.missing_clock_in_is_absence,
  correctionMonthlyLimit: row.correction_monthly_limit,
  correctionDaysBack: row.correction_days_back,
  correctionKinds: row.correction_kinds as CorrectionKind[],
  overtimeCounting: row.overtime_counting as OvertimeCounting,
  overtimeUnitMinutes: row.overtime_unit_minutes,
  overtimeBreakAfterMinutes: row.overtime_break_after_minutes,
  overtimeBreakMinutes: row.overtime_break_minutes,
  overtimeDailyCapMinutes: row.overtime_daily_cap_minutes,
  overtimeMonthlyCapMinutes: row.overtime_monthly_cap_minutes,
  overtimeDaysAfter: row.overtime_days_after,
});

/**
 * The owner of the company row (its zone, name and default language) and of setting_version, the
 * effective-dated attendance settings.
 */
@Injectable()
export class SettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the company row, so that two edits of its profile cannot interleave. */
  async lockCompany(manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM company FOR UPDATE');
  }

  /** The company's name and default language as stored (the language unchecked). */
  async profile(manager?: EntityManager): Promise<{ name: string; defaultLanguage: string }> {
    const rows: { name: string; default_language: string }[] = await (manager ?? this.dataSource.manager).query('SELECT name, default_language FROM company');
    return { name: rows[0].name, defaultLanguage: rows[0].default_language };
  }

  async setProfile(manager: EntityManager, profile: { name: string; defaultLanguage: string }): Promise<void> {
    await manager.query('UPDATE company SET name = $1, default_language = $2, updated_at = now()', [profile.name, profile.defaultLanguage]);
  }

  async timeZone(manager?: EntityManager): Promise<string> {
    const rows: { time_zone: string }[] = await (manager ?? this.dataSource.manager).query('SELECT time_zone FROM company');
    return rows[0].time_zone;
  }

  async setTimeZone(manager: EntityManager, zone: string): Promise<void> {
    await manager.query('UPDATE company SET time_zone = $1, updated_at = now()', [zone]);
  }

  /** All versions, oldest first (there are few: one per change of policy). */
  async versions(manager?: EntityManager): Promise<SettingVersion[]> {
    const rows: SettingRow[] = await (manager ?? this.dataSource.manager).query('SELECT * FROM setting_version ORDER BY effective_from');
    return rows.map(toVersion);
  }

  async upsert(manager: EntityManager, version: SettingVersion, actorId: string): Promise<void> {
    await manager.query(
      `INSERT INTO setting_version (effective_from, work_week, punch_window_open_minutes, punch_window_close_minutes, grace_minutes,
         serious_late_minutes, absent_after_late_minutes, missing_clock_out_is_early_leave, missing_clock_in_is_absence,
         correction_monthly_limit, correction_days_back, correction_kinds,
         overtime_counting, overtime_unit_minutes, overtime_break_after_minutes, overtime_break_minutes,
         overtime_daily_cap_minutes, overtime_monthly_cap_minutes, overtime_days_after, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $10)
       ON CONFLICT (effective_from) DO UPDATE SET
         work_week = EXCLUDED.work_week, punch_window_open_minutes = EXCLUDED.punch_window_open_minutes,
         punch_window_close_minutes = EXCLUDED.punch_window_close_minutes, grace_minutes = EXCLUDED.grace_minutes,
         serious_late_minutes = EXCLUDED.serious_late_minutes, absent_after_late_minutes = EXCLUDED.absent_after_late_minutes,
         missing_clock_out_is_early_leave = EXCLUDED.missing_clock_out_is_early_leave,
         missing_clock_in_is_absence = EXCLUDED.missing_clock_in_is_absence,
         correction_monthly_limit = EXCLUDED.correction_monthly_limit, correction_days_back = EXCLUDED.correction_days_back,
         correction_kinds = EXCLUDED.correction_kinds,
         overtime_counting = EXCLUDED.overtime_counting, overtime_unit_minutes = EXCLUDED.overtime_unit_minutes,
         overtime_break_after_minutes = EXCLUDED.overtime_break_after_minutes, overtime_break_minutes = EXCLUDED.overtime_break_minutes,
         overtime_daily_cap_minutes = EXCLUDED.overtime_daily_cap_minutes, overtime_monthly_cap_minutes = EXCLUDED.overtime_monthly_cap_minutes,
         overtime_days_after = EXCLUDED.overtime_days_after,
         created_by = EXCLUDED.created_by, created_at = now()`,
      [
        version.effectiveFrom,
        version.workWeek,
        version.punchWindowOpenMinutes,
        version.punchWindowCloseMinutes,
        version.graceMinutes,
        version.seriousLateMinutes,
        version.absentAfterLateMinutes,
        version.missingClockOutIsEarlyLeave,
        version.missingClockInIsAbsence,
        actorId,
        version.correctionMonthlyLimit,
        version.correctionDaysBack,
        version.correctionKinds,
        version.overtimeCounting,
        version.overtimeUnitMinutes,
        version.overtimeBreakAfterMinutes,
        version.overtimeBreakMinutes,
        version.overtimeDailyCapMinutes,
        version.overtimeMonthlyCapMinutes,
        version.overtimeDaysAfter,
      ],
    );
  }
}
