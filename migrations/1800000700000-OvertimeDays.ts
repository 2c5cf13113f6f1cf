import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overtime credited on a judged day (issue 22, 劳动法 第41/44条). A person's day has one type
 * (a working day of their schedule, a rest day, a statutory holiday), so it has one kind of
 * overtime: the minutes credited once the day's punch window has closed, and of rest-day minutes
 * the part the employee chose to take back as time off in lieu (调休) instead of pay. The lieu
 * balance reads its grants from here, so a recomputed day moves its grant with it.
 */
export class OvertimeDays1800000700000 implements MigrationInterface {
  name = 'OvertimeDays1800000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_day ADD COLUMN overtime_kind text CHECK (overtime_kind IN ('workday', 'rest_day', 'holiday'))`);
    await q.query(`ALTER TABLE attendance_day ADD COLUMN overtime_minutes integer NOT NULL DEFAULT 0 CHECK (overtime_minutes >= 0 AND overtime_minutes <= 1440)`);
    await q.query(`ALTER TABLE attendance_day ADD COLUMN lieu_minutes integer NOT NULL DEFAULT 0 CHECK (lieu_minutes >= 0 AND lieu_minutes <= overtime_minutes)`);
    await q.query(`ALTER TABLE attendance_day ADD CONSTRAINT attendance_day_overtime_kind CHECK ((overtime_kind IS NULL) = (overtime_minutes = 0))`);
    // 劳动法 第44条: working-day extended hours are paid, holiday work is paid at 300%; only rest-day work may be repaid in time.
    await q.query(`ALTER TABLE attendance_day ADD CONSTRAINT attendance_day_lieu_rest_day CHECK (lieu_minutes = 0 OR overtime_kind = 'rest_day')`);
    await q.query(`CREATE INDEX attendance_day_lieu_idx ON attendance_day (staff_id, date) WHERE lieu_minutes > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attendance_day_lieu_idx`);
    await q.query(`ALTER TABLE attendance_day DROP CONSTRAINT attendance_day_lieu_rest_day`);
    await q.query(`ALTER TABLE attendance_day DROP CONSTRAINT attendance_day_overtime_kind`);
    await q.query(`ALTER TABLE attendance_day DROP COLUMN lieu_minutes`);
    await q.query(`ALTER TABLE attendance_day DROP COLUMN overtime_minutes`);
    await q.query(`ALTER TABLE attendance_day DROP COLUMN overtime_kind`);
  }
}
