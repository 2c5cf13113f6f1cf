import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ChannelRow } from './dto/channel.dto';

export type ChannelColumns = Omit<ChannelRow, 'id' | 'created_at' | 'updated_at'>;

/** The office's group robots and webhooks. */
@Injectable()
export class ChannelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<ChannelRow[]> {
    return this.dataSource.query(`SELECT * FROM notification_channel ORDER BY created_at, id`);
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ChannelRow | null> {
    const rows: ChannelRow[] = await manager.query(`SELECT * FROM notification_channel WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, row: ChannelColumns, at: Date): Promise<ChannelRow> {
    const rows: ChannelRow[] = await manager.query(
      `INSERT INTO notification_channel (kind, name, url_encrypted, url_host, url_last4, secret_encrypted, secret_last4, scope, team_lead_id, event_kinds, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING *`,
      [row.kind, row.name, row.url_encrypted, row.url_host, row.url_last4, row.secret_encrypted, row.secret_last4, row.scope, row.team_lead_id, row.event_kinds, row.active, at],
    );
    return rows[0];
  }

  async update(manager: EntityManager, id: string, row: ChannelColumns, at: Date): Promise<void> {
    await manager.query(
      `UPDATE notification_channel SET name = $2, url_encrypted = $3, url_host = $4, url_last4 = $5, secret_encrypted = $6, secret_last4 = $7, scope = $8, team_lead_id = $9,
              event_kinds = $10, active = $11, updated_at = $12 WHERE id = $1`,
      [id, row.name, row.url_encrypted, row.url_host, row.url_last4, row.secret_encrypted, row.secret_last4, row.scope, row.team_lead_id, row.event_kinds, row.active, at],
    );
  }

  async staffExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM staff WHERE id = $1`, [id]);
    return rows.length > 0;
  }
}
