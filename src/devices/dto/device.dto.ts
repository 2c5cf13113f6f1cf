import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiUuid } from '../../common/api-properties';
import { BooleanField, EnumField, PatternField, TextField, TimeZoneField } from '../../common/fields';
import { PageDto } from '../../common/pagination';
import { TIME_ZONE_UNITS, type TimeZoneUnit } from '../../domain/terminal/handshake';
import { PIN_MAPPINGS, type PinMapping } from '../../domain/terminal/pin-mapping';

const SERIAL = /^[A-Za-z0-9_.-]{1,64}$/;

const PIN_MAPPING_DESCRIPTION =
  'How the terminal\'s user PIN names a staff member (push protocol): `employee_no` the PIN is the employee number; ' +
  '`employee_no_digits` the PIN is the number inside it, leading zeros aside (PIN 2 or 0002 is E0002)';

const PUSH_STAFF_DESCRIPTION =
  'true: the people entered in Kaoqin are pushed to this active terminal, with the PIN its pinMapping gives them: a person created, renamed, given a new employee number or reactivated ' +
  '(DATA UPDATE USERINFO; a new number also deletes the old PIN), deactivated (DATA DELETE USERINFO). Switched on (or the device registered or reactivated with it on, or its pinMapping changed): ' +
  'every active person is queued at once. A person whose employee number gives no PIN under employee_no_digits is left out (audited). ' +
  'false: its users are managed on the terminal itself (a terminal limited to some people); commands already queued stay';

const TIME_ZONE_UNIT_DESCRIPTION =
  'No longer read: the handshake\'s TimeZone line is always written as the PUSH document says (an integer, in hours when the offset is whole hours, in minutes otherwise). Kept so that existing clients still work.';

export class DeviceDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ example: 'Front door terminal', maxLength: 100 })
  name: string;

  @ApiProperty({ example: 'CQZ7232460123', maxLength: 64, pattern: SERIAL.source })
  serialNumber: string;

  @ApiProperty({ nullable: true, type: String, example: 'Asia/Shanghai', maxLength: 64, description: 'Zone of device-local times; null: the company zone' })
  timeZone: string | null;

  @ApiProperty({ enum: PIN_MAPPINGS, description: PIN_MAPPING_DESCRIPTION, example: 'employee_no' })
  pinMapping: PinMapping;

  @ApiProperty({ enum: TIME_ZONE_UNITS, description: TIME_ZONE_UNIT_DESCRIPTION, example: 'hours', deprecated: true })
  timeZoneUnit: TimeZoneUnit;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: PUSH_STAFF_DESCRIPTION, example: true })
  pushStaff: boolean;

  @ApiProperty({ example: 'kqd_3fa85f64a1b2', maxLength: 20, description: 'The visible start of the key, to tell keys apart' })
  keyPrefix: string;

  @ApiDateTime({ nullable: true })
  lastSeenAt: string | null;

  @ApiDateTime({ nullable: true })
  lastPunchAt: string | null;

  @ApiDateTime()
  createdAt: string;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 0,
    description: 'Rejected lines dropped to keep at most DEVICE_REJECTED_LINES_MAX of them (the oldest go first); 0: every rejected line is still listed',
  })
  rejectedLinesDropped: number;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 0,
    description: 'Kept uploads (GET /devices/{id}/uploads) dropped to keep at most DEVICE_UPLOADS_MAX of them (the oldest go first)',
  })
  uploadsDropped: number;

  @ApiProperty({
    nullable: true,
    type: 'integer',
    format: 'int32',
    minimum: -315360000,
    maximum: 315360000,
    example: 95,
    description:
      'How far the terminal\'s clock runs ahead of the server\'s (negative: behind), in seconds, measured from its last punch upload that could measure it: ' +
      'the newest record\'s time minus when it arrived (an upload of records more than an hour old measures nothing). Punches more than 120 s ahead are kept as rejected (TIME_IN_FUTURE). null: never measured',
  })
  clockSkewSeconds: number | null;

  @ApiDateTime({ nullable: true, description: 'When clockSkewSeconds was measured' })
  clockSkewMeasuredAt: string | null;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 12, description: 'Users the terminal holds, as it reported them or confirmed them pushed (GET /devices/{id}/users)' })
  enrolledUsers: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 0, description: 'Of enrolledUsers, those whose PIN matches no staff member (or several)' })
  unmatchedUsers: number;
}

export class DeviceWithKeyDto extends DeviceDto {
  @ApiProperty({ description: 'Send as `X-Device-Key`. Shown once: only its hash is stored.', maxLength: 100, example: 'kqd_3fa85f64a1b2_…' })
  apiKey: string;
}

export class DeviceListDto {
  @ApiProperty({ type: [DeviceDto], maxItems: 1000 })
  items: DeviceDto[];
}

export class CreateDeviceDto {
  @TextField({ example: 'Front door terminal', minLength: 1, maxLength: 100 })
  name: string;

  @PatternField({ example: 'CQZ7232460123', pattern: SERIAL, maxLength: 64 }, 'serialNumber must be 1-64 letters, digits, ., - or _')
  serialNumber: string;

  @TimeZoneField({ example: 'Asia/Shanghai', nullable: true, type: String, maxLength: 64, optional: 'or-null', description: 'Zone of device-local times; null or left out: the company zone' })
  timeZone?: string | null;

  @EnumField(PIN_MAPPINGS, { description: PIN_MAPPING_DESCRIPTION, default: 'employee_no', optional: 'not-null' })
  pinMapping?: PinMapping;

  @EnumField(TIME_ZONE_UNITS, { description: TIME_ZONE_UNIT_DESCRIPTION, default: 'hours', optional: 'not-null', deprecated: true })
  timeZoneUnit?: TimeZoneUnit;

  @BooleanField({ description: `${PUSH_STAFF_DESCRIPTION}. Left out: true`, optional: 'not-null' })
  pushStaff?: boolean;
}

export class UpdateDeviceDto {
  @TextField({ minLength: 1, maxLength: 100, optional: 'not-null' })
  name?: string;

  @TimeZoneField({ nullable: true, type: String, maxLength: 64, optional: 'or-null', description: 'Zone of device-local times; null: the company zone' })
  timeZone?: string | null;

  @BooleanField({ description: 'false: the key stops working', optional: 'not-null' })
  active?: boolean;

  @EnumField(PIN_MAPPINGS, { description: PIN_MAPPING_DESCRIPTION, optional: 'not-null' })
  pinMapping?: PinMapping;

  @EnumField(TIME_ZONE_UNITS, { description: TIME_ZONE_UNIT_DESCRIPTION, optional: 'not-null', deprecated: true })
  timeZoneUnit?: TimeZoneUnit;

  @BooleanField({ description: PUSH_STAFF_DESCRIPTION, optional: 'not-null' })
  pushStaff?: boolean;
}

export interface DeviceRow {
  id: string;
  name: string;
  serial_number: string;
  key_prefix: string;
  key_hash: string;
  time_zone: string | null;
  pin_mapping: PinMapping;
  time_zone_unit: TimeZoneUnit;
  active: boolean;
  push_staff: boolean;
  created_at: Date;
  last_seen_at: Date | null;
  last_punch_at: Date | null;
  /** bigint: pg hands it over as text. */
  rejected_lines_dropped: string;
  uploads_dropped: string;
  clock_skew_seconds: number | null;
  clock_skew_measured_at: Date | null;
}

/** A device's users' counts (see DeviceUsersRepository.counts). */
export interface DeviceUserCountsOf {
  enrolled: number;
  unmatched: number;
}

export function toDeviceDto(row: DeviceRow, users: DeviceUserCountsOf = { enrolled: 0, unmatched: 0 }): DeviceDto {
  return {
    id: row.id,
    name: row.name,
    serialNumber: row.serial_number,
    timeZone: row.time_zone,
    pinMapping: row.pin_mapping,
    timeZoneUnit: row.time_zone_unit,
    active: row.active,
    pushStaff: row.push_staff,
    keyPrefix: `kqd_${row.key_prefix}`,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    lastPunchAt: row.last_punch_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    rejectedLinesDropped: Number(row.rejected_lines_dropped),
    uploadsDropped: Number(row.uploads_dropped),
    clockSkewSeconds: row.clock_skew_seconds,
    clockSkewMeasuredAt: row.clock_skew_measured_at?.toISOString() ?? null,
    enrolledUsers: users.enrolled,
    unmatchedUsers: users.unmatched,
  };
}

/** A serial number that called the device protocol without being registered (GET /devices/unknown). */
export class UnknownDeviceDto {
  @ApiProperty({ example: 'CQZ7232460125', maxLength: 64, pattern: SERIAL.source })
  serialNumber: string;

  @ApiDateTime()
  firstSeenAt: string;

  @ApiDateTime()
  lastSeenAt: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 2147483647, type: 'integer', format: 'int32' })
  attempts: number;

  @ApiProperty({ nullable: true, type: String, example: '192.168.1.201', maxLength: 64, description: 'The address of its last attempt' })
  lastIp: string | null;

  @ApiProperty({ example: 'GET /iclock/cdata', maxLength: 100 })
  lastRequest: string;
}

export class UnknownDeviceListDto {
  @ApiProperty({ type: [UnknownDeviceDto], maxItems: 1000 })
  items: UnknownDeviceDto[];
}

/** A line a terminal uploaded that was answered OK but not stored (GET /devices/{id}/rejected-lines). */
export class RejectedLineDto {
  @ApiProperty({ example: '20156107\t2026-10-15 08:47:00\t0\t1\t\t0\t0\t8', maxLength: 501, description: 'The line as received (cut at 500 characters)' })
  line: string;

  @ApiProperty({ example: 'MONTH_CLOSED', maxLength: 40, pattern: '^[A-Z_]{1,40}$', description: 'INVALID_LINE, TIME_UNPARSEABLE, UNKNOWN_EMPLOYEE, INACTIVE_EMPLOYEE, TIME_IN_FUTURE or MONTH_CLOSED' })
  reason: string;

  @ApiProperty({ example: '2026-10-15 is in a month finance has closed', maxLength: 500 })
  message: string;

  @ApiDateTime()
  firstReceivedAt: string;

  @ApiDateTime()
  lastReceivedAt: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 2147483647, type: 'integer', format: 'int32', description: 'How often the terminal sent this line' })
  times: number;
}

export class RejectedLinePageDto extends PageDto(RejectedLineDto, 'RejectedLinePageDto') {}

export interface UnknownDeviceRow {
  serial_number: string;
  first_seen_at: Date;
  last_seen_at: Date;
  attempts: number;
  last_ip: string | null;
  last_request: string;
}

export function toUnknownDeviceDto(row: UnknownDeviceRow): UnknownDeviceDto {
  return {
    serialNumber: row.serial_number,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    attempts: row.attempts,
    lastIp: row.last_ip,
    lastRequest: row.last_request,
  };
}

export interface RejectedLineRow {
  line: string;
  reason: string;
  message: string;
  first_received_at: Date;
  last_received_at: Date;
  times: number;
}

export function toRejectedLineDto(row: RejectedLineRow): RejectedLineDto {
  return {
    line: row.line,
    reason: row.reason,
    message: row.message,
    firstReceivedAt: row.first_received_at.toISOString(),
    lastReceivedAt: row.last_received_at.toISOString(),
    times: row.times,
  };
}
