import { ApiProperty } from '@nestjs/swagger';
import { EnumField, IntField, MonthField } from '../../common/fields';
import { PageQueryDto } from '../../common/pagination';

export class PenaltiesDto {
  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64' })
  lateFen: number;

  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64' })
  seriousLateFen: number;

  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64' })
  absenceFen: number;

  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64' })
  missingPunchFen: number;
}

export class BonusDto {
  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64', description: '全勤奖: no late arrival, no absence, no personal leave' })
  fullAttendanceFen: number;
}

export class ReportCountsDto {
  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: 'Days with a shift scheduled' })
  scheduledDays: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: 'Present or late' })
  presentDays: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32' })
  lateCount: number;

  @ApiProperty({ minimum: 0, maximum: 100000000, type: 'integer', format: 'int32' })
  lateMinutes: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: 'When the serious-lateness tier is on' })
  seriousLateCount: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: 'H-ATT-6: each one also counted as an absence day' })
  earlyLeaveCount: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: 'Days with a clock-in or a clock-out missing (not both)' })
  missingPunchCount: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, description: 'Unexcused absence (旷工), all causes together; half days as 0.5' })
  absenceDays: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 1000000 }, maxProperties: 1000, example: { personal: 1.5, sick: 0, marriage: 0, bereavement: 0 }, description: 'Leave days per leave type, half days as 0.5' })
  leaveDays: Record<string, number>;

  @ApiProperty({ minimum: 0, maximum: 1000000, description: 'Business trips (因公外出)' })
  exemptDays: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32' })
  holidayDays: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32' })
  dutyShifts: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: 'Days whose punch window has not closed yet' })
  pendingDays: number;

  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64', description: "Finance's penalties (H-ATT-7), integer fen" })
  penaltiesFen: number;

  @ApiProperty({ type: PenaltiesDto })
  penalties: PenaltiesDto;

  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64' })
  bonusFen: number;

  @ApiProperty({ type: BonusDto })
  bonus: BonusDto;

  @ApiProperty({ minimum: 0, maximum: 9007199254740991, type: 'integer', format: 'int64', description: 'Disciplinary fines issued in the month' })
  finesFen: number;
}

export class ReportRowDto extends ReportCountsDto {
  @ApiProperty({ format: 'uuid' })
  staffId: string;

  @ApiProperty({ maxLength: 32 })
  employeeNo: string;

  @ApiProperty({ maxLength: 100 })
  name: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 40 })
  positionCode: string | null;
}

export class FinancePolicyDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  effectiveMonth: string;

  @ApiProperty({ minimum: 0, maximum: 100000000, type: 'integer', format: 'int32', description: 'Per late arrival, fen' })
  lateFen: number;

  @ApiProperty({ minimum: 0, maximum: 100000000, type: 'integer', format: 'int32', description: 'Per serious late arrival, fen' })
  seriousLateFen: number;

  @ApiProperty({ minimum: 0, maximum: 100000000, type: 'integer', format: 'int32', description: 'Per absence day (half days pay half), fen' })
  absenceDayFen: number;

  @ApiProperty({ minimum: 0, maximum: 100000000, type: 'integer', format: 'int32', description: 'Per missing punch, fen' })
  missingPunchFen: number;

  @ApiProperty({ minimum: 0, maximum: 100000000, type: 'integer', format: 'int32', description: '全勤奖, fen' })
  fullAttendanceBonusFen: number;
}

export class FinancePolicyListDto {
  @ApiProperty({ type: [FinancePolicyDto], maxItems: 10000, description: 'Every version, oldest first' })
  items: FinancePolicyDto[];
}

export class MonthlyReportDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiProperty({ type: FinancePolicyDto, description: 'The policy in force for the month' })
  policy: FinancePolicyDto;

  @ApiProperty({ type: [ReportRowDto], maxItems: 200 })
  items: ReportRowDto[];

  @ApiProperty({ minimum: 1, maximum: 100000, type: 'integer', format: 'int32' })
  page: number;

  @ApiProperty({ minimum: 1, maximum: 200, type: 'integer', format: 'int32' })
  pageSize: number;

  @ApiProperty({ minimum: 0, maximum: 10000000, type: 'integer', format: 'int32' })
  total: number;

  @ApiProperty({ type: ReportCountsDto, description: 'Totals for everyone in the report (all pages)' })
  totals: ReportCountsDto;

  @ApiProperty({ minimum: 0, maximum: 31, type: 'integer', format: 'int32', description: 'Dates of the month with nobody on duty (H-ATT-2)' })
  rosterGaps: number;
}

export class GridRowDto {
  @ApiProperty({ format: 'uuid' })
  staffId: string;

  @ApiProperty({ maxLength: 32 })
  employeeNo: string;

  @ApiProperty({ maxLength: 100 })
  name: string;

  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 2 }, maxItems: 31, description: '√ present, 迟 late, 旷 absence, 早 early leave, 事/病/婚/丧 leave, 差 business trip, 休 holiday or rest, 值 on duty, 待 pending, empty: not employed' })
  days: string[];
}

export class MonthlyGridDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date', maxLength: 10 }, maxItems: 31 })
  dates: string[];

  @ApiProperty({ type: [GridRowDto], maxItems: 200 })
  items: GridRowDto[];

  @ApiProperty({ minimum: 1, maximum: 100000, type: 'integer', format: 'int32' })
  page: number;

  @ApiProperty({ minimum: 1, maximum: 200, type: 'integer', format: 'int32' })
  pageSize: number;

  @ApiProperty({ minimum: 0, maximum: 10000000, type: 'integer', format: 'int32' })
  total: number;
}

export class ReportQueryDto extends PageQueryDto {
  @MonthField()
  month: string;

  @EnumField(['json', 'csv', 'xlsx'], { description: 'Overrides the Accept header', optional: 'or-null' })
  format?: 'json' | 'csv' | 'xlsx';

  @EnumField(['zh', 'zh-CN', 'en'], { description: "Language of CSV and XLSX; without it Accept-Language, else the company's default language", optional: 'or-null' })
  lang?: 'zh' | 'zh-CN' | 'en';
}

export class PutFinancePolicyDto {
  @MonthField({ example: '2026-12', description: 'The first month it applies to' })
  effectiveMonth: string;

  @IntField(0, 100_000_000)
  lateFen: number;

  @IntField(0, 100_000_000)
  seriousLateFen: number;

  @IntField(0, 100_000_000)
  absenceDayFen: number;

  @IntField(0, 100_000_000)
  missingPunchFen: number;

  @IntField(0, 100_000_000)
  fullAttendanceBonusFen: number;
}
