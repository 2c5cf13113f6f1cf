import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leave requests (H-ATT-10, H-ATT-11) and business-trip exemptions (H-ATT-8, H-ATT-9, H-ATT-12),
 * their approvals by the direct supervisor (H-ORG-3) and filing by the office (H-ORG-4).
 */
export class LeaveAndExemptions1764489600000 implements MigrationInterface {
  name = 'LeaveAndExemptions1764489600000';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint mix equality (the person) and range overlap.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE leave_type (
        code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name_zh     text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 50),
        name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
        paid        boolean NOT NULL,
        active      boolean NOT NULL DEFAULT true,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // H-ATT-1: the leave categories of the handbook.
    await q.query(`
      INSERT INTO leave_type (code, name_zh, name_en, paid) VALUES
        ('personal', '事假', 'Personal leave', false),
        ('sick', '病假', 'Sick leave', true),
        ('marriage', '婚假', 'Marriage leave', true),
        ('bereavement', '丧假', 'Bereavement leave', true)`);

    await q.query(`
      CREATE TABLE leave_request (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id        uuid NOT NULL REFERENCES staff (id),
        type_code       text NOT NULL REFERENCES leave_type (code),
        start_date      date NOT NULL,
        start_half      text CHECK (start_half IN ('am', 'pm')),
        end_date        date NOT NULL,
        end_half        text CHECK (end_half IN ('am', 'pm')),
        -- Half-day slots covered: day n since 2000-01-01 has slots 2n (morning) and 2n+1 (afternoon).
        slots           int4range NOT NULL,
        working_days    numeric(6, 1) NOT NULL CHECK (working_days >= 0),
        reason          text NOT NULL CHECK (length(reason) <= 1000),
        emergency       boolean NOT NULL,
        status          text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled', 'filed')),
        created_at      timestamptz NOT NULL DEFAULT now(),
        decided_at      timestamptz,
        decided_by      uuid REFERENCES staff (id),
        decided_as      text CHECK (decided_as IN ('supervisor', 'admin')),
        filed_at        timestamptz,
        filed_by        uuid REFERENCES staff (id),
        cancelled_at    timestamptz,
        cancelled_by    uuid REFERENCES staff (id),
        CONSTRAINT leave_dates_in_order CHECK (end_date >= start_date AND NOT isempty(slots)),
        CONSTRAINT leave_not_self_decided CHECK (decided_by IS NULL OR decided_by <> staff_id),
        -- H-ATT-10: one person's live requests never overlap (two halves of one day do not).
        CONSTRAINT leave_no_overlap EXCLUDE USING gist (staff_id WITH =, slots WITH &&) WHERE (status IN ('pending', 'approved', 'filed'))
      )`);
    await q.query(`CREATE INDEX leave_request_staff_idx ON leave_request (staff_id, start_date)`);
    await q.query(`CREATE INDEX leave_request_pending_idx ON leave_request (created_at) WHERE status IN ('pending', 'approved')`);

    await q.query(`
      CREATE TABLE exemption (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id          uuid NOT NULL REFERENCES staff (id),
        date              date NOT NULL,
        from_time         text CHECK (from_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        to_time           text CHECK (to_time ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'),
        destination       text NOT NULL CHECK (length(destination) BETWEEN 1 AND 200),
        reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        status            text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'filed', 'revoked')),
        created_at        timestamptz NOT NULL DEFAULT now(),
        decided_at        timestamptz,
        decided_by        uuid REFERENCES staff (id),
        decided_as        text CHECK (decided_as IN ('supervisor', 'admin')),
        -- H-ATT-8/H-ATT-12: the supervisor's signature, word for word.
        attestation       text,
        filed_at          timestamptz,
        filed_by          uuid REFERENCES staff (id),
        revoked_at        timestamptz,
        revoked_by        uuid REFERENCES staff (id),
        revoke_reason     text,
        revoked_as_false  boolean,
        CONSTRAINT exemption_window CHECK ((from_time IS NULL) = (to_time IS NULL) AND (from_time IS NULL OR from_time < to_time)),
        CONSTRAINT exemption_not_self_decided CHECK (decided_by IS NULL OR decided_by <> staff_id),
        CONSTRAINT exemption_signed CHECK (status NOT IN ('approved', 'filed') OR attestation IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX exemption_staff_idx ON exemption (staff_id, date)`);

    // Every transition of a request: who, when, in which capacity, with what comment (H-ATT-12).
    await q.query(`
      CREATE TABLE approval_event (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject_kind  text NOT NULL CHECK (subject_kind IN ('leave', 'exemption')),
        subject_id    uuid NOT NULL,
        from_status   text,
        to_status     text NOT NULL,
        actor_id      uuid NOT NULL REFERENCES staff (id),
        acting_as     text NOT NULL CHECK (acting_as IN ('employee', 'supervisor', 'admin', 'finance')),
        comment       text CHECK (length(comment) <= 1000),
        at            timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX approval_event_subject_idx ON approval_event (subject_kind, subject_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['approval_event', 'exemption', 'leave_request', 'leave_type']) await q.query(`DROP TABLE ${table}`);
  }
}
