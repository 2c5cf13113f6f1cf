import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApprovalEventDto } from '../../approvals/dto/approval-event.dto';
import { AttendanceDayDto } from '../../attendance/dto/attendance-day.dto';
import { ApiDate, ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { DateField, EnumField, IntField, MultiLineTextField } from '../../common/fields';
import { PageDto, PersonStateQueryDto } from '../../common/pagination';
import { IsDateTimeText } from '../../common/date-time';
import { CORRECTION_KINDS } from '../../domain/attendance/corrections';
import type { CorrectionRow } from '../punch-corrections.repository';

const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'filed', 'cancelled'] as const;
const DIRECTIONS = ['in', 'out'] as const;

export class CreatePunchCorrectionDto {
  @DateField({ example: '2026-11-26', description: 'The scheduled day to correct (its shift; a duty shift past midnight belongs to the day it started)' })
  date: string;

  @IntField(0, 9, { example: 1, description: "Which session of the day's shift (0 = the first): with the office shift, 0 is 08:30–12:00 and 1 is 13:00–17:30. The day judges the clock-in of its first expected session and the clock-out of its last (GET /punch-corrections/eligible lists them)" })
  session: number;

  @EnumField(DIRECTIONS, { example: 'out', description: 'in: the clock-in of that session; out: its clock-out' })
  direction: 'in' | 'out';

  @ApiProperty({ example: '2026-11-26T17:32:00+08:00', maxLength: 40, description: "When it happened: RFC 3339 with an offset, or a local YYYY-MM-DD HH:MM[:SS] in the company zone; inside the shift's punch window and not in the future" })
  @IsString()
  @MaxLength(40)
  @IsDateTimeText()
  at: string;

  @MultiLineTextField({ example: 'Forgot to clock out; left with the store manager at 17:32', minLength: 1, maxLength: 500 })
  reason: string;
}

export class CancelPunchCorrectionDto {
  @MultiLineTextField({ example: 'The CCTV shows the employee left at 16:10', minLength: 3, maxLength: 1000, description: 'Why: kept on the request and on the voided punch' })
  reason: string;
}

export class PunchCorrectionDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  staffId: string;

  @ApiDate()
  date: string;

  @ApiInt(0, 9, { description: 'Session of the shift (0-based)' })
  session: number;

  @ApiProperty({ enum: DIRECTIONS })
  direction: string;

  @ApiProperty({ enum: [...CORRECTION_KINDS], description: 'missing_punch: the clock has no record of it; late_arrival / early_departure: the claimed time replaces what the clock recorded (the record stays)' })
  kind: string;

  @ApiDateTime({ description: 'The claimed time' })
  at: string;

  @ApiDateTime({ nullable: true, description: 'What the clock recorded for this punch (late arrival, early departure); null for a missing punch' })
  recordedAt: string | null;

  @ApiProperty({ maxLength: 500 })
  reason: string;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiUuid({ nullable: true, description: 'Who must decide: the direct supervisor; null: the administrators' })
  approverId: string | null;

  @ApiUuid({ nullable: true })
  decidedBy: string | null;

  @ApiProperty({ enum: ['supervisor', 'admin', null], nullable: true, type: String, description: 'admin: an administrator in place of the supervisor' })
  decidedAs: string | null;

  @ApiDateTime({ nullable: true })
  decidedAt: string | null;

  @ApiUuid({ nullable: true, description: 'The punch (source correction) the approval added; voided when the request is cancelled' })
  punchId: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  cancelReason: string | null;

  @ApiDateTime()
  createdAt: string;

  @ApiProperty({ type: [ApprovalEventDto], maxItems: 100 })
  history: ApprovalEventDto[];
}

export class PunchCorrectionPageDto extends PageDto(PunchCorrectionDto, 'PunchCorrectionPageDto') {}

export class CreatedPunchCorrectionDto extends PunchCorrectionDto {
  @ApiProperty({ type: AttendanceDayDto, description: "The day's result now" })
  current: AttendanceDayDto;

  @ApiProperty({ type: AttendanceDayDto, description: 'The result if the request is approved' })
  predicted: AttendanceDayDto;

  @ApiInt(0, 31, { description: 'Requests left in the month of the corrected day after this one' })
  requestsLeft: number;
}

export class CorrectablePunchDto {
  @ApiInt(0, 9)
  session: number;

  @ApiProperty({ enum: DIRECTIONS })
  direction: string;

  @ApiDateTime({ description: 'When the shift expected it' })
  due: string;

  @ApiDateTime({ nullable: true, description: 'What the clock recorded; null: nothing' })
  recordedAt: string | null;

  @ApiProperty({ enum: [...CORRECTION_KINDS] })
  kind: string;

  @ApiProperty({ description: 'Whether the policy allows correcting this kind' })
  allowed: boolean;

  @ApiUuid({ nullable: true, description: 'A pending or approved request for this punch already' })
  requestId: string | null;
}

export class EligibleDayDto {
  @ApiDate()
  date: string;

  @ApiProperty({ enum: ['office', 'duty'], type: String })
  shiftCode: string;

  @ApiProperty({ maxLength: 20, description: "The day's status now (see GET /attendance)" })
  status: string;

  @ApiProperty({ description: 'Finance has closed its month: nothing can be corrected' })
  monthClosed: boolean;

  @ApiInt(0, 31, { description: 'Requests left in the month of this day' })
  requestsLeft: number;

  @ApiProperty({ type: [CorrectablePunchDto], maxItems: 20, description: 'What may still be corrected (empty: nothing)' })
  punches: CorrectablePunchDto[];
}

export class CorrectionMonthDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiInt(0, 31)
  limit: number;

  @ApiInt(0, 1000, { description: 'Pending, approved and filed requests for days of the month' })
  used: number;

  @ApiInt(0, 31)
  left: number;
}

export class EligibleCorrectionsDto {
  @ApiDate({ description: 'The earliest day that may still be corrected' })
  earliest: string;

  @ApiDate()
  today: string;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...CORRECTION_KINDS] }, maxItems: 3, description: 'Kinds the policy allows today' })
  allowedKinds: string[];

  @ApiProperty({ type: [CorrectionMonthDto], maxItems: 3, description: 'Each month the window touches, with its limit' })
  months: CorrectionMonthDto[];

  @ApiProperty({ type: [EligibleDayDto], maxItems: 62, description: 'Scheduled days of the window, newest first' })
  days: EligibleDayDto[];
}

export const PunchCorrectionListQueryDto = PersonStateQueryDto(STATUSES);
export type PunchCorrectionListQueryDto = InstanceType<typeof PunchCorrectionListQueryDto>;

export function toPunchCorrectionDto(row: CorrectionRow): Omit<PunchCorrectionDto, 'history'> {
  return {
    id: row.id,
    staffId: row.staff_id,
    date: row.date,
    session: row.session,
    direction: row.direction,
    kind: row.kind,
    at: row.at.toISOString(),
    recordedAt: row.recorded_at?.toISOString() ?? null,
    reason: row.reason,
    status: row.status,
    approverId: row.approver_id,
    decidedBy: row.decided_by,
    decidedAs: row.decided_as,
    decidedAt: row.decided_at?.toISOString() ?? null,
    punchId: row.punch_id,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at.toISOString(),
  };
}
