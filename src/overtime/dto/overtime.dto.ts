import { ApiProperty } from '@nestjs/swagger';
import { ApprovalEventDto, DecisionDto } from '../../approvals/dto/approval-event.dto';
import { ApiDate, ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { DateField, EnumField, MultiLineTextField, PatternField, UuidField } from '../../common/fields';
import { PageDto, PersonStateQueryDto } from '../../common/pagination';
import { COMPENSATIONS, OVERTIME_KINDS, type Compensation } from '../../domain/overtime/policy';
import { windowMinutes } from '../../domain/overtime/requests';
import type { OvertimeRow } from '../overtime.repository';

const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'filed', 'cancelled'] as const;
const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export class CreateOvertimeDto {
  @UuidField({ optional: 'not-null', description: 'Whose overtime (admin only, filing for someone); left out: your own' })
  staffId?: string;

  @DateField({ example: '2026-11-28', description: 'The day worked: in advance, or afterwards within overtimeDaysAfter days while its month is open' })
  date: string;

  @PatternField({ example: '18:00', pattern: START, maxLength: 5, description: 'Start, local HH:mm in the company zone, on `date`' }, 'start must be HH:mm')
  start: string;

  @PatternField({ example: '20:00', pattern: END, maxLength: 5, description: 'End, local HH:mm (24:00 = midnight); at or before start means the next day' }, 'end must be HH:mm or 24:00')
  end: string;

  @EnumField(COMPENSATIONS, { optional: 'not-null', example: 'pay', description: 'pay (default) or lieu: time off in lieu (调休), only for rest-day work (劳动法第44条)' })
  compensation?: Compensation;

  @MultiLineTextField({ example: 'Double 11 after-sales backlog', minLength: 1, maxLength: 500 })
  reason: string;

  @MultiLineTextField({ minLength: 3, maxLength: 1000, optional: 'not-null', example: 'Store move approved by the general manager', description: 'Admin only: files beyond the daily or monthly cap (劳动法第41条); recorded, audited and counted in the report' })
  capOverrideReason?: string;
}

export class ApproveOvertimeDto extends DecisionDto {
  @MultiLineTextField({ minLength: 3, maxLength: 1000, optional: 'not-null', description: 'Admin only: approves beyond the daily or monthly cap (劳动法第41条); recorded, audited and counted in the report' })
  capOverrideReason?: string;
}

export class CancelOvertimeDto {
  @MultiLineTextField({ example: 'The store closed early; nobody stayed', minLength: 3, maxLength: 1000, description: 'Why: kept on the request' })
  reason: string;
}

export class OvertimeRequestDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  staffId: string;

  @ApiDate()
  date: string;

  @ApiDateTime({ description: 'Start of the window' })
  startsAt: string;

  @ApiDateTime({ description: 'End of the window (exclusive)' })
  endsAt: string;

  @ApiInt(1, 1440, { description: 'Minutes of the window (what the caps count)' })
  minutes: number;

  @ApiProperty({ enum: OVERTIME_KINDS, description: 'The day type when requested: workday 150%, rest_day 200%, holiday 300% (劳动法第44条)' })
  dayKind: string;

  @ApiProperty({ enum: COMPENSATIONS })
  compensation: string;

  @ApiProperty({ maxLength: 500 })
  reason: string;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiUuid({ description: 'Who filed it: the employee, or an admin for them' })
  requestedBy: string;

  @ApiUuid({ nullable: true, description: 'Who must decide: the direct supervisor; null: the administrators' })
  approverId: string | null;

  @ApiUuid({ nullable: true })
  decidedBy: string | null;

  @ApiProperty({ enum: ['supervisor', 'admin', null], nullable: true, type: String, description: 'admin: an administrator in place of the supervisor' })
  decidedAs: string | null;

  @ApiDateTime({ nullable: true })
  decidedAt: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  cancelReason: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000, description: 'Why an admin let it go beyond a cap (劳动法第41条); null: within the caps' })
  capOverrideReason: string | null;

  @ApiUuid({ nullable: true })
  capOverrideBy: string | null;

  @ApiDateTime()
  createdAt: string;

  @ApiProperty({ type: [ApprovalEventDto], maxItems: 100 })
  history: ApprovalEventDto[];
}

export class OvertimeRequestPageDto extends PageDto(OvertimeRequestDto, 'OvertimeRequestPageDto') {}

export class CreatedOvertimeDto extends OvertimeRequestDto {
  @ApiInt(0, 1440, { nullable: true, description: 'Working-day extended minutes still free on that date after this request; null for a rest day or holiday' })
  dailyLeftMinutes: number | null;

  @ApiInt(0, 44640, { description: 'Overtime minutes still free in the month after this request' })
  monthlyLeftMinutes: number;
}

export const OvertimeListQueryDto = PersonStateQueryDto(STATUSES);
export type OvertimeListQueryDto = InstanceType<typeof OvertimeListQueryDto>;

export function toOvertimeRequestDto(row: OvertimeRow): Omit<OvertimeRequestDto, 'history'> {
  return {
    id: row.id,
    staffId: row.staff_id,
    date: row.date,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    minutes: windowMinutes({ start: row.starts_at, end: row.ends_at }),
    dayKind: row.day_kind,
    compensation: row.compensation,
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    approverId: row.approver_id,
    decidedBy: row.decided_by,
    decidedAs: row.decided_as,
    decidedAt: row.decided_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    capOverrideReason: row.cap_override_reason,
    capOverrideBy: row.cap_override_by,
    createdAt: row.created_at.toISOString(),
  };
}
