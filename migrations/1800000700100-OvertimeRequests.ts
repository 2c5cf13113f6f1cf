import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overtime requests (加班, issue 22; 劳动法 第41/44条). The employee (or an admin for them) asks for
 * a window of work outside their shift; the direct supervisor decides (H-ORG-3), the office files
 * (H-ORG-4). Once the day's punch window has closed, the attendance engine credits the minutes on
 * attendance_day (overtime_kind / overtime_minutes / lieu_minutes, migration 1800000700000).
 *
 * What the database keeps: no two live requests of one person overlap in time (exclusion
 * constraint, so two racing submissions cannot both land); time off in lieu (调休) only for rest-day
 * work (第44条: working-day extended hours and holiday work are paid); a request is never decided
 * by its own requester; a cap override always names its reason and who gave it. The rules live in
 * the effective-dated attendance settings, the amounts per hour in finance's policy.
 */
export class OvertimeRequests1800000700100 implements MigrationInterface {
  name = 'OvertimeRequests1800000700100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE setting_version
        ADD COLUMN overtime_counting text NOT NULL DEFAULT 'punches_in_window' CHECK (overtime_counting IN ('punches_in_window', 'approved_window', 'punches_only')),
        ADD COLUMN overtime_unit_minutes integer NOT NULL DEFAULT 30 CHECK (overtime_unit_minutes BETWEEN 1 AND 240),
        ADD COLUMN overtime_break_after_minutes integer CHECK (overtime_break_after_minutes BETWEEN 1 AND 1440),
        ADD COLUMN overtime_break_minutes integer CHECK (overtime_break_minutes BETWEEN 1 AND 240),
        ADD COLUMN overtime_daily_cap_minutes integer NOT NULL DEFAULT 180 CHECK (overtime_daily_cap_minutes BETWEEN 0 AND 1440),
        ADD COLUMN overtime_monthly_cap_minutes integer NOT NULL DEFAULT 2160 CHECK (overtime_monthly_cap_minutes BETWEEN 0 AND 44640),
        ADD COLUMN overtime_days_after integer NOT NULL DEFAULT 7 CHECK (overtime_days_after BETWEEN 0 AND 62),
        ADD CONSTRAINT setting_version_overtime_break CHECK ((overtime_break_after_minutes IS NULL) = (overtime_break_minutes IS NULL)
          AND (overtime_break_minutes IS NULL OR overtime_break_minutes < overtime_break_after_minutes))`);
    await q.query(`
      CREATE TABLE overtime_request (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id            uuid NOT NULL REFERENCES staff (id),
        date                date NOT NULL,
        starts_at           timestamptz NOT NULL CHECK (starts_at = date_trunc('minute', starts_at)),
        ends_at             timestamptz NOT NULL CHECK (ends_at = date_trunc('minute', ends_at)),
        day_kind            text NOT NULL CHECK (day_kind IN ('workday', 'rest_day', 'holiday')),
        compensation        text NOT NULL CHECK (compensation IN ('pay', 'lieu')),
        reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        status              text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'filed', 'cancelled')),
        requested_by        uuid NOT NULL REFERENCES staff (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        decided_at          timestamptz,
        decided_by          uuid REFERENCES staff (id),
        decided_as          text CHECK (decided_as IN ('supervisor', 'admin')),
        filed_at            timestamptz,
        filed_by            uuid REFERENCES staff (id),
        withdrawn_at        timestamptz,
        cancelled_at        timestamptz,
        cancelled_by        uuid REFERENCES staff (id),
        cancel_reason       text CHECK (length(cancel_reason) BETWEEN 1 AND 1000),
        cap_override_reason text CHECK (length(cap_override_reason) BETWEEN 3 AND 1000),
        cap_override_by     uuid REFERENCES staff (id),
        CONSTRAINT overtime_request_window CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '24 hours'),
        CONSTRAINT overtime_request_lieu_rest_day CHECK (compensation = 'pay' OR day_kind = 'rest_day'),
        CONSTRAINT overtime_request_not_self_decided CHECK (decided_by IS NULL OR decided_by <> staff_id),
        CONSTRAINT overtime_request_decided CHECK ((status IN ('pending', 'withdrawn')) = (decided_by IS NULL)),
        CONSTRAINT overtime_request_cancel_reason CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
        CONSTRAINT overtime_request_override CHECK ((cap_override_reason IS NULL) = (cap_override_by IS NULL)),
        CONSTRAINT overtime_request_no_overlap EXCLUDE USING gist (staff_id WITH =, (tstzrange(starts_at, ends_at)) WITH &&)
          WHERE (status IN ('pending', 'approved', 'filed'))
      )`);
    await q.query(`CREATE INDEX overtime_request_staff_date_idx ON overtime_request (staff_id, date)`);

    await q.query(`ALTER TABLE approval_event DROP CONSTRAINT approval_event_subject_kind_check`);
    await q.query(`ALTER TABLE approval_event ADD CONSTRAINT approval_event_subject_kind_check CHECK (subject_kind IN ('leave', 'exemption', 'punch_correction', 'overtime'))`);

    // 劳动法 第44条 sets the rates; finance sets what an hour of each kind is worth (zero until it does).
    await q.query(`
      ALTER TABLE finance_policy
        ADD COLUMN overtime_workday_hour_fen integer NOT NULL DEFAULT 0 CHECK (overtime_workday_hour_fen BETWEEN 0 AND 100000000),
        ADD COLUMN overtime_rest_day_hour_fen integer NOT NULL DEFAULT 0 CHECK (overtime_rest_day_hour_fen BETWEEN 0 AND 100000000),
        ADD COLUMN overtime_holiday_hour_fen integer NOT NULL DEFAULT 0 CHECK (overtime_holiday_hour_fen BETWEEN 0 AND 100000000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finance_policy DROP COLUMN overtime_workday_hour_fen, DROP COLUMN overtime_rest_day_hour_fen, DROP COLUMN overtime_holiday_hour_fen`);
    await q.query(`DELETE FROM approval_event WHERE subject_kind = 'overtime'`);
    await q.query(`ALTER TABLE approval_event DROP CONSTRAINT approval_event_subject_kind_check`);
    await q.query(`ALTER TABLE approval_event ADD CONSTRAINT approval_event_subject_kind_check CHECK (subject_kind IN ('leave', 'exemption', 'punch_correction'))`);
    await q.query(`DROP TABLE overtime_request`);
    await q.query(`
      ALTER TABLE setting_version DROP CONSTRAINT setting_version_overtime_break,
        DROP COLUMN overtime_counting, DROP COLUMN overtime_unit_minutes, DROP COLUMN overtime_break_after_minutes, DROP COLUMN overtime_break_minutes,
        DROP COLUMN overtime_daily_cap_minutes, DROP COLUMN overtime_monthly_cap_minutes, DROP COLUMN overtime_days_after`);
  }
}
