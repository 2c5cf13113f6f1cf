import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiUuid } from '../../common/api-properties';
import { DateField, EnumField } from '../../common/fields';
import { PageDto } from '../../common/pagination';
import { COMMAND_KINDS, COMMAND_STATES, OFFICE_COMMAND_KINDS, type CommandKind, type CommandState, type OfficeCommandKind } from '../../domain/terminal/commands';

const KIND_DESCRIPTION =
  '`set_time` sets the terminal\'s clock to the server\'s (SET OPTIONS DateTime=…, written when it is sent, in the device\'s zone); `reboot` (REBOOT); `info` asks for the device\'s information (INFO, its reply kept); ' +
  '`query_attlog` asks for the records of a period (DATA QUERY ATTLOG StartTime=…⇥EndTime=…): what comes back is stored through the same idempotent path as every upload; ' +
  '`query_users` asks for the terminal\'s users (DATA QUERY USERINFO): they come back as an upload and are listed at GET /devices/{id}/users. ' +
  '`user_update` and `user_delete` (DATA UPDATE / DELETE USERINFO) are queued by staff changes (devices with pushStaff); a confirmed one updates GET /devices/{id}/users.';

/** `POST /devices/{id}/commands`: a command for the terminal's next poll. */
export class QueueCommandDto {
  @EnumField(OFFICE_COMMAND_KINDS, { description: KIND_DESCRIPTION, example: 'set_time' })
  kind: OfficeCommandKind;

  @DateField({ description: 'query_attlog: the first device-local date asked for', example: '2026-11-01', optional: 'not-null' })
  from?: string;

  @DateField({ description: 'query_attlog: the last device-local date asked for (at most 366 days after from)', example: '2026-11-30', optional: 'not-null' })
  to?: string;
}

export class DeviceCommandDto {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 42, description: 'The id the terminal is sent (C:<id>:…) and answers with (ID=<id>)' })
  id: number;

  @ApiUuid()
  deviceId: string;

  @ApiProperty({ enum: COMMAND_KINDS, description: KIND_DESCRIPTION, example: 'set_time' })
  kind: CommandKind;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: null, description: 'query_attlog: the first date asked for' })
  from: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: null, description: 'query_attlog: the last date asked for' })
  to: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 32, example: null, description: 'user_update, user_delete: the PIN on the terminal' })
  pin: string | null;

  @ApiProperty({
    enum: COMMAND_STATES,
    description: 'queued: waiting for the terminal\'s next poll; sent: delivered, no answer yet (sent again after DEVICE_COMMAND_TIMEOUT_SECONDS); done: the terminal answered Return ≥ 0; failed: it answered a negative Return (returnCode), or never answered after DEVICE_COMMAND_MAX_SENDS sends (failure no_answer)',
    example: 'done',
  })
  state: CommandState;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 1, description: 'How often it was sent' })
  sends: number;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000, example: 'SET OPTIONS DateTime=829994400', description: 'The command as last sent (without C:<id>:)' })
  sentCommand: string | null;

  @ApiProperty({ nullable: true, type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647, example: 0, description: 'The terminal\'s Return' })
  returnCode: number | null;

  @ApiProperty({ nullable: true, enum: ['returned_error', 'no_answer', null], example: null })
  failure: 'returned_error' | 'no_answer' | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 4000, example: null, description: 'What the terminal sent with its answer (INFO: its information, one Name=value a line)' })
  reply: string | null;

  @ApiDateTime()
  queuedAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null, description: 'Who queued it; null: a staff change' })
  queuedBy: string | null;

  @ApiDateTime({ nullable: true })
  sentAt: string | null;

  @ApiDateTime({ nullable: true })
  answeredAt: string | null;
}

export class DeviceCommandPageDto extends PageDto(DeviceCommandDto, 'DeviceCommandPageDto') {}

export interface CommandParams {
  from?: string;
  to?: string;
  pin?: string;
  name?: string;
}

export interface DeviceCommandRow {
  /** bigint: pg hands it over as text. */
  id: string;
  device_id: string;
  kind: CommandKind;
  params: CommandParams;
  state: CommandState;
  sends: number;
  sent_command: string | null;
  return_code: number | null;
  failure: 'returned_error' | 'no_answer' | null;
  reply: string | null;
  queued_at: Date;
  queued_by: string | null;
  sent_at: Date | null;
  answered_at: Date | null;
}

export function toDeviceCommandDto(row: DeviceCommandRow): DeviceCommandDto {
  return {
    id: Number(row.id),
    deviceId: row.device_id,
    kind: row.kind,
    from: row.params.from ?? null,
    to: row.params.to ?? null,
    pin: row.params.pin ?? null,
    state: row.state,
    sends: row.sends,
    sentCommand: row.sent_command,
    returnCode: row.return_code,
    failure: row.failure,
    reply: row.reply,
    queuedAt: row.queued_at.toISOString(),
    queuedBy: row.queued_by,
    sentAt: row.sent_at?.toISOString() ?? null,
    answeredAt: row.answered_at?.toISOString() ?? null,
  };
}
