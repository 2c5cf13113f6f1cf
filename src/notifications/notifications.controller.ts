import { Body, Query } from '@nestjs/common';
import { CurrentActor } from '../auth/auth.decorators';
import { ReaderLanguage } from '../common/i18n/request-language';
import { IdParam } from '../common/params';
import { ActionRoute, PutRoute, ReadRoute, SignedInController } from '../common/routes';
import type { Actor } from '../domain/actor';
import type { Language } from '../domain/i18n/language';
import { MarkedReadDto, NotificationDto, NotificationPageDto, NotificationQueryDto, PreferenceListDto, PutPreferencesDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@SignedInController('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ReadRoute(undefined, NotificationPageDto, {
    summary: 'Your messages, newest first, in your language',
    description: 'Every message comes here (in-app), whatever else it came by; `unread=true` for the unread ones. Messages appear within a second of the change (NOTIFY_DELIVERY_MS).',
    errors: [400],
  })
  mine(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto, @ReaderLanguage() language: Language): Promise<NotificationPageDto> {
    return this.notifications.mine(actor, query, language);
  }

  @ReadRoute('preferences', PreferenceListDto, { summary: 'Which kinds of message also come to you by e-mail', errors: [] })
  preferences(@CurrentActor() actor: Actor): Promise<PreferenceListDto> {
    return this.notifications.preferences(actor);
  }

  @PutRoute('preferences', PreferenceListDto, { summary: 'Choose, per kind of message, whether it also comes by e-mail', description: "Kinds left out stay as they were; `email: null` goes back to the office's default.", errors: [400] })
  putPreferences(@CurrentActor() actor: Actor, @Body() body: PutPreferencesDto): Promise<PreferenceListDto> {
    return this.notifications.putPreferences(actor, body);
  }

  @ActionRoute('read-all', MarkedReadDto, { summary: 'Mark all your messages read', errors: [] })
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(actor);
  }

  @ActionRoute(':id/read', NotificationDto, { summary: 'Mark one of your messages read', description: "Someone else's message is 404.", errors: [400, 404] })
  markRead(@CurrentActor() actor: Actor, @IdParam() id: string, @ReaderLanguage() language: Language): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id, language);
  }
}
