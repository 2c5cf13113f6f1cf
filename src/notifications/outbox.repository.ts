import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';
import type { Audience, ChannelKind, DeliveryChannel } from '../domain/notifications/kinds';

export interface NewEvent {
  kind: string;
  audience: Audience;
  /** The person concerned: the recipient ('person'), the requester ('approver'). */
  staffId: string | null;
  params: Record<string, unknown>;
  /** Set for what a sweep finds, so that it is written once however often the sweep looks. */
  dedupeKey?: string;
}

export interface EventRow {
  id: string;
  kind: string;
  audience: Audience;
  staff_id: string | null;
  params: Record<string, unknown>;
  created_at: Date;
}

export interface RecipientRow {
  id: string;
  email: string | null;
  language: 'zh-CN' | 'en';
  wants_email: boolean;
}

export interface ChannelTargetRow {
  id: string;
  kind: ChannelKind;
}

export interface DueDeliveryRow {
  id: string;
  event_id: string;
  kind: string;
  channel: DeliveryChannel;
  address: string | null;
  language: 'zh-CN' | 'en';
  idempotency_key: string;
  attempts: number;
  params: Record<string, unknown>;
  event_created_at: Date;
  url_encrypted: string | null;
  secret_encrypted: string | null;
}

// The people with their address, language and e-mail choice for a kind of message.
const RECIPIENTS = `
  SELECT s.id, s.email, coalesce(s.language, (SELECT default_language FROM company)) AS language,
         coalesce(p.email, $2 = ANY (ns.email_kinds)) AS wants_email
    FROM staff s CROSS JOIN notification_settings ns LEFT JOIN notification_preference p ON p.staff_id = s.id AND p.kind = $2
   WHERE s.id = ANY ($1::uuid[])
   ORDER BY s.id`;

const ACTIVE_WITH_ROLE = `SELECT id FROM staff WHERE active AND $1 = ANY (roles) AND id IS DISTINCT FROM $2::uuid`;

// The robots and webhooks that hear an event: the office's, and a team's for an event about one
// of its members (or its lead), or for everyone.
const CHANNEL_TARGETS = `
  SELECT ch.id, ch.kind FROM notification_channel ch, notification_event e
   WHERE e.id = $1 AND ch.active AND e.kind = ANY (ch.event_kinds)
     AND (ch.scope = 'office'
       OR e.audience = 'everyone'
       OR ch.team_lead_id = e.staff_id
       OR ch.team_lead_id = (SELECT supervisor_id FROM staff WHERE id = e.staff_id))
   ORDER BY ch.id`;

/** The outbox's state, for the metrics. */
export interface OutboxCounts {
  waiting: number;
  pending: number;
  due: number;
  failed: number;
  oldestDueSeconds: number;
}

/**
 * The outbox: events written in the caller's transaction, and the deliverer's reads and writes.
 * The deliverer runs these on its lock session's connection (one instance at a time).
 */
@Injectable()
export class OutboxRepository {
  async insertEvent(manager: EntityManager, event: NewEvent, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO notification_event (kind, audience, staff_id, params, dedupe_key, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
      [event.kind, event.audience, event.staffId, JSON.stringify(event.params), event.dedupeKey ?? null, at],
    );
  }

  /** Names of staff, for the words of a message. */
  async names(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM staff WHERE id = ANY ($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  eventsToFanOut(manager: EntityManager, limit: number): Promise<EventRow[]> {
    return manager.query(
      `SELECT id, kind, audience, staff_id, params, created_at FROM notification_event WHERE fanned_out_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /**
   * Who reads an event, by its audience: the person; the approver — the requester's active direct
   * supervisor, or the admins when there is none (H-ORG-3), never the requester; the office
   * (admins); finance; or every active person.
   */
  async recipients(manager: EntityManager, event: EventRow): Promise<RecipientRow[]> {
    const ids = async (sql: string, params: unknown[]) => ((await manager.query(sql, params)) as { id: string }[]).map((row) => row.id);
    let recipientIds: string[];
    switch (event.audience) {
      case 'person':
        recipientIds = await ids(`SELECT id FROM staff WHERE id = $1 AND active`, [event.staff_id]);
        break;
      case 'approver':
        recipientIds = await ids(`SELECT sup.id FROM staff s JOIN staff sup ON sup.id = s.supervisor_id WHERE s.id = $1 AND sup.active`, [event.staff_id]);
        if (recipientIds.length === 0) recipientIds = await ids(ACTIVE_WITH_ROLE, ['admin', event.staff_id]);
        break;
      case 'office':
        recipientIds = await ids(ACTIVE_WITH_ROLE, ['admin', event.staff_id]);
        break;
      case 'finance':
        recipientIds = await ids(ACTIVE_WITH_ROLE, ['finance', event.staff_id]);
        break;
      case 'everyone':
        recipientIds = await ids(`SELECT id FROM staff WHERE active`, []);
        break;
    }
    if (recipientIds.length === 0) return [];
    return manager.query(RECIPIENTS, [recipientIds, event.kind]);
  }

  channelTargets(manager: EntityManager, eventId: string): Promise<ChannelTargetRow[]> {
    return manager.query(CHANNEL_TARGETS, [eventId]);
  }

  async companyLanguage(manager: EntityManager): Promise<'zh-CN' | 'en'> {
    const rows: { default_language: 'zh-CN' | 'en' }[] = await manager.query(`SELECT default_language FROM company`);
    return rows[0].default_language;
  }

  async insertNotifications(manager: EntityManager, eventId: string, recipientIds: string[], at: Date): Promise<void> {
    if (recipientIds.length === 0) return;
    await manager.query(
      `INSERT INTO notification (event_id, recipient_id, created_at) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT ON CONSTRAINT notification_once_per_recipient DO NOTHING`,
      [eventId, recipientIds, at],
    );
  }

  /** The idempotency key is the event, the channel and the target: fanning an event out twice adds nothing. */
  async insertDelivery(
    manager: EntityManager,
    delivery: { eventId: string; kind: string; channel: DeliveryChannel; recipientId: string | null; channelId: string | null; address: string | null; language: string },
    at: Date,
  ): Promise<void> {
    const target = delivery.channelId ?? delivery.recipientId;
    await manager.query(
      `INSERT INTO notification_delivery (event_id, kind, channel, recipient_id, channel_id, address, language, idempotency_key, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT ON CONSTRAINT notification_delivery_idempotency_unique DO NOTHING`,
      [delivery.eventId, delivery.kind, delivery.channel, delivery.recipientId, delivery.channelId, delivery.address, delivery.language, `${delivery.eventId}.${delivery.channel}.${target}`, at],
    );
  }

  async markFannedOut(manager: EntityManager, eventId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE notification_event SET fanned_out_at = $2 WHERE id = $1`, [eventId, at]);
  }

  /** Counts for the metrics; "due" by the service's clock, as the deliverer judges it. */
  async counts(manager: EntityManager, now: Date): Promise<OutboxCounts> {
    const [row]: { waiting: number; pending: number; due: number; failed: number; oldest: number | null }[] = await manager.query(
      `SELECT (SELECT count(*)::int FROM notification_event WHERE fanned_out_at IS NULL) AS waiting,
              count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= $1)::int AS due,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              extract(epoch FROM $1::timestamptz - min(next_attempt_at) FILTER (WHERE status = 'pending' AND next_attempt_at <= $1))::float8 AS oldest
         FROM notification_delivery`,
      [now],
    );
    return { waiting: row.waiting, pending: row.pending, due: row.due, failed: row.failed, oldestDueSeconds: row.oldest ?? 0 };
  }

  due(manager: EntityManager, now: Date, limit: number): Promise<DueDeliveryRow[]> {
    return manager.query(
      `SELECT d.id, d.event_id, d.kind, d.channel, d.address, d.language, d.idempotency_key, d.attempts, e.params, e.created_at AS event_created_at,
              ch.url_encrypted, ch.secret_encrypted
         FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id LEFT JOIN notification_channel ch ON ch.id = d.channel_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1
        ORDER BY d.next_attempt_at, d.id LIMIT $2`,
      [now, limit],
    );
  }

  async markDelivered(manager: EntityManager, id: string, attempts: number, at: Date): Promise<void> {
    await manager.query(
      `UPDATE notification_delivery SET status = 'delivered', attempts = $2, last_error = NULL, delivered_at = $3, last_attempt_at = $3, next_attempt_at = NULL WHERE id = $1 AND status = 'pending'`,
      [id, attempts, at],
    );
  }

  /** `nextAttemptAt` null: the last attempt failed, the delivery is `failed`. */
  async markAttemptFailed(manager: EntityManager, id: string, attempts: number, error: string, nextAttemptAt: Date | null, at: Date): Promise<void> {
    await manager.query(
      `UPDATE notification_delivery SET attempts = $2, last_error = $3, last_attempt_at = $5, next_attempt_at = $4,
              status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END
        WHERE id = $1 AND status = 'pending'`,
      [id, attempts, error.slice(0, 1000), nextAttemptAt, at],
    );
  }

  /** Events past the retention period whose deliveries are all done (delivered or failed), with their rows. */
  async deleteExpired(manager: EntityManager, now: Date): Promise<number> {
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `DELETE FROM notification_event e USING notification_settings ns
        WHERE e.created_at < $1::timestamptz - make_interval(days => ns.retention_days) AND e.fanned_out_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM notification_delivery d WHERE d.event_id = e.id AND d.status = 'pending')
        RETURNING e.id`,
      [now],
    );
    return rows.length;
  }
}
