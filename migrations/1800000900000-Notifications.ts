import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue 18): a transactional outbox. A change writes a `notification_event` in its
 * own transaction (a rolled-back change leaves none); the deliverer, one instance at a time, fans
 * each event out into in-app rows (`notification`) and deliveries (`notification_delivery`: one
 * per channel and target, each with its idempotency key) and delivers them with backoff.
 * Staff get an optional e-mail address and reading language; robots and webhooks are
 * `notification_channel` rows whose URL and secrets are stored encrypted (AES-256-GCM).
 */
export class Notifications1800000900000 implements MigrationInterface {
  name = 'Notifications1800000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff
        ADD COLUMN email text CONSTRAINT staff_email_valid CHECK (length(email) <= 254 AND email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        ADD COLUMN language text CONSTRAINT staff_language_known CHECK (language IN ('zh-CN', 'en'))`);

    await q.query(`
      CREATE TABLE notification_settings (
        id                       boolean PRIMARY KEY DEFAULT true CHECK (id),
        retention_days           integer NOT NULL DEFAULT 180 CONSTRAINT notification_retention_range CHECK (retention_days BETWEEN 7 AND 3650),
        digest_hour              integer NOT NULL DEFAULT 9 CONSTRAINT notification_digest_hour_range CHECK (digest_hour BETWEEN 0 AND 23),
        reminder_hours           integer NOT NULL DEFAULT 24 CONSTRAINT notification_reminder_range CHECK (reminder_hours BETWEEN 1 AND 720),
        escalation_hours         integer NOT NULL DEFAULT 48 CONSTRAINT notification_escalation_range CHECK (escalation_hours BETWEEN 1 AND 720),
        terminal_silent_minutes  integer NOT NULL DEFAULT 30 CONSTRAINT notification_silent_range CHECK (terminal_silent_minutes BETWEEN 5 AND 10080),
        email_kinds              text[] NOT NULL DEFAULT '{request_waiting,request_reminder,request_escalated,request_decided,daily_problems,handbook_published,disciplinary_issued,month_ready,month_closed,month_reopened,terminal_silent,terminal_rejected_lines}',
        updated_at               timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_escalation_after_reminder CHECK (escalation_hours > reminder_hours)
      )`);
    await q.query(`INSERT INTO notification_settings DEFAULT VALUES`);

    await q.query(`
      CREATE TABLE notification_event (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind           text NOT NULL CONSTRAINT notification_event_kind_shape CHECK (kind ~ '^[a-z_]{1,40}$'),
        audience       text NOT NULL CONSTRAINT notification_event_audience_known CHECK (audience IN ('person', 'approver', 'office', 'finance', 'everyone')),
        -- The person the event concerns (the recipient for 'person', the requester for 'approver'); their team's robots hear it.
        staff_id       uuid REFERENCES staff (id),
        params         jsonb NOT NULL DEFAULT '{}',
        -- Events a sweep finds (a reminder, a digest) are written once: the key says which.
        dedupe_key     text CONSTRAINT notification_event_dedupe_unique UNIQUE,
        created_at     timestamptz NOT NULL DEFAULT now(),
        fanned_out_at  timestamptz,
        CONSTRAINT notification_event_staff_needed CHECK (audience NOT IN ('person', 'approver') OR staff_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX notification_event_to_fan_out ON notification_event (created_at) WHERE fanned_out_at IS NULL`);
    await q.query(`CREATE INDEX notification_event_created ON notification_event (created_at)`);

    await q.query(`
      CREATE TABLE notification (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id      uuid NOT NULL REFERENCES notification_event (id) ON DELETE CASCADE,
        recipient_id  uuid NOT NULL REFERENCES staff (id),
        created_at    timestamptz NOT NULL,
        read_at       timestamptz,
        CONSTRAINT notification_once_per_recipient UNIQUE (event_id, recipient_id)
      )`);
    await q.query(`CREATE INDEX notification_inbox ON notification (recipient_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE notification_channel (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind            text NOT NULL CONSTRAINT notification_channel_kind_known CHECK (kind IN ('dingtalk', 'wecom', 'feishu', 'webhook')),
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        -- The URL names the group (its token or key): a secret, so encrypted like the signing secret.
        url_encrypted   text NOT NULL,
        url_host        text NOT NULL,
        url_last4       text NOT NULL,
        secret_encrypted text,
        secret_last4    text,
        scope           text NOT NULL CONSTRAINT notification_channel_scope_known CHECK (scope IN ('office', 'team')),
        team_lead_id    uuid REFERENCES staff (id),
        event_kinds     text[] NOT NULL CONSTRAINT notification_channel_kinds_not_empty CHECK (cardinality(event_kinds) BETWEEN 1 AND 50),
        active          boolean NOT NULL DEFAULT true,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_channel_team_named CHECK ((scope = 'team') = (team_lead_id IS NOT NULL)),
        CONSTRAINT notification_channel_webhook_signed CHECK (kind <> 'webhook' OR secret_encrypted IS NOT NULL),
        CONSTRAINT notification_channel_last4 CHECK ((secret_encrypted IS NULL) = (secret_last4 IS NULL))
      )`);

    await q.query(`
      CREATE TABLE notification_preference (
        staff_id  uuid NOT NULL REFERENCES staff (id),
        kind      text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
        email     boolean NOT NULL,
        PRIMARY KEY (staff_id, kind)
      )`);

    await q.query(`
      CREATE TABLE notification_delivery (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id         uuid NOT NULL REFERENCES notification_event (id) ON DELETE CASCADE,
        kind             text NOT NULL,
        channel          text NOT NULL CONSTRAINT notification_delivery_channel_known CHECK (channel IN ('email', 'dingtalk', 'wecom', 'feishu', 'webhook')),
        recipient_id     uuid REFERENCES staff (id),
        channel_id       uuid REFERENCES notification_channel (id),
        address          text,
        language         text NOT NULL CHECK (language IN ('zh-CN', 'en')),
        -- Sent with every attempt (webhook-id, Message-ID): a receiver that has it already drops the repeat.
        idempotency_key  text NOT NULL CONSTRAINT notification_delivery_idempotency_unique UNIQUE,
        status           text NOT NULL DEFAULT 'pending' CONSTRAINT notification_delivery_status_known CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts         integer NOT NULL DEFAULT 0 CONSTRAINT notification_delivery_attempts_range CHECK (attempts BETWEEN 0 AND 6),
        next_attempt_at  timestamptz,
        last_error       text CHECK (length(last_error) <= 1000),
        last_attempt_at  timestamptz,
        delivered_at     timestamptz,
        created_at       timestamptz NOT NULL,
        CONSTRAINT notification_delivery_target CHECK ((channel = 'email') = (recipient_id IS NOT NULL AND address IS NOT NULL) AND (channel = 'email') = (channel_id IS NULL)),
        CONSTRAINT notification_delivery_pending_due CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
        CONSTRAINT notification_delivery_delivered_at CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
        CONSTRAINT notification_delivery_failed_said CHECK (status <> 'failed' OR (last_error IS NOT NULL AND attempts > 0))
      )`);
    await q.query(`CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX notification_delivery_log ON notification_delivery (created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_delivery, notification_preference, notification_channel, notification, notification_event, notification_settings`);
    await q.query(`ALTER TABLE staff DROP COLUMN email, DROP COLUMN language`);
  }
}
