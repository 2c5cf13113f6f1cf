import { Body, Query } from '@nestjs/common';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../common/params';
import { ActionRoute, CreateRoute, PatchRoute, PutRoute, ReadRoute, SignedInController } from '../common/routes';
import type { Actor } from '../domain/actor';
import { ChannelDto, ChannelListDto, CreateChannelDto, UpdateChannelDto } from './dto/channel.dto';
import { DeliveryDto, DeliveryPageDto, DeliveryQueryDto } from './dto/delivery.dto';
import { NotificationSettingsDto, PutNotificationSettingsDto } from './dto/notification-settings.dto';
import { NotificationChannelsService } from './notification-channels.service';
import { NotificationOfficeService } from './notification-office.service';

@SignedInController('notification-settings')
@Roles('admin')
export class NotificationSettingsController {
  constructor(private readonly office: NotificationOfficeService) {}

  @ReadRoute(undefined, NotificationSettingsDto, { summary: "The office's notification settings (admin)", errors: [403] })
  get(): Promise<NotificationSettingsDto> {
    return this.office.getSettings();
  }

  @PutRoute(undefined, NotificationSettingsDto, { summary: 'Change the notification settings (admin; audited)', description: 'Fields left out stay as they are.', errors: [400, 403, 422] })
  put(@CurrentActor() actor: Actor, @Body() body: PutNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.office.putSettings(actor, body);
  }
}

@SignedInController('notification-channels')
@Roles('admin')
export class NotificationChannelsController {
  constructor(private readonly channels: NotificationChannelsService) {}

  @ReadRoute(undefined, ChannelListDto, { summary: 'Group robots (DingTalk, WeCom, Feishu) and webhooks (admin)', description: 'Secrets are never shown: only whether one is set and its last four characters.', errors: [403] })
  async list(): Promise<ChannelListDto> {
    return { items: await this.channels.list() };
  }

  @CreateRoute(undefined, ChannelDto, { summary: 'Register a group robot or webhook (admin; audited)', errors: [400, 403, 422] })
  create(@CurrentActor() actor: Actor, @Body() body: CreateChannelDto): Promise<ChannelDto> {
    return this.channels.create(actor, body);
  }

  @PatchRoute(':id', ChannelDto, { summary: 'Change, switch off or on a group robot or webhook (admin; audited)', errors: [400, 403, 404, 422] })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateChannelDto): Promise<ChannelDto> {
    return this.channels.update(actor, id, body);
  }
}

@SignedInController('notification-deliveries')
@Roles('admin')
export class NotificationDeliveriesController {
  constructor(private readonly office: NotificationOfficeService) {}

  @ReadRoute(undefined, DeliveryPageDto, {
    summary: 'The delivery log: every message on every channel, newest first (admin)',
    description: 'Filter by status (a `failed` one shows its last error), channel, kind, recipient and period (company dates).',
    errors: [400, 403],
  })
  list(@Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.office.deliveries(query);
  }

  @ActionRoute(':id/retry', DeliveryDto, { summary: 'Send a failed delivery again (admin; audited)', description: 'It is due at once, with its attempts counted afresh; anything but a failed delivery is 409.', errors: [400, 403, 404, 409] })
  retry(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<DeliveryDto> {
    return this.office.retry(actor, id);
  }
}
