import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Company settings and shifts (effective from a date), calendar overrides, the duty roster,
 * devices and punches (H-ATT-2, H-ATT-3, H-ATT-4, H-ATT-7), and the accounting months whose lock
 * every dated write checks.
 */
export class ScheduleAndPunches1764316800000 implements MigrationInterface {
  name = 'ScheduleAndPunches1764316800000';

  async up(q: QueryRunner): Promise<void> {
    // One row: the company's time zone. Not effective-dated: every stored instant is absolute,
    // and the zone only says how to read local dates and times.
    await q.query(`
      CREATE TABLE company (
        id          boolean PRIMARY KEY DEFAULT true CHECK (id),
        time_zone   text NOT NULL DEFAULT 'Asia/Shanghai',
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO company DEFAULT VALUES`);

    // Attendance settings; the version in force on a date is the latest effective_from <= date.
    await q.query(`
      CREATE TABLE setting_version (
        effective_from                    date PRIMARY KEY,
        work_week                         smallint[] NOT NULL CHECK (work_week <@ ARRAY[1,2,3,4,5,6,7]::smallint[]),
        punch_window_open_minutes         integer NOT NULL CHECK (punch_window_open_minutes BETWEEN 0 AND 720),
        punch_window_close_minutes        integer NOT NULL CHECK (punch_window_close_minutes BETWEEN 0 AND 720),
        grace_minutes                     integer NOT NULL CHECK (grace_minutes BETWEEN 0 AND 240),
        serious_late_minutes              integer CHECK (serious_late_minutes BETWEEN 1 AND 720),
        absent_after_late_minutes         integer CHECK (absent_after_late_minutes BETWEEN 1 AND 720),
        missing_clock_out_is_early_leave  boolean NOT NULL,
        missing_clock_in_is_absence       boolean NOT NULL,
        created_by                        uuid REFERENCES staff (id),
        created_at                        timestamptz NOT NULL DEFAULT now()
      )`);
    // The handbook's defaults (H-ATT-2 seven-day week, H-ATT-5 no grace, H-ATT-6 missing clock-out as early leave).
    await q.query(`
      INSERT INTO setting_version (effective_from, work_week, punch_window_open_minutes, punch_window_close_minutes,
        grace_minutes, serious_late_minutes, absent_after_late_minutes, missing_clock_out_is_early_leave, missing_clock_in_is_absence)
      VALUES ('2000-01-01', '{1,2,3,4,5,6,7}', 180, 360, 0, NULL, NULL, true, true)`);

    await q.query(`
      CREATE TABLE shift_version (
        code            text NOT NULL CHECK (code IN ('office', 'duty')),
        effective_from  date NOT NULL,
        sessions        jsonb NOT NULL CHECK (jsonb_typeof(sessions) = 'array' AND jsonb_array_length(sessions) BETWEEN 1 AND 4),
        created_by      uuid REFERENCES staff (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, effective_from)
      )`);
    // H-ATT-3 office 08:30-12:00 and 13:00-17:30; H-ATT-4 duty 16:00-24:00.
    await q.query(`
      INSERT INTO shift_version (code, effective_from, sessions) VALUES
        ('office', '2000-01-01', '[{"start":"08:30","end":"12:00"},{"start":"13:00","end":"17:30"}]'),
        ('duty', '2000-01-01', '[{"start":"16:00","end":"24:00"}]')`);

    await q.query(`
      CREATE TABLE calendar_override (
        date        date PRIMARY KEY,
        kind        text NOT NULL CHECK (kind IN ('workday', 'holiday', 'makeup_workday', 'rest')),
        name        text CHECK (length(name) BETWEEN 1 AND 100),
        created_by  uuid REFERENCES staff (id),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    // H-ATT-2: exactly one person on duty per date — the primary key refuses a second.
    await q.query(`
      CREATE TABLE duty_roster (
        date        date PRIMARY KEY,
        staff_id    uuid NOT NULL REFERENCES staff (id),
        source      text NOT NULL CHECK (source IN ('manual', 'generated')),
        created_by  uuid REFERENCES staff (id),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX duty_roster_staff_idx ON duty_roster (staff_id, date)`);

    await q.query(`
      CREATE TABLE device (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        serial_number      text NOT NULL CHECK (serial_number ~ '^[A-Za-z0-9_.-]{1,64}$'),
        key_prefix         text NOT NULL,
        key_hash           text NOT NULL,
        time_zone          text,
        active             boolean NOT NULL DEFAULT true,
        created_by         uuid REFERENCES staff (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        last_seen_at       timestamptz,
        last_punch_at      timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX device_serial_number_key ON device (serial_number)`);
    await q.query(`CREATE UNIQUE INDEX device_key_prefix_key ON device (key_prefix)`);

    // H-ATT-7: the clock records are the only source of arrival and departure. Punches are
    // never edited or deleted; a wrong one is voided. One punch per person per second.
    await q.query(`
      CREATE TABLE punch (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id      uuid NOT NULL REFERENCES staff (id),
        at            timestamptz NOT NULL CHECK (at = date_trunc('second', at)),
        source        text NOT NULL CHECK (source IN ('clock', 'batch', 'import', 'device', 'manual')),
        source_label  text CHECK (length(source_label) <= 64),
        device_id     uuid REFERENCES device (id),
        reason        text CHECK (length(reason) <= 500),
        created_by    text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        voided_at     timestamptz,
        voided_by     uuid REFERENCES staff (id),
        void_reason   text CHECK (length(void_reason) <= 500),
        CONSTRAINT punch_once_per_second UNIQUE (staff_id, at),
        CONSTRAINT punch_manual_has_reason CHECK (source <> 'manual' OR reason IS NOT NULL),
        CONSTRAINT punch_void_has_reason CHECK ((voided_at IS NULL) = (void_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX punch_at_idx ON punch (at)`);
    // Only the void columns may change, once: what the clock recorded is evidence.
    await q.query(`
      CREATE FUNCTION punch_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.staff_id, NEW.at, NEW.source, NEW.source_label, NEW.device_id, NEW.reason, NEW.created_by, NEW.created_at)
           IS DISTINCT FROM (OLD.staff_id, OLD.at, OLD.source, OLD.source_label, OLD.device_id, OLD.reason, OLD.created_by, OLD.created_at)
           OR OLD.voided_at IS NOT NULL THEN
          RAISE EXCEPTION 'punches are never edited; void them instead' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER punch_never_edited BEFORE UPDATE ON punch FOR EACH ROW EXECUTE FUNCTION punch_refuse_edit()`);

    // A month is open until finance closes it; every write affecting a date checks this row.
    await q.query(`
      CREATE TABLE accounting_month (
        month       text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        state       text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        changed_at  timestamptz NOT NULL DEFAULT now(),
        changed_by  uuid REFERENCES staff (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE punch`);
    await q.query(`DROP FUNCTION punch_refuse_edit()`);
    for (const table of ['accounting_month', 'device', 'duty_roster', 'calendar_override', 'shift_version', 'setting_version', 'company']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
