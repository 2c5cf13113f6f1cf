import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';

export interface InboxRow {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  total: number;
}

/** A person's in-app messages and their e-mail choices. */
@Injectable()
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  mine(staffId: string, unreadOnly: boolean, offset: number, limit: number): Promise<InboxRow[]> {
    return this.dataSource.query(
      `SELECT n.id, e.kind, e.params, n.created_at, n.read_at, count(*) OVER ()::int AS total
         FROM notification n JOIN notification_event e ON e.id = n.event_id
        WHERE n.recipient_id = $1 AND (NOT $2 OR n.read_at IS NULL)
        ORDER BY n.created_at DESC, n.id DESC OFFSET $3 LIMIT $4`,
      [staffId, unreadOnly, offset, limit],
    );
  }

  async unreadCount(staffId: string): Promise<number> {
    const rows: { unread: number }[] = await this.dataSource.query(`SELECT count(*)::int AS unread FROM notification WHERE recipient_id = $1 AND read_at IS NULL`, [staffId]);
    return rows[0].unread;
  }

  /** The message, read (the first reading's time is kept); null when it is not the person's. */
  async markRead(staffId: string, id: string, at: Date): Promise<InboxRow | null> {
    const rows: InboxRow[] = await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE notification SET read_at = coalesce(read_at, $3) WHERE id = $1 AND recipient_id = $2`, [id, staffId, at]);
      return manager.query(
        `SELECT n.id, e.kind, e.params, n.created_at, n.read_at, 1 AS total FROM notification n JOIN notification_event e ON e.id = n.event_id WHERE n.id = $1 AND n.recipient_id = $2`,
        [id, staffId],
      );
    });
    return rows[0] ?? null;
  }

  async markAllRead(staffId: string, at: Date): Promise<number> {
    const rows = await modifyReturning<{ id: string }>(this.dataSource.manager, `UPDATE notification SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL RETURNING id`, [staffId, at]);
    return rows.length;
  }

  async preferences(staffId: string): Promise<{ kind: string; email: boolean }[]> {
    return this.dataSource.query(`SELECT kind, email FROM notification_preference WHERE staff_id = $1`, [staffId]);
  }

  async emailOf(staffId: string): Promise<string | null> {
    const rows: { email: string | null }[] = await this.dataSource.query(`SELECT email FROM staff WHERE id = $1`, [staffId]);
    return rows[0]?.email ?? null;
  }

  /** `email` null: the person's choice is dropped and the office's default applies again. */
  async setPreference(manager: EntityManager, staffId: string, kind: string, email: boolean | null): Promise<void> {
    if (email === null) {
      await manager.query(`DELETE FROM notification_preference WHERE staff_id = $1 AND kind = $2`, [staffId, kind]);
      return;
    }
    await manager.query(
      `INSERT INTO notification_preference (staff_id, kind, email) VALUES ($1, $2, $3) ON CONFLICT (staff_id, kind) DO UPDATE SET email = EXCLUDED.email`,
      [staffId, kind, email],
    );
  }
}
