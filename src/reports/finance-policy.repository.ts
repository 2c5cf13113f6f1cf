import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FinancePolicy } from '../domain/money';

const SELECT = `SELECT effective_month AS "effectiveMonth", late_fen AS "lateFen", serious_late_fen AS "seriousLateFen", absence_day_fen AS "absenceDayFen",
  missing_punch_fen AS "missingPunchFen", full_attendance_bonus_fen AS "fullAttendanceBonusFen", correction_fen AS "correctionFen",
  overtime_workday_hour_fen AS "overtimeWorkdayHourFen", overtime_rest_day_hour_fen AS "overtimeRestDayHourFen", overtime_holiday_hour_fen AS "overtimeHolidayHourFen" FROM finance_policy`;

/** The owner of finance_policy (H-ATT-7): one version per month it takes effect from, read as a FinancePolicy. */
@Injectable()
export class FinancePolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every version, oldest first. */
  versions(): Promise<FinancePolicy[]> {
    return this.dataSource.query(`${SELECT} ORDER BY effective_month`);
  }

  /** The version taking effect in exactly this month, if there is one (what a put replaces). */
  async effectiveFrom(manager: EntityManager, month: string): Promise<FinancePolicy | null> {
    const rows: FinancePolicy[] = await manager.query(`${SELECT} WHERE effective_month = $1`, [month]);
    return rows[0] ?? null;
  }

  /** The version in force in a month; a month before the first version is governed by the first one. */
  async inForce(manager: EntityManager, month: string): Promise<FinancePolicy> {
    const rows: FinancePolicy[] = await manager.query(
      `${SELECT}
        ORDER BY effective_month <= $1 DESC, CASE WHEN effective_month <= $1 THEN effective_month END DESC, effective_month ASC
        LIMIT 1`,
      [month],
    );
    return rows[0];
  }

  async upsert(manager: EntityManager, policy: FinancePolicy, actorId: string): Promise<void> {
    await manager.query(
      `INSERT INTO finance_policy (effective_month, late_fen, serious_late_fen, absence_day_fen, missing_punch_fen, full_attendance_bonus_fen, correction_fen,
         overtime_workday_hour_fen, overtime_rest_day_hour_fen, overtime_holiday_hour_fen, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $8, $9, $10, $11, $7)
       ON CONFLICT (effective_month) DO UPDATE SET late_fen = EXCLUDED.late_fen, serious_late_fen = EXCLUDED.serious_late_fen,
         absence_day_fen = EXCLUDED.absence_day_fen, missing_punch_fen = EXCLUDED.missing_punch_fen,
         full_attendance_bonus_fen = EXCLUDED.full_attendance_bonus_fen, correction_fen = EXCLUDED.correction_fen,
         overtime_workday_hour_fen = EXCLUDED.overtime_workday_hour_fen, overtime_rest_day_hour_fen = EXCLUDED.overtime_rest_day_hour_fen,
         overtime_holiday_hour_fen = EXCLUDED.overtime_holiday_hour_fen, created_by = EXCLUDED.created_by, created_at = now()`,
      [policy.effectiveMonth, policy.lateFen, policy.seriousLateFen, policy.absenceDayFen, policy.missingPunchFen, policy.fullAttendanceBonusFen, actorId, policy.correctionFen,
        policy.overtimeWorkdayHourFen, policy.overtimeRestDayHourFen, policy.overtimeHolidayHourFen],
    );
  }
}
