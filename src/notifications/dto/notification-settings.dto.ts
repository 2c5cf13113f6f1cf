import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiInt } from '../../common/api-properties';
import { DistinctListField, IntField } from '../../common/fields';
import { MESSAGE_KINDS, type MessageKind } from '../../domain/notifications/kinds';

const RETENTION_DOC = 'Messages and their delivery log are kept this many days, then deleted (never while a delivery is still pending)';
const DIGEST_DOC = 'The hour (company time) from which yesterday\'s problems are sent';
const REMINDER_DOC = 'A pending request is reminded to its approver after this many hours';
const ESCALATION_DOC = 'A request still pending after this many hours is escalated to the office (more than the reminder)';
const SILENT_DOC = 'A terminal not seen for this many minutes is reported to the office';
const EMAIL_DOC = 'The kinds that also come by e-mail unless a person chooses otherwise (the office\'s default)';

export class NotificationSettingsDto {
  @ApiInt(7, 3650, { example: 180, description: RETENTION_DOC })
  retentionDays: number;

  @ApiInt(0, 23, { example: 9, description: DIGEST_DOC })
  digestHour: number;

  @ApiInt(1, 720, { example: 24, description: REMINDER_DOC })
  reminderHours: number;

  @ApiInt(1, 720, { example: 48, description: ESCALATION_DOC })
  escalationHours: number;

  @ApiInt(5, 10080, { example: 30, description: SILENT_DOC })
  terminalSilentMinutes: number;

  @ApiProperty({ enum: MESSAGE_KINDS, isArray: true, maxItems: MESSAGE_KINDS.length, description: EMAIL_DOC })
  emailKinds: MessageKind[];

  @ApiProperty({ description: 'Whether SMTP_URL is set (without it no e-mail is sent)' })
  emailConfigured: boolean;

  @ApiDateTime()
  updatedAt: string;
}

export class PutNotificationSettingsDto {
  @IntField(7, 3650, { example: 180, description: RETENTION_DOC, optional: 'not-null' })
  retentionDays?: number;

  @IntField(0, 23, { example: 9, description: DIGEST_DOC, optional: 'not-null' })
  digestHour?: number;

  @IntField(1, 720, { example: 24, description: REMINDER_DOC, optional: 'not-null' })
  reminderHours?: number;

  @IntField(1, 720, { example: 48, description: ESCALATION_DOC, optional: 'not-null' })
  escalationHours?: number;

  @IntField(5, 10080, { example: 30, description: SILENT_DOC, optional: 'not-null' })
  terminalSilentMinutes?: number;

  @DistinctListField(MESSAGE_KINDS, { enum: MESSAGE_KINDS, isArray: true, maxItems: MESSAGE_KINDS.length, description: EMAIL_DOC, optional: 'not-null' })
  emailKinds?: MessageKind[];
}

export interface NotificationSettingsRow {
  retention_days: number;
  digest_hour: number;
  reminder_hours: number;
  escalation_hours: number;
  terminal_silent_minutes: number;
  email_kinds: MessageKind[];
  updated_at: Date;
}

export function toNotificationSettingsDto(row: NotificationSettingsRow, emailConfigured: boolean): NotificationSettingsDto {
  return {
    retentionDays: row.retention_days,
    digestHour: row.digest_hour,
    reminderHours: row.reminder_hours,
    escalationHours: row.escalation_hours,
    terminalSilentMinutes: row.terminal_silent_minutes,
    emailKinds: row.email_kinds,
    emailConfigured,
    updatedAt: row.updated_at.toISOString(),
  };
}
