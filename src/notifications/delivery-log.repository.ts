import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';
import type { DeliveryRow } from './dto/delivery.dto';

export interface DeliveryFilter {
  status?: string;
  channel?: string;
  kind?: string;
  recipientId?: string;
  from?: string;
  to?: string;
}

const SELECT = `SELECT d.id, d.event_id, d.kind, d.channel, d.recipient_id, d.address, d.channel_id, ch.name AS channel_name, d.language, d.idempotency_key,
                       d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_error, d.delivered_at, d.created_at`;

/** The office's view of the outbox: every delivery, filtered, newest first; and the manual retry. */
@Injectable()
export class DeliveryLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: DeliveryFilter, offset: number, limit: number): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `${SELECT}, count(*) OVER ()::int AS total
         FROM notification_delivery d LEFT JOIN notification_channel ch ON ch.id = d.channel_id CROSS JOIN company c
        WHERE ($1::text IS NULL OR d.status = $1) AND ($2::text IS NULL OR d.channel = $2) AND ($3::text IS NULL OR d.kind = $3)
          AND ($4::uuid IS NULL OR d.recipient_id = $4)
          AND ($5::date IS NULL OR d.created_at >= ($5::date)::timestamp AT TIME ZONE c.time_zone)
          AND ($6::date IS NULL OR d.created_at < ($6::date + 1)::timestamp AT TIME ZONE c.time_zone)
        ORDER BY d.created_at DESC, d.id DESC OFFSET $7 LIMIT $8`,
      [filter.status ?? null, filter.channel ?? null, filter.kind ?? null, filter.recipientId ?? null, filter.from ?? null, filter.to ?? null, offset, limit],
    );
  }

  async find(manager: EntityManager, id: string): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await manager.query(`${SELECT}, 1 AS total FROM notification_delivery d LEFT JOIN notification_channel ch ON ch.id = d.channel_id WHERE d.id = $1 FOR UPDATE OF d`, [id]);
    return rows[0] ?? null;
  }

  /** A failed delivery back in the queue, due at once, with a fresh count of attempts (its last error kept until the next attempt). */
  async retry(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const rows = await modifyReturning<{ id: string }>(manager, `UPDATE notification_delivery SET status = 'pending', attempts = 0, next_attempt_at = $2 WHERE id = $1 AND status = 'failed' RETURNING id`, [id, at]);
    return rows.length > 0;
  }
}
