import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Make-up punch requests (补卡, issue 17). The employee asks for a punch the clock did not record;
 * the direct supervisor decides (H-ORG-3), the office files (H-ORG-4). Approval inserts a punch of
 * source `correction` linked to the request; a later cancellation voids it. What the terminal
 * recorded is never changed (H-ATT-7).
 *
 * The rules the database keeps: one live request per person, day, session and punch (a partial
 * unique index, so two racing submissions cannot both land); a correction punch always names its
 * request and only one punch per request; a request is never decided by its own requester; the
 * policy lives in the effective-dated attendance settings.
 */
export class PunchCorrections1800000600000 implements MigrationInterface {
  name = 'PunchCorrections1800000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE setting_version
        ADD COLUMN correction_monthly_limit integer NOT NULL DEFAULT 3 CHECK (correction_monthly_limit BETWEEN 0 AND 31),
        ADD COLUMN correction_days_back integer NOT NULL DEFAULT 7 CHECK (correction_days_back BETWEEN 1 AND 62),
        ADD COLUMN correction_kinds text[] NOT NULL DEFAULT '{missing_punch}'
          CHECK (correction_kinds <@ ARRAY['missing_punch', 'late_arrival', 'early_departure']::text[])`);
    await q.query(`
      CREATE TABLE punch_correction (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id       uuid NOT NULL REFERENCES staff (id),
        date           date NOT NULL,
        session        integer NOT NULL CHECK (session BETWEEN 0 AND 9),
        direction      text NOT NULL CHECK (direction IN ('in', 'out')),
        kind           text NOT NULL CHECK (kind IN ('missing_punch', 'late_arrival', 'early_departure')),
        at             timestamptz NOT NULL CHECK (at = date_trunc('second', at)),
        recorded_at    timestamptz,
        reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        status         text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'filed', 'cancelled')),
        created_at     timestamptz NOT NULL DEFAULT now(),
        decided_at     timestamptz,
        decided_by     uuid REFERENCES staff (id),
        decided_as     text CHECK (decided_as IN ('supervisor', 'admin')),
        filed_at       timestamptz,
        filed_by       uuid REFERENCES staff (id),
        withdrawn_at   timestamptz,
        cancelled_at   timestamptz,
        cancelled_by   uuid REFERENCES staff (id),
        cancel_reason  text CHECK (length(cancel_reason) BETWEEN 1 AND 1000),
        CONSTRAINT punch_correction_not_self_decided CHECK (decided_by IS NULL OR decided_by <> staff_id),
        CONSTRAINT punch_correction_decided CHECK ((status IN ('pending', 'withdrawn')) = (decided_by IS NULL)),
        CONSTRAINT punch_correction_cancel_reason CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
        CONSTRAINT punch_correction_recorded CHECK ((kind = 'missing_punch') = (recorded_at IS NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX punch_correction_one_live ON punch_correction (staff_id, date, session, direction)
       WHERE status IN ('pending', 'approved', 'filed')`);
    await q.query(`CREATE INDEX punch_correction_staff_date_idx ON punch_correction (staff_id, date)`);

    await q.query(`ALTER TABLE punch ADD COLUMN correction_id uuid REFERENCES punch_correction (id)`);
    await q.query(`ALTER TABLE punch DROP CONSTRAINT punch_source_check`);
    await q.query(`ALTER TABLE punch ADD CONSTRAINT punch_source_check CHECK (source IN ('clock', 'batch', 'import', 'device', 'manual', 'correction'))`);
    await q.query(`ALTER TABLE punch ADD CONSTRAINT punch_correction_linked CHECK ((source = 'correction') = (correction_id IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX punch_one_per_correction ON punch (correction_id) WHERE correction_id IS NOT NULL`);
    // The link is evidence too: only the void columns may still change.
    await q.query(`
      CREATE OR REPLACE FUNCTION punch_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.staff_id, NEW.at, NEW.source, NEW.source_label, NEW.device_id, NEW.reason, NEW.created_by, NEW.created_at, NEW.correction_id)
           IS DISTINCT FROM (OLD.staff_id, OLD.at, OLD.source, OLD.source_label, OLD.device_id, OLD.reason, OLD.created_by, OLD.created_at, OLD.correction_id)
           OR OLD.voided_at IS NOT NULL THEN
          RAISE EXCEPTION 'punches are never edited; void them instead' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);

    await q.query(`ALTER TABLE approval_event DROP CONSTRAINT approval_event_subject_kind_check`);
    await q.query(`ALTER TABLE approval_event ADD CONSTRAINT approval_event_subject_kind_check CHECK (subject_kind IN ('leave', 'exemption', 'punch_correction'))`);

    // H-ATT-7: finance may attach an amount to each approved make-up punch; zero until it does.
    await q.query(`ALTER TABLE finance_policy ADD COLUMN correction_fen integer NOT NULL DEFAULT 0 CHECK (correction_fen BETWEEN 0 AND 100000000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE finance_policy DROP COLUMN correction_fen`);
    await q.query(`DELETE FROM approval_event WHERE subject_kind = 'punch_correction'`);
    await q.query(`ALTER TABLE approval_event DROP CONSTRAINT approval_event_subject_kind_check`);
    await q.query(`ALTER TABLE approval_event ADD CONSTRAINT approval_event_subject_kind_check CHECK (subject_kind IN ('leave', 'exemption'))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION punch_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.staff_id, NEW.at, NEW.source, NEW.source_label, NEW.device_id, NEW.reason, NEW.created_by, NEW.created_at)
           IS DISTINCT FROM (OLD.staff_id, OLD.at, OLD.source, OLD.source_label, OLD.device_id, OLD.reason, OLD.created_by, OLD.created_at)
           OR OLD.voided_at IS NOT NULL THEN
          RAISE EXCEPTION 'punches are never edited; void them instead' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE punch DROP CONSTRAINT punch_correction_linked`);
    await q.query(`ALTER TABLE punch DROP CONSTRAINT punch_source_check`);
    await q.query(`ALTER TABLE punch ADD CONSTRAINT punch_source_check CHECK (source IN ('clock', 'batch', 'import', 'device', 'manual'))`);
    await q.query(`ALTER TABLE punch DROP COLUMN correction_id`);
    await q.query(`DROP TABLE punch_correction`);
    await q.query(`ALTER TABLE setting_version DROP COLUMN correction_monthly_limit, DROP COLUMN correction_days_back, DROP COLUMN correction_kinds`);
  }
}
