import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { BooleanField } from '../../common/fields';
import { PageDto, PageQueryDto } from '../../common/pagination';

export const DEVICE_USER_SOURCES = ['terminal', 'pushed'] as const;
export type DeviceUserSource = (typeof DEVICE_USER_SOURCES)[number];

export const UNMATCHED_REASONS = ['no_staff', 'ambiguous'] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

/** `GET /devices/{id}/users`. */
export class DeviceUsersQueryDto extends PageQueryDto {
  @BooleanField({ type: Boolean, optional: 'or-null', fromText: true, description: 'true: only users whose PIN matches no staff member; false: only those that match one; left out: all' })
  unmatched?: boolean;
}

/** The staff member a terminal user's PIN means under the device's pinMapping. */
export class DeviceUserStaffDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ example: 'E0002', maxLength: 32 })
  employeeNo: string;

  @ApiProperty({ example: '李雷', maxLength: 100 })
  name: string;

  @ApiProperty({ description: 'false: the person has left (their PIN is still on the terminal)' })
  active: boolean;
}

/** A user a terminal holds, as it reported it or as it confirmed it was pushed. */
export class DeviceUserDto {
  @ApiProperty({ example: '2', maxLength: 32, pattern: '^[A-Za-z0-9_-]{1,32}$', description: "The user's PIN on the terminal" })
  pin: string;

  @ApiProperty({ nullable: true, type: String, example: '李雷', maxLength: 100, description: 'The name on the terminal; null: it holds none' })
  name: string | null;

  @ApiInt(0, 255, { example: 0, description: 'The terminal\'s Pri: 0 a user, 14 an administrator of the terminal (2, 6: other roles some firmware has)' })
  privilege: number;

  @ApiProperty({ description: 'Whether a card is enrolled (its number is never kept)', example: false })
  hasCard: boolean;

  @ApiProperty({ enum: DEVICE_USER_SOURCES, description: 'terminal: the terminal reported it (an OPERLOG or USERINFO upload, the answer to query_users); pushed: the terminal confirmed a user_update', example: 'terminal' })
  source: DeviceUserSource;

  @ApiDateTime()
  firstReportedAt: string;

  @ApiDateTime()
  lastReportedAt: string;

  @ApiProperty({ type: DeviceUserStaffDto, nullable: true, description: 'The person the PIN means under the device\'s pinMapping (as punches are read); null: nobody (unmatchedReason says why)' })
  staff: DeviceUserStaffDto | null;

  @ApiProperty({
    enum: [...UNMATCHED_REASONS, null],
    nullable: true,
    example: null,
    description: 'no_staff: no staff member has this PIN; ambiguous: several employee numbers have its digits and not exactly one of them is active; null: staff is set',
  })
  unmatchedReason: UnmatchedReason | null;
}

export class DeviceUserPageDto extends PageDto(DeviceUserDto, 'DeviceUserPageDto') {}

/** A user as a terminal reported it (no password, no card number). */
export interface ReportedUser {
  pin: string;
  name: string | null;
  privilege: number;
  hasCard: boolean;
}

export interface DeviceUserRow {
  device_id: string;
  pin: string;
  name: string | null;
  privilege: number;
  has_card: boolean;
  source: DeviceUserSource;
  first_reported_at: Date;
  last_reported_at: Date;
  /** How many staff members the PIN could mean. */
  candidates: number;
  staff_id: string | null;
  staff_employee_no: string | null;
  staff_name: string | null;
  staff_active: boolean | null;
}

export function toDeviceUserDto(row: DeviceUserRow): DeviceUserDto {
  const staff = row.staff_id === null ? null : { id: row.staff_id, employeeNo: row.staff_employee_no ?? '', name: row.staff_name ?? '', active: row.staff_active ?? false };
  return {
    pin: row.pin,
    name: row.name,
    privilege: row.privilege,
    hasCard: row.has_card,
    source: row.source,
    firstReportedAt: row.first_reported_at.toISOString(),
    lastReportedAt: row.last_reported_at.toISOString(),
    staff,
    unmatchedReason: staff ? null : row.candidates > 1 ? 'ambiguous' : 'no_staff',
  };
}
