import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { BooleanField, EnumField } from '../../common/fields';
import { MAX_PAGE_SIZE, PageQueryDto } from '../../common/pagination';
import { MESSAGE_KINDS, type MessageKind } from '../../domain/notifications/kinds';

const KIND_DOC = 'The kind of message (the webhook event type is `kaoqin.<kind>`)';

/** One in-app message, in the reader's language. */
export class NotificationDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ enum: MESSAGE_KINDS, description: KIND_DOC, example: 'request_waiting' })
  kind: string;

  @ApiProperty({ example: '待审批：王芳的请假', maxLength: 300 })
  title: string;

  @ApiProperty({ example: '王芳提交了请假，等待您审批（H-ORG-3）。', maxLength: 4000 })
  text: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    maxProperties: 20,
    description: 'The facts the words were made from (subjectKind and subjectId of a request, date, month, deviceId…), for a link',
    example: { subjectKind: 'leave', subjectId: '9b2f3c1e-8a4d-4f3b-9c1a-2e6d5f7a8b90', requesterName: '王芳' },
  })
  params: Record<string, unknown>;

  @ApiDateTime()
  createdAt: string;

  @ApiDateTime({ nullable: true, description: 'null: unread' })
  readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto], maxItems: MAX_PAGE_SIZE })
  items: NotificationDto[];

  @ApiInt(1, 100000, { example: 1 })
  page: number;

  @ApiInt(1, MAX_PAGE_SIZE, { example: 50 })
  pageSize: number;

  @ApiInt(0, 2147483647, { example: 1 })
  total: number;

  @ApiInt(0, 2147483647, { example: 1, description: 'Your unread messages, whatever the filter' })
  unread: number;
}

export class NotificationQueryDto extends PageQueryDto {
  @BooleanField({ type: Boolean, description: 'true: only unread messages', optional: 'or-null', fromText: true })
  unread?: boolean;
}

export class MarkedReadDto {
  @ApiInt(0, 2147483647, { example: 3, description: 'Messages that were unread and are now read' })
  marked: number;
}

/** Whether a kind of message also comes by e-mail (in-app always). */
export class PreferenceDto {
  @ApiProperty({ enum: MESSAGE_KINDS, description: KIND_DOC, example: 'request_decided' })
  kind: MessageKind;

  @ApiProperty({ description: 'Also by e-mail (to your address, when you have one)' })
  email: boolean;

  @ApiProperty({ description: "false: the office's default applies" })
  chosen: boolean;
}

export class PreferenceListDto {
  @ApiProperty({ type: [PreferenceDto], maxItems: MESSAGE_KINDS.length })
  items: PreferenceDto[];

  @ApiProperty({ description: 'Whether you have an e-mail address (staff field `email`) to receive e-mail at' })
  hasEmail: boolean;
}

export class PreferenceInputDto {
  @EnumField(MESSAGE_KINDS, { description: KIND_DOC, example: 'request_decided' })
  kind: MessageKind;

  @BooleanField({ description: "Also by e-mail; null: back to the office's default", nullable: true, type: Boolean, optional: 'or-null' })
  email?: boolean | null;
}

export class PutPreferencesDto {
  @ApiProperty({ type: [PreferenceInputDto], maxItems: MESSAGE_KINDS.length, description: 'The kinds to change; kinds left out stay as they are' })
  @IsArray()
  @ArrayMaxSize(MESSAGE_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceInputDto)
  preferences: PreferenceInputDto[];
}
