import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { pageOffset } from '../common/pagination';
import type { Actor } from '../domain/actor';
import type { Language } from '../domain/i18n/language';
import { MESSAGE_KINDS } from '../domain/notifications/kinds';
import { renderMessage } from '../domain/notifications/messages';
import { Clock } from '../policy/clock';
import type { MarkedReadDto, NotificationDto, NotificationPageDto, NotificationQueryDto, PreferenceListDto, PutPreferencesDto } from './dto/notification.dto';
import { InboxRepository, type InboxRow } from './inbox.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { notificationNotFound } from './notifications.errors';

function toNotificationDto(row: InboxRow, language: Language): NotificationDto {
  const message = renderMessage(row.kind, row.params, language);
  return { id: row.id, kind: row.kind, title: message.title, text: message.text, params: row.params, createdAt: row.created_at.toISOString(), readAt: row.read_at?.toISOString() ?? null };
}

/** A person's own messages (in-app, every message) and their choice of e-mail per kind. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor, query: NotificationQueryDto, language: Language): Promise<NotificationPageDto> {
    const [rows, unread] = await Promise.all([this.inbox.mine(actor.id, query.unread === true, pageOffset(query), query.pageSize), this.inbox.unreadCount(actor.id)]);
    return { items: rows.map((row) => toNotificationDto(row, language)), page: query.page, pageSize: query.pageSize, total: rows[0]?.total ?? 0, unread };
  }

  /** Someone else's message is 404, as if it did not exist. */
  async markRead(actor: Actor, id: string, language: Language): Promise<NotificationDto> {
    const row = await this.inbox.markRead(actor.id, id, this.clock.now());
    if (!row) throw notificationNotFound();
    return toNotificationDto(row, language);
  }

  async markAllRead(actor: Actor): Promise<MarkedReadDto> {
    return { marked: await this.inbox.markAllRead(actor.id, this.clock.now()) };
  }

  async preferences(actor: Actor): Promise<PreferenceListDto> {
    const [chosen, settings, email] = await Promise.all([this.inbox.preferences(actor.id), this.settings.get(), this.inbox.emailOf(actor.id)]);
    const byKind = new Map(chosen.map((row) => [row.kind, row.email]));
    return {
      items: MESSAGE_KINDS.map((kind) => ({ kind, email: byKind.get(kind) ?? settings.email_kinds.includes(kind), chosen: byKind.has(kind) })),
      hasEmail: email !== null,
    };
  }

  async putPreferences(actor: Actor, input: PutPreferencesDto): Promise<PreferenceListDto> {
    const before = await this.preferences(actor);
    await this.dataSource.transaction(async (manager) => {
      for (const preference of input.preferences) await this.inbox.setPreference(manager, actor.id, preference.kind, preference.email ?? null);
      await this.audit.record(manager, actor, { action: 'notification.preferences', entity: 'staff', entityId: actor.id, before: { preferences: before.items }, after: { preferences: input.preferences } });
    });
    return this.preferences(actor);
  }
}
