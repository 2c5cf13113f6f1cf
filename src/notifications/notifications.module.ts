import { Module } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { ChannelsRepository } from './channels.repository';
import { DeliveryLogRepository } from './delivery-log.repository';
import { DeliverySenders } from './delivery-senders';
import { InboxRepository } from './inbox.repository';
import { NotificationChannelsService } from './notification-channels.service';
import { NotificationDeliverer } from './notification-deliverer';
import { NotificationChannelsController, NotificationDeliveriesController, NotificationSettingsController } from './notification-office.controller';
import { NotificationOfficeService } from './notification-office.service';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationSweep } from './notification-sweep';
import { NotificationSweepRepository } from './notification-sweep.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRepository } from './outbox.repository';
import { SecretBox } from './secret-box';

/**
 * Notifications (issue 18): the outbox other features write into (Notifier), its deliverer and
 * sweep, a person's messages and choices, the office's settings, channels and delivery log.
 */
@Module({
  controllers: [NotificationsController, NotificationSettingsController, NotificationChannelsController, NotificationDeliveriesController],
  providers: [
    OutboxRepository,
    Notifier,
    InboxRepository,
    NotificationSettingsRepository,
    ChannelsRepository,
    DeliveryLogRepository,
    NotificationSweepRepository,
    NotificationSweep,
    DeliverySenders,
    NotificationDeliverer,
    OutboxMetrics,
    NotificationsService,
    NotificationOfficeService,
    NotificationChannelsService,
    // The key of the secrets at rest: NOTIFY_SECRETS_KEY, or the JWT secret (HKDF keeps the two keys apart).
    { provide: SecretBox, inject: [RUNTIME_CONFIG], useFactory: (config: RuntimeConfig) => new SecretBox(config.notifySecretsKey ?? config.jwtSecret) },
  ],
  exports: [Notifier],
})
export class NotificationsModule {}
