import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { NotificationSettingsRow } from './dto/notification-settings.dto';

const COLUMNS = 'retention_days, digest_hour, reminder_hours, escalation_hours, terminal_silent_minutes, email_kinds, updated_at';

/** The office's notification settings: one row. */
@Injectable()
export class NotificationSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager, lock = false): Promise<NotificationSettingsRow> {
    const rows: NotificationSettingsRow[] = await manager.query(`SELECT ${COLUMNS} FROM notification_settings${lock ? ' FOR UPDATE' : ''}`);
    return rows[0];
  }

  async put(manager: EntityManager, row: Omit<NotificationSettingsRow, 'updated_at'>, at: Date): Promise<void> {
    await manager.query(
      `UPDATE notification_settings SET retention_days = $1, digest_hour = $2, reminder_hours = $3, escalation_hours = $4, terminal_silent_minutes = $5, email_kinds = $6, updated_at = $7`,
      [row.retention_days, row.digest_hour, row.reminder_hours, row.escalation_hours, row.terminal_silent_minutes, row.email_kinds, at],
    );
  }
}
