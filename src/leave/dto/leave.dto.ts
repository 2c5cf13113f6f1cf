import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ApprovalEventDto, DecisionDto } from '../../approvals/dto/approval-event.dto';
import { ApiDate, ApiDateTime, ApiUuid } from '../../common/api-properties';
import { BooleanField, DateField, EnumField, MultiLineTextField, TextField, UuidField } from '../../common/fields';
import { PageDto, PageQueryDto } from '../../common/pagination';
import { CATALOGUE_CODE, CATALOGUE_CODE_RULE } from '../../common/validators';
import type { LeaveRow } from '../leave.repository';

const HALVES = ['am', 'pm'] as const;
const STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'filed'] as const;

/**
 * Half of a request's first or last day; left out or null: the whole day. Not an EnumField: the
 * document has always listed it as required (a left-out half reads as null), and stays as it is.
 */
const HalfDayField = (description: string) =>
  applyDecorators(IsIn(HALVES), IsOptional(), ApiProperty({ enum: HALVES, nullable: true, type: String, description }));

export class LeaveTypeDto {
  @ApiProperty({ example: 'personal', maxLength: 40 })
  code: string;

  @ApiProperty({ example: '事假', maxLength: 50 })
  nameZh: string;

  @ApiProperty({ example: 'Personal leave', maxLength: 100 })
  nameEn: string;

  @ApiProperty()
  paid: boolean;

  @ApiProperty()
  active: boolean;
}

export class LeaveTypeListDto {
  @ApiProperty({ type: [LeaveTypeDto], maxItems: 1000 })
  items: LeaveTypeDto[];
}

export class CreateLeaveTypeDto {
  @ApiProperty({ example: 'annual', pattern: CATALOGUE_CODE.source, maxLength: 40 })
  @Matches(CATALOGUE_CODE, { message: CATALOGUE_CODE_RULE })
  code: string;

  @TextField({ example: '年假', minLength: 1, maxLength: 50 })
  nameZh: string;

  @TextField({ example: 'Annual leave', minLength: 1, maxLength: 100 })
  nameEn: string;

  @BooleanField()
  paid: boolean;
}

export class UpdateLeaveTypeDto {
  @TextField({ minLength: 1, maxLength: 50, optional: 'not-null' })
  nameZh?: string;

  @TextField({ minLength: 1, maxLength: 100, optional: 'not-null' })
  nameEn?: string;

  @BooleanField({ optional: 'not-null' })
  paid?: boolean;

  @BooleanField({ description: 'false: no new requests of this type', optional: 'not-null' })
  active?: boolean;
}

export class CreateLeaveRequestDto {
  @TextField({ example: 'personal', maxLength: 40, description: 'A leave type code (GET /leave-types)' })
  type: string;

  @DateField({ example: '2026-12-03' })
  startDate: string;

  @HalfDayField("'pm': the first day starts with the afternoon session")
  startHalf: 'am' | 'pm' | null = null;

  @DateField({ example: '2026-12-04' })
  endDate: string;

  @HalfDayField("'am': the last day ends after the morning session")
  endHalf: 'am' | 'pm' | null = null;

  @MultiLineTextField({ maxLength: 1000, example: 'Family matter', description: 'Required for an emergency request', optional: 'or-null' })
  reason?: string;

  @BooleanField({ default: false, description: 'H-ATT-11: filed afterwards (today or a past date) for an emergency; needs a reason', optional: 'not-null' })
  emergency?: boolean;
}

export class LeaveRequestDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  staffId: string;

  @ApiProperty({ example: 'personal', maxLength: 40 })
  type: string;

  @ApiDate()
  startDate: string;

  @ApiProperty({ enum: HALVES, nullable: true, type: String })
  startHalf: string | null;

  @ApiDate()
  endDate: string;

  @ApiProperty({ enum: HALVES, nullable: true, type: String })
  endHalf: string | null;

  @ApiProperty({ example: 1.5, minimum: 0, maximum: 1000, description: 'Working days covered: scheduled days only, half days 0.5' })
  workingDays: number;

  @ApiProperty({ maxLength: 1000 })
  reason: string;

  @ApiProperty()
  emergency: boolean;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiUuid({ nullable: true, description: 'Who must decide: the direct supervisor; null: the administrators' })
  approverId: string | null;

  @ApiDateTime()
  createdAt: string;

  @ApiDate({ nullable: true, description: 'Cancelled after it started (销假): the last day taken as leave, in attendance and in the balance; the days after it were given back. Null otherwise' })
  takenUntil: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3.5,
    minimum: -1000,
    maximum: 1000,
    description: 'Days of this type left in the year the request starts, as the balance stands now (this request counted while pending or approved); null for a type that keeps no balance',
  })
  balanceAfter: number | null;

  @ApiProperty({ type: [ApprovalEventDto], maxItems: 100, description: 'Every transition: who, when, in which capacity, with what comment' })
  history: ApprovalEventDto[];
}

/** Cancelling: a comment, and for leave that has started the day the person came back. */
export class CancelLeaveDto extends DecisionDto {
  @DateField({
    description:
      'Only for leave that has started: the first day back at work (销假). The days before it stay leave and are taken from the balance; ' +
      'from it on they are given back and judged by the punches. Between the first and the last day of the leave. ' +
      'Default: today while the leave lasts; for leave that is over, its first day (it did not happen).',
    optional: 'or-null',
  })
  returnedOn?: string;
}

export class LeaveRequestPageDto extends PageDto(LeaveRequestDto, 'LeaveRequestPageDto') {}

export class LeaveListQueryDto extends PageQueryDto {
  @UuidField({ optional: 'or-null' })
  staffId?: string;

  @EnumField(STATUSES, { optional: 'or-null' })
  status?: string;

  @DateField({ description: 'Requests that end on or after this date', optional: 'or-null' })
  from?: string;

  @DateField({ description: 'Requests that start on or before this date', optional: 'or-null' })
  to?: string;
}

/** A request as answered, but for its history (ApprovalWorkflow.withHistory adds it) and its balance. */
export function toLeaveRequestDto(row: LeaveRow): Omit<LeaveRequestDto, 'history' | 'balanceAfter'> {
  return {
    id: row.id,
    staffId: row.staff_id,
    type: row.type_code,
    startDate: row.start_date,
    startHalf: row.start_half,
    endDate: row.end_date,
    endHalf: row.end_half,
    workingDays: Number(row.working_days),
    reason: row.reason,
    emergency: row.emergency,
    status: row.status,
    approverId: row.approver_id,
    createdAt: row.created_at.toISOString(),
    takenUntil: row.taken_until,
  };
}
