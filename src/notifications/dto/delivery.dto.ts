import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { DateField, EnumField, UuidField } from '../../common/fields';
import { PageDto, PageQueryDto } from '../../common/pagination';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, type DeliveryChannel, type DeliveryStatus, MESSAGE_KINDS } from '../../domain/notifications/kinds';

const STATUS_DOC = '`pending`: waiting for its (next) attempt; `delivered`; `failed`: every attempt failed (1 min, 5 min, 30 min, 2 h and 12 h apart), retry it by hand';

/** One message on one channel, as the office's delivery log shows it. */
export class DeliveryDto {
  @ApiUuid()
  id: string;

  @ApiUuid({ description: 'The event (one per change); its messages to every channel share it' })
  eventId: string;

  @ApiProperty({ enum: MESSAGE_KINDS, example: 'request_waiting' })
  kind: string;

  @ApiProperty({ enum: DELIVERY_CHANNELS, example: 'email' })
  channel: DeliveryChannel;

  @ApiUuid({ nullable: true, description: 'E-mail: the staff member' })
  recipientId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'wang@example.com', maxLength: 254, description: 'E-mail: the address' })
  address: string | null;

  @ApiUuid({ nullable: true, description: 'Robots and webhooks: the channel (GET /notification-channels)' })
  channelId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '办公室群', maxLength: 100, description: 'Robots and webhooks: its name' })
  channelName: string | null;

  @ApiProperty({ enum: ['zh-CN', 'en'], example: 'zh-CN' })
  language: string;

  @ApiProperty({ example: '6a1f….email.9b2f…', maxLength: 200, description: 'Sent with every attempt (webhook-id; the e-mail Message-ID): a receiver drops a repeat' })
  idempotencyKey: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: STATUS_DOC, example: 'delivered' })
  status: DeliveryStatus;

  @ApiInt(0, 6, { example: 1 })
  attempts: number;

  @ApiDateTime({ nullable: true, description: 'Pending: when it is tried (again)' })
  nextAttemptAt: string | null;

  @ApiDateTime({ nullable: true })
  lastAttemptAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500: system busy', maxLength: 1000, description: 'What the last failed attempt answered (secrets redacted)' })
  lastError: string | null;

  @ApiDateTime({ nullable: true })
  deliveredAt: string | null;

  @ApiDateTime()
  createdAt: string;
}

export class DeliveryPageDto extends PageDto(DeliveryDto, 'DeliveryPageDto') {}

export class DeliveryQueryDto extends PageQueryDto {
  @EnumField(DELIVERY_STATUSES, { optional: 'or-null' })
  status?: DeliveryStatus;

  @EnumField(DELIVERY_CHANNELS, { optional: 'or-null' })
  channel?: DeliveryChannel;

  @EnumField(MESSAGE_KINDS, { optional: 'or-null' })
  kind?: string;

  @UuidField({ description: 'E-mails to this staff member', optional: 'or-null' })
  recipientId?: string;

  @DateField({ description: 'Created on or after this date (company time)', optional: 'or-null' })
  from?: string;

  @DateField({ description: 'Created on or before this date (company time)', optional: 'or-null' })
  to?: string;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  kind: string;
  channel: DeliveryChannel;
  recipient_id: string | null;
  address: string | null;
  channel_id: string | null;
  channel_name: string | null;
  language: string;
  idempotency_key: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  total: number;
}

export function toDeliveryDto(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    eventId: row.event_id,
    kind: row.kind,
    channel: row.channel,
    recipientId: row.recipient_id,
    address: row.address,
    channelId: row.channel_id,
    channelName: row.channel_name,
    language: row.language,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
