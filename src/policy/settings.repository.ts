import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SettingVersion } from '../domain/settings';

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
});

@Injectable()
export class SettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

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
         serious_late_minutes, absent_after_late_minutes, missing_clock_out_is_early_leave, missing_clock_in_is_absence, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (effective_from) DO UPDATE SET
         work_week = EXCLUDED.work_week, punch_window_open_minutes = EXCLUDED.punch_window_open_minutes,
         punch_window_close_minutes = EXCLUDED.punch_window_close_minutes, grace_minutes = EXCLUDED.grace_minutes,
         serious_late_minutes = EXCLUDED.serious_late_minutes, absent_after_late_minutes = EXCLUDED.absent_after_late_minutes,
         missing_clock_out_is_early_leave = EXCLUDED.missing_clock_out_is_early_leave,
         missing_clock_in_is_absence = EXCLUDED.missing_clock_in_is_absence,
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
      ],
    );
  }
}
