import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ReportPersonDto } from '../../common/report-person.dto';
import { ApiFen, ApiInt, intDoc } from '../../common/api-properties';
import { EnumField, IntField, MonthField } from '../../common/fields';
import { PageQueryDto } from '../../common/pagination';

/**
 * The monthly report's JSON pages may be large: every request computes the whole month anyway (the
 * totals need every row), so finance's console reads a 10,000-person month in two requests instead
 * of fifty (each of which would compute the month again). The grid pages in SQL and keeps 200.
 */
export const MAX_REPORT_PAGE_SIZE = 5000;

/** Finance's amounts per event, fen: up to 1,000,000 yuan. */
const MAX_POLICY_FEN = 100_000_000;

/** A count of days or events in a month's report. */
const ApiCount = (description?: string) => ApiInt(0, 1_000_000, { description });

export class PenaltiesDto {
  @ApiFen()
  lateFen: number;

  @ApiFen()
  seriousLateFen: number;

  @ApiFen()
  absenceFen: number;

  @ApiFen()
  missingPunchFen: number;

  @ApiFen({ description: 'Approved make-up punches (补卡) × the amount per correction' })
  correctionFen: number;
}

export class BonusDto {
  @ApiFen({ description: '全勤奖: no late arrival, no absence, no personal leave' })
  fullAttendanceFen: number;
}

export class ReportCountsDto {
  @ApiCount('Days with a shift scheduled')
  scheduledDays: number;

  @ApiCount('Present or late')
  presentDays: number;

  @ApiCount()
  lateCount: number;

  @ApiInt(0, MAX_POLICY_FEN)
  lateMinutes: number;

  @ApiCount('When the serious-lateness tier is on')
  seriousLateCount: number;

  @ApiCount('H-ATT-6: each one also counted as an absence day')
  earlyLeaveCount: number;

  @ApiCount('Days with a clock-in or a clock-out missing (not both)')
  missingPunchCount: number;

  @ApiCount('Approved (or filed) make-up punches (补卡) for days of the month')
  correctionCount: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, description: 'Unexcused absence (旷工), all causes together; half days as 0.5' })
  absenceDays: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 1000000 }, maxProperties: 1000, example: { personal: 1.5, sick: 0, marriage: 0, bereavement: 0 }, description: 'Leave days per leave type, half days as 0.5' })
  leaveDays: Record<string, number>;

  @ApiPropertyOptional({
    minimum: -1000000,
    maximum: 1000000,
    description:
      'Statutory annual leave (年休假) left at the end of the month: granted, carried in and adjusted, less what approved leave starting by then took ' +
      'and carried days expired by then; pending requests are not subtracted. Absent from snapshots of months closed before balances were kept.',
  })
  annualLeaveRemainingDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: 'Time off in lieu (调休, issue 22): hours of rest-day overtime turned into time off in lieu earned in the month (with the office\'s additions dated in it). Absent from snapshots of months closed before it was kept.' })
  lieuEarnedHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: '调休 taken in the month, in hours: approved 调休 leave dated in it (and the office\'s deductions). Absent from older snapshots.' })
  lieuTakenHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: '调休 left at the end of the month, in hours: grants not expired by then less what was taken by then, oldest first; pending requests are not subtracted. Absent from older snapshots.' })
  lieuRemainingHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: 'Hours of 调休 whose grant expired in the month unused (each grant by its earning date): to be paid at the rest-day rate, 200% (劳动法 第44条). Absent from older snapshots.' })
  lieuExpiredHours?: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, description: 'Business trips (因公外出)' })
  exemptDays: number;

  @ApiCount()
  holidayDays: number;

  @ApiCount()
  dutyShifts: number;

  @ApiCount('Days whose punch window has not closed yet')
  pendingDays: number;

  @ApiFen({ description: "Finance's penalties (H-ATT-7), integer fen" })
  penaltiesFen: number;

  @ApiProperty({ type: PenaltiesDto })
  penalties: PenaltiesDto;

  @ApiFen()
  bonusFen: number;

  @ApiProperty({ type: BonusDto })
  bonus: BonusDto;

  @ApiFen({ description: 'Disciplinary fines issued in the month' })
  finesFen: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: '加班 (劳动法第44条): working-day extended hours credited, paid at 150%. Absent from snapshots of months closed before overtime was kept' })
  overtimeWorkdayHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: 'Rest-day overtime hours credited (200%), time off in lieu included' })
  overtimeRestDayHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: 'Of the rest-day hours, those taken back as time off in lieu (调休): not paid' })
  overtimeRestDayLieuHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, description: 'Statutory holiday overtime hours credited (300%)' })
  overtimeHolidayHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: '劳动法第41条: approved overtime requests an admin let go beyond a cap, with a recorded reason' })
  overtimeCapOverrides?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, type: 'integer', format: 'int64', description: "Paid overtime hours × finance's amount per hour of each kind, fen (lieu hours are not paid)" })
  overtimePayFen?: number;
}

export { ReportPersonDto } from '../../common/report-person.dto';

export class ReportRowDto extends IntersectionType(ReportCountsDto, ReportPersonDto) {
  @ApiProperty({ nullable: true, type: String, maxLength: 40 })
  positionCode: string | null;
}

export class FinancePolicyDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  effectiveMonth: string;

  @ApiInt(0, MAX_POLICY_FEN, { description: 'Per late arrival, fen' })
  lateFen: number;

  @ApiInt(0, MAX_POLICY_FEN, { description: 'Per serious late arrival, fen' })
  seriousLateFen: number;

  @ApiInt(0, MAX_POLICY_FEN, { description: 'Per absence day (half days pay half), fen' })
  absenceDayFen: number;

  @ApiInt(0, MAX_POLICY_FEN, { description: 'Per missing punch, fen' })
  missingPunchFen: number;

  @ApiInt(0, MAX_POLICY_FEN, { description: '全勤奖, fen' })
  fullAttendanceBonusFen: number;

  @ApiInt(0, MAX_POLICY_FEN, { description: 'Per approved make-up punch (补卡), fen; 0 by default' })
  correctionFen: number;

  @ApiPropertyOptional({ ...intDoc(0, MAX_POLICY_FEN), description: 'Per paid hour of working-day overtime (150%), fen; 0 by default. Absent from snapshots closed before overtime was kept' })
  overtimeWorkdayHourFen?: number;

  @ApiPropertyOptional({ ...intDoc(0, MAX_POLICY_FEN), description: 'Per paid hour of rest-day overtime (200%), fen; 0 by default' })
  overtimeRestDayHourFen?: number;

  @ApiPropertyOptional({ ...intDoc(0, MAX_POLICY_FEN), description: 'Per hour of statutory holiday overtime (300%), fen; 0 by default' })
  overtimeHolidayHourFen?: number;
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

  @ApiProperty({ type: [ReportRowDto], maxItems: MAX_REPORT_PAGE_SIZE })
  items: ReportRowDto[];

  @ApiInt(1, 100_000)
  page: number;

  @ApiInt(1, MAX_REPORT_PAGE_SIZE)
  pageSize: number;

  @ApiInt(0, 10_000_000)
  total: number;

  @ApiProperty({ type: ReportCountsDto, description: 'Totals for everyone in the report (all pages)' })
  totals: ReportCountsDto;

  @ApiInt(0, 31, { description: 'Dates of the month with nobody on duty (H-ATT-2)' })
  rosterGaps: number;
}

export class GridRowDto extends ReportPersonDto {
  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 3 }, maxItems: 31, description: '√ present, 迟 late, 旷 absence, 早 early leave, 事/病/婚/丧 leave, 差 business trip, 休 holiday or rest, 值 on duty, 待 pending, empty: not employed; followed by 补 when an approved make-up punch corrected the day (√补), then 加 when the day credited overtime (√加, 休加)' })
  days: string[];
}

export class MonthlyGridDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date', maxLength: 10 }, maxItems: 31 })
  dates: string[];

  @ApiProperty({ type: [GridRowDto], maxItems: 200 })
  items: GridRowDto[];

  @ApiInt(1, 100_000)
  page: number;

  @ApiInt(1, 200)
  pageSize: number;

  @ApiInt(0, 10_000_000)
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

/** The monthly report's query: the grid's, with pages up to MAX_REPORT_PAGE_SIZE people. */
export class MonthlyReportQueryDto extends ReportQueryDto {
  @IntField(1, MAX_REPORT_PAGE_SIZE, { fromText: true, optional: 'or-null', default: 50 })
  override pageSize: number = 50;
}

export class PutFinancePolicyDto {
  @MonthField({ example: '2026-12', description: 'The first month it applies to' })
  effectiveMonth: string;

  @IntField(0, MAX_POLICY_FEN)
  lateFen: number;

  @IntField(0, MAX_POLICY_FEN)
  seriousLateFen: number;

  @IntField(0, MAX_POLICY_FEN)
  absenceDayFen: number;

  @IntField(0, MAX_POLICY_FEN)
  missingPunchFen: number;

  @IntField(0, MAX_POLICY_FEN)
  fullAttendanceBonusFen: number;

  @IntField(0, MAX_POLICY_FEN, { optional: 'not-null', description: 'Per approved make-up punch (补卡), fen; left out: unchanged (0 until set)' })
  correctionFen?: number;

  @IntField(0, MAX_POLICY_FEN, { optional: 'not-null', description: 'Per paid hour of working-day overtime, fen; left out: unchanged (0 until set)' })
  overtimeWorkdayHourFen?: number;

  @IntField(0, MAX_POLICY_FEN, { optional: 'not-null', description: 'Per paid hour of rest-day overtime, fen; left out: unchanged (0 until set)' })
  overtimeRestDayHourFen?: number;

  @IntField(0, MAX_POLICY_FEN, { optional: 'not-null', description: 'Per hour of holiday overtime, fen; left out: unchanged (0 until set)' })
  overtimeHolidayHourFen?: number;
}
