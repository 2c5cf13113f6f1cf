import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { MONTH_PATTERN } from '../../common/validators';
import { FinancePolicyDto, ReportCountsDto, ReportPersonDto, ReportRowDto } from '../../reports/dto/report.dto';
import { MultiLineTextField } from '../../common/fields';

export class MonthSnapshotDto {
  @ApiDateTime()
  closedAt: string;

  @ApiUuid()
  closedBy: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the canonical JSON served by GET /months/{month}/report' })
  sha256: string;

  @ApiDateTime({ nullable: true })
  reopenedAt: string | null;

  @ApiUuid({ nullable: true })
  reopenedBy: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  reopenReason: string | null;
}

export class MonthDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  state: string;

  @ApiProperty({ type: [MonthSnapshotDto], maxItems: 1000, description: 'Every close, oldest first; all are kept' })
  snapshots: MonthSnapshotDto[];
}

export class MonthListDto {
  @ApiProperty({ type: [MonthDto], maxItems: 10000 })
  items: MonthDto[];
}

export class ReopenMonthDto {
  @MultiLineTextField({ minLength: 3, maxLength: 1000, example: 'Emergency leave of E0042 approved late' })
  reason: string;
}

/** A catalogue entry's names in both languages, as the exports of the month print them. */
export class SnapshotNamesDto {
  @ApiProperty({ example: '售前客服', maxLength: 100 })
  zh: string;

  @ApiProperty({ example: 'Pre-sales customer service', maxLength: 100 })
  en: string;
}

export class SnapshotLeaveTypeDto extends SnapshotNamesDto {
  @ApiProperty({ example: 'personal', maxLength: 40 })
  code: string;
}

export class SnapshotLabelsDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string', maxLength: 100 }, en: { type: 'string', maxLength: 100 } }, additionalProperties: false }, maxProperties: 100000, description: 'Position names by position code' })
  positions: Record<string, SnapshotNamesDto>;

  @ApiProperty({ type: [SnapshotLeaveTypeDto], maxItems: 1000 })
  leaveTypes: SnapshotLeaveTypeDto[];
}

export class SnapshotCalendarDayDto {
  @ApiDate()
  date: string;

  @ApiProperty({ enum: ['workday', 'holiday', 'makeup_workday', 'rest'] })
  kind: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 100 })
  name: string | null;
}

/** A grid line as stored at the close: the grid row's person, with the marks under the name `codes`. */
export class SnapshotGridLineDto extends ReportPersonDto {
  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 31, description: 'One 考勤表 mark per date of the month (√ 迟 旷 早 休 值 差 待, a leave code, or empty when not employed)' })
  codes: string[];
}

/** The body stored at a close: the whole report (every row, not a page), keys in canonical order. */
export class ClosedMonthReportDto {
  @ApiProperty({ example: '2026-10', pattern: MONTH_PATTERN.source, maxLength: 7 })
  month: string;

  @ApiDateTime()
  closedAt: string;

  @ApiUuid({ description: 'The finance staff member who closed the month' })
  closedBy: string;

  @ApiProperty({ type: FinancePolicyDto, description: 'The policy the amounts were computed with' })
  policy: FinancePolicyDto;

  @ApiProperty({ type: [ReportRowDto], maxItems: 10000000, description: 'Everyone employed at any time in the month' })
  rows: ReportRowDto[];

  @ApiProperty({ type: ReportCountsDto })
  totals: ReportCountsDto;

  @ApiInt(0, 31, { description: 'Dates of the month with nobody on duty (H-ATT-2)' })
  rosterGaps: number;

  @ApiPropertyOptional({ maxLength: 100, description: 'The company name of the moment of the close (absent from snapshots taken before it was stored)' })
  companyName?: string;

  @ApiPropertyOptional({ type: SnapshotLabelsDto, description: 'Position and leave type names of the moment of the close' })
  labels?: SnapshotLabelsDto;

  @ApiPropertyOptional({ type: [SnapshotCalendarDayDto], maxItems: 31, description: 'The calendar of every date of the month' })
  calendar?: SnapshotCalendarDayDto[];

  @ApiPropertyOptional({ type: [SnapshotGridLineDto], maxItems: 10000000, description: 'The 考勤表 grid: everyone employed in the month, one mark per date' })
  grid?: SnapshotGridLineDto[];
}
