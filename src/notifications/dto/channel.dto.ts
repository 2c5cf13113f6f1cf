import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiUuid } from '../../common/api-properties';
import { BooleanField, DistinctListField, EnumField, PatternField, TextField, UuidField } from '../../common/fields';
import { CHANNEL_KINDS, type ChannelKind, MESSAGE_KINDS, type MessageKind } from '../../domain/notifications/kinds';

export const CHANNEL_SCOPES = ['office', 'team'] as const;
export type ChannelScope = (typeof CHANNEL_SCOPES)[number];

const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/;
const URL_RULE = 'url must be an http:// or https:// address';
const KIND_DOC =
  '`dingtalk`: a DingTalk custom robot (钉钉自定义机器人, markdown; signed with `timestamp` + `sign` when a secret is set); ' +
  '`wecom`: a WeCom group robot (企业微信群机器人, markdown; its key is in the URL); ' +
  '`feishu`: a Feishu custom bot (飞书自定义机器人, text; signed when a secret is set); ' +
  '`webhook`: any URL, signed as Standard Webhooks says (webhook-id, webhook-timestamp, webhook-signature)';
const URL_DOC = 'The address the platform gave (it carries the robot\'s token or key, so it is stored encrypted and never shown again)';
const SECRET_DOC =
  'DingTalk / Feishu: the signing secret (加签), optional. Webhook: the Standard Webhooks signing secret, required, `whsec_` followed by 24-64 bytes in base64. Stored encrypted; never shown again';
const SCOPE_DOC = '`office`: the office\'s group, hears every event of its kinds; `team`: the group of the team led by `teamLeadId`, hears events about that person and their direct reports';
const EVENTS_DOC = 'The kinds of message it receives (the webhook event types, `kaoqin.<kind>`)';

/** A group robot or webhook as the office sees it: secrets only as "set" and their last four characters. */
export class ChannelDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ enum: CHANNEL_KINDS, description: KIND_DOC, example: 'dingtalk' })
  kind: ChannelKind;

  @ApiProperty({ example: '办公室群', maxLength: 100 })
  name: string;

  @ApiProperty({ example: 'oapi.dingtalk.com', maxLength: 255, description: 'The host of the URL (the rest is a secret)' })
  urlHost: string;

  @ApiProperty({ example: '3f9a', maxLength: 4, description: 'The last four characters of the URL' })
  urlLast4: string;

  @ApiProperty({ description: 'Whether a signing secret is set' })
  secretSet: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'b1c2', maxLength: 4, description: 'The last four characters of the secret' })
  secretLast4: string | null;

  @ApiProperty({ enum: CHANNEL_SCOPES, description: SCOPE_DOC, example: 'office' })
  scope: ChannelScope;

  @ApiUuid({ nullable: true, description: 'The team lead whose team\'s group this is (scope `team`)' })
  teamLeadId: string | null;

  @ApiProperty({ enum: MESSAGE_KINDS, isArray: true, maxItems: MESSAGE_KINDS.length, description: EVENTS_DOC })
  eventKinds: MessageKind[];

  @ApiProperty()
  active: boolean;

  @ApiDateTime()
  createdAt: string;

  @ApiDateTime()
  updatedAt: string;
}

export class ChannelListDto {
  @ApiProperty({ type: [ChannelDto], maxItems: 1000 })
  items: ChannelDto[];
}

export class CreateChannelDto {
  @EnumField(CHANNEL_KINDS, { description: KIND_DOC, example: 'dingtalk' })
  kind: ChannelKind;

  @TextField({ example: '办公室群', minLength: 1, maxLength: 100 })
  name: string;

  @PatternField({ example: 'https://oapi.dingtalk.com/robot/send?access_token=…', pattern: URL_PATTERN, maxLength: 2000, description: URL_DOC }, URL_RULE)
  url: string;

  @TextField({ example: 'SEC3f9a…', maxLength: 200, minLength: 1, format: 'password', description: SECRET_DOC, nullable: true, type: String, optional: 'or-null' })
  secret?: string | null;

  @EnumField(CHANNEL_SCOPES, { description: SCOPE_DOC, default: 'office', optional: 'not-null' })
  scope?: ChannelScope;

  @UuidField({ nullable: true, type: String, description: 'Required with scope `team`', optional: 'or-null' })
  teamLeadId?: string | null;

  @DistinctListField(MESSAGE_KINDS, { enum: MESSAGE_KINDS, isArray: true, maxItems: MESSAGE_KINDS.length, description: `${EVENTS_DOC}; at least one` })
  eventKinds: MessageKind[];
}

export class UpdateChannelDto {
  @TextField({ minLength: 1, maxLength: 100, optional: 'not-null' })
  name?: string;

  @PatternField({ pattern: URL_PATTERN, maxLength: 2000, description: URL_DOC, optional: 'not-null' }, URL_RULE)
  url?: string;

  @TextField({ maxLength: 200, minLength: 1, format: 'password', description: `${SECRET_DOC}. null: remove it (robots only)`, nullable: true, type: String, optional: 'or-null' })
  secret?: string | null;

  @EnumField(CHANNEL_SCOPES, { description: SCOPE_DOC, optional: 'not-null' })
  scope?: ChannelScope;

  @UuidField({ nullable: true, type: String, optional: 'or-null' })
  teamLeadId?: string | null;

  @DistinctListField(MESSAGE_KINDS, { enum: MESSAGE_KINDS, isArray: true, maxItems: MESSAGE_KINDS.length, description: `${EVENTS_DOC}; at least one`, optional: 'not-null' })
  eventKinds?: MessageKind[];

  @BooleanField({ description: 'false: it receives nothing until switched on again', optional: 'not-null' })
  active?: boolean;
}

export interface ChannelRow {
  id: string;
  kind: ChannelKind;
  name: string;
  url_encrypted: string;
  url_host: string;
  url_last4: string;
  secret_encrypted: string | null;
  secret_last4: string | null;
  scope: ChannelScope;
  team_lead_id: string | null;
  event_kinds: MessageKind[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export function toChannelDto(row: ChannelRow): ChannelDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    urlHost: row.url_host,
    urlLast4: row.url_last4,
    secretSet: row.secret_encrypted !== null,
    secretLast4: row.secret_last4,
    scope: row.scope,
    teamLeadId: row.team_lead_id,
    eventKinds: row.event_kinds,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
