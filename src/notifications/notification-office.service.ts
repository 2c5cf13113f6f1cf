import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import type { Actor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { DeliveryLogRepository } from './delivery-log.repository';
import { type DeliveryDto, type DeliveryQueryDto, toDeliveryDto } from './dto/delivery.dto';
import { type NotificationSettingsDto, type PutNotificationSettingsDto, toNotificationSettingsDto } from './dto/notification-settings.dto';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { deliveryNotFailed, deliveryNotFound, escalationBeforeReminder } from './notifications.errors';

/** The office's side: the settings, the delivery log with its filters, and a failed delivery sent again. */
@Injectable()
export class NotificationOfficeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: NotificationSettingsRepository,
    private readonly log: DeliveryLogRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async getSettings(): Promise<NotificationSettingsDto> {
    return toNotificationSettingsDto(await this.settings.get(), this.config.smtpUrl !== null);
  }

  async putSettings(actor: Actor, input: PutNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.settings.get(manager, true);
      const next = {
        retention_days: input.retentionDays ?? current.retention_days,
        digest_hour: input.digestHour ?? current.digest_hour,
        reminder_hours: input.reminderHours ?? current.reminder_hours,
        escalation_hours: input.escalationHours ?? current.escalation_hours,
        terminal_silent_minutes: input.terminalSilentMinutes ?? current.terminal_silent_minutes,
        email_kinds: input.emailKinds ?? current.email_kinds,
      };
      if (next.escalation_hours <= next.reminder_hours) throw escalationBeforeReminder();
      await this.settings.put(manager, next, this.clock.now());
      const after = toNotificationSettingsDto(await this.settings.get(manager), this.config.smtpUrl !== null);
      await this.audit.record(manager, actor, { action: 'notification_settings.update', entity: 'notification_settings', entityId: null, before: toNotificationSettingsDto(current, this.config.smtpUrl !== null), after });
      return after;
    });
  }

  async deliveries(query: DeliveryQueryDto): Promise<Page<DeliveryDto>> {
    const rows = await this.log.list(query, pageOffset(query), query.pageSize);
    return pageOf(rows.map(toDeliveryDto), rows[0]?.total ?? 0, query);
  }

  /** A failed delivery goes back in the queue, due at once, with its attempts counted afresh (audited). */
  async retry(actor: Actor, id: string): Promise<DeliveryDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.log.find(manager, id);
      if (!current) throw deliveryNotFound();
      if (current.status !== 'failed') throw deliveryNotFailed(current.status);
      await this.log.retry(manager, id, this.clock.now());
      const after = toDeliveryDto((await this.log.find(manager, id))!);
      await this.audit.record(manager, actor, { action: 'notification_delivery.retry', entity: 'notification_delivery', entityId: id, before: toDeliveryDto(current), after });
      return after;
    });
  }
}
