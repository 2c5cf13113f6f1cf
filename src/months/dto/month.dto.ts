import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { MONTH_PATTERN } from '../../common/validators';
import { FinancePolicyDto, ReportCountsDto, ReportRowDto } from '../../reports/dto/report.dto';
import { MultiLineText } from '../../common/text';

export class MonthSnapshotDto {
  @ApiProperty({ format: 'date-time' })
  closedAt: string;

  @ApiProperty({ format: 'uuid' })
  closedBy: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the canonical JSON served by GET /months/{month}/report' })
  sha256: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  reopenedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
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
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'Emergency leave of E0042 approved late' })
  @IsString()
  @Length(3, 1000)
  @MultiLineText()
  reason: string;
}

/** The body stored at a close: the whole report (every row, not a page), keys in canonical order. */
export class ClosedMonthReportDto {
  @ApiProperty({ example: '2026-10', pattern: MONTH_PATTERN.source, maxLength: 7 })
  month: string;

  @ApiProperty({ format: 'date-time' })
  closedAt: string;

  @ApiProperty({ format: 'uuid', description: 'The finance staff member who closed the month' })
  closedBy: string;

  @ApiProperty({ type: FinancePolicyDto, description: 'The policy the amounts were computed with' })
  policy: FinancePolicyDto;

  @ApiProperty({ type: [ReportRowDto], maxItems: 10000000, description: 'Everyone employed at any time in the month' })
  rows: ReportRowDto[];

  @ApiProperty({ type: ReportCountsDto })
  totals: ReportCountsDto;

  @ApiProperty({ minimum: 0, maximum: 31, type: 'integer', format: 'int32', description: 'Dates of the month with nobody on duty (H-ATT-2)' })
  rosterGaps: number;
}
