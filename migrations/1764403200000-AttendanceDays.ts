import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The materialised day results (H-ATT-1, H-ATT-5 … H-ATT-9): one row per person and date on which
 * they were employed, recomputed in the same transaction as any change to its inputs.
 */
export class AttendanceDays1764403200000 implements MigrationInterface {
  name = 'AttendanceDays1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attendance_day (
        staff_id         uuid NOT NULL REFERENCES staff (id),
        date             date NOT NULL,
        status           text NOT NULL CHECK (status IN ('present', 'late', 'absent', 'leave', 'exempt', 'holiday', 'rest', 'pending', 'not_employed')),
        calendar_kind    text NOT NULL CHECK (calendar_kind IN ('workday', 'holiday', 'makeup_workday', 'rest')),
        on_duty          boolean NOT NULL,
        shift_code       text,
        leave_type_code  text,
        first_in         timestamptz,
        last_out         timestamptz,
        late_minutes     integer NOT NULL CHECK (late_minutes >= 0),
        early_minutes    integer NOT NULL CHECK (early_minutes >= 0),
        worked_minutes   integer NOT NULL CHECK (worked_minutes >= 0),
        missing_in       boolean NOT NULL,
        missing_out      boolean NOT NULL,
        early_leave      boolean NOT NULL,
        serious_late     boolean NOT NULL,
        absence_days     numeric(2, 1) NOT NULL CHECK (absence_days IN (0, 0.5, 1)),
        leave_days       numeric(2, 1) NOT NULL CHECK (leave_days IN (0, 0.5, 1)),
        exempt_days      numeric(2, 1) NOT NULL CHECK (exempt_days IN (0, 0.5, 1)),
        explanation      jsonb NOT NULL,
        -- When the punch window closes: a pending day becomes final after it.
        window_close     timestamptz,
        computed_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (staff_id, date)
      )`);
    await q.query(`CREATE INDEX attendance_day_date_idx ON attendance_day (date)`);
    await q.query(`CREATE INDEX attendance_day_pending_idx ON attendance_day (window_close) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attendance_day`);
  }
}
