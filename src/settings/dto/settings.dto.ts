import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ApiDate, ApiInt } from '../../common/api-properties';
import { BooleanField, DateField, DistinctListField, EnumField, IntField, TimeZoneField } from '../../common/fields';
import { LANGUAGES } from '../../domain/i18n/language';
import type { Language } from '../../domain/i18n/language';
import { OptionalNotNull } from '../../common/validators';
import type { SettingVersion } from '../../domain/settings';
import { CORRECTION_KINDS, type CorrectionKind } from '../../domain/attendance/corrections';
import { OVERTIME_COUNTING, type OvertimeCounting } from '../../domain/overtime/policy';

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export class SettingVersionDto {
  @ApiDate({ example: '2026-12-01' })
  effectiveFrom: string;

  @ApiProperty({ type: 'array', items: { type: 'integer', format: 'int32', minimum: 1, maximum: 7, enum: ISO_WEEKDAYS }, maxItems: 7, uniqueItems: true, example: [1, 2, 3, 4, 5, 6, 7], description: 'ISO weekdays that are workdays (1 = Monday); H-ATT-2: all seven' })
  workWeek: number[];

  @ApiInt(0, 720, { example: 180, description: 'A punch belongs to a shift from this many minutes before it starts' })
  punchWindowOpenMinutes: number;

  @ApiInt(0, 720, { example: 360, description: '…until this many minutes after it ends' })
  punchWindowCloseMinutes: number;

  @ApiInt(0, 240, { example: 0, description: 'H-ATT-5: minutes of lateness forgiven' })
  graceMinutes: number;

  @ApiInt(1, 720, { nullable: true, description: 'Lateness of at least this many minutes is serious; null: tier off' })
  seriousLateMinutes: number | null;

  @ApiInt(1, 720, { nullable: true, description: 'Lateness of more than this many minutes counts as absence; null: tier off' })
  absentAfterLateMinutes: number | null;

  @ApiProperty({ description: 'H-ATT-6: a missing clock-out counts as an early leave (absence for the day)' })
  missingClockOutIsEarlyLeave: boolean;

  @ApiProperty({ description: 'A missing clock-in counts as absence' })
  missingClockInIsAbsence: boolean;

  @ApiInt(0, 31, { example: 3, description: 'Make-up punch requests (补卡) a person may make per month, counted by the month of the corrected day (pending, approved and filed ones count)' })
  correctionMonthlyLimit: number;

  @ApiInt(1, 62, { example: 7, description: 'How many calendar days back a day may be corrected, the corrected day itself included (7: today and the six days before)' })
  correctionDaysBack: number;

  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...CORRECTION_KINDS] }, maxItems: 3, uniqueItems: true, example: ['missing_punch'], description: 'What a make-up punch may correct: a missing punch; a late arrival or an early departure (the corrected time then replaces the recorded one for the result)' })
  correctionKinds: CorrectionKind[];

  @ApiProperty({ enum: OVERTIME_COUNTING, example: 'punches_in_window', description: 'Overtime (加班) credited after the day: punches_in_window = the clock records inside the approved window; approved_window = the approved window alone; punches_only = the clock records alone, without a request (working day: from the end of the shift to the last record; rest day and holiday: first to last record, paid, capped by the daily cap)' })
  overtimeCounting: OvertimeCounting;

  @ApiInt(1, 240, { example: 30, description: 'Credited overtime is rounded down to a multiple of this many minutes' })
  overtimeUnitMinutes: number;

  @ApiInt(1, 1440, { nullable: true, example: 240, description: 'Once the credited overtime of a day reaches this many minutes, overtimeBreakMinutes are deducted; null: no break' })
  overtimeBreakAfterMinutes: number | null;

  @ApiInt(1, 240, { nullable: true, example: 30, description: 'The break deducted (set together with overtimeBreakAfterMinutes, and shorter than it)' })
  overtimeBreakMinutes: number | null;

  @ApiInt(0, 1440, { example: 180, description: '劳动法第41条: extended hours on a working day, at most this many minutes a day (pending and approved requests count)' })
  overtimeDailyCapMinutes: number;

  @ApiInt(0, 44640, { example: 2160, description: '劳动法第41条: overtime of every kind, at most this many minutes in a month (pending and approved requests count)' })
  overtimeMonthlyCapMinutes: number;

  @ApiInt(0, 62, { example: 7, description: 'An overtime request may be filed afterwards for a day at most this many days back (while its month is open)' })
  overtimeDaysAfter: number;
}

export class SettingsDto {
  @ApiProperty({ example: 'Asia/Shanghai', maxLength: 64 })
  timeZone: string;

  @ApiProperty({ example: '杭州某某电器有限公司', maxLength: 100, description: 'The title of reports; empty until set' })
  companyName: string;

  @ApiProperty({ enum: LANGUAGES, example: 'zh-CN', description: 'The language of answers, explanations and exports when a request does not ask for one (Accept-Language)' })
  defaultLanguage: Language;

  @ApiProperty({ type: SettingVersionDto, description: 'The version in force today' })
  current: SettingVersionDto;

  @ApiProperty({ type: [SettingVersionDto], maxItems: 1000, description: 'Every version, oldest first' })
  versions: SettingVersionDto[];
}

export class PutSettingsDto {
  @DateField({ example: '2026-12-01', description: 'The first date the change applies to; earlier dates keep their rules' })
  effectiveFrom: string;

  @DistinctListField(ISO_WEEKDAYS, { type: 'array', items: { type: 'integer', format: 'int32', minimum: 1, maximum: 7, enum: ISO_WEEKDAYS }, maxItems: 7, uniqueItems: true, optional: 'not-null' })
  workWeek?: number[];

  @IntField(0, 720, { optional: 'not-null' })
  punchWindowOpenMinutes?: number;

  @IntField(0, 720, { optional: 'not-null' })
  punchWindowCloseMinutes?: number;

  @IntField(0, 240, { optional: 'not-null' })
  graceMinutes?: number;

  @IntField(1, 720, { nullable: true, optional: 'or-null' })
  seriousLateMinutes?: number | null;

  @IntField(1, 720, { nullable: true, optional: 'or-null' })
  absentAfterLateMinutes?: number | null;

  @BooleanField({ optional: 'not-null' })
  missingClockOutIsEarlyLeave?: boolean;

  @BooleanField({ optional: 'not-null' })
  missingClockInIsAbsence?: boolean;

  @IntField(0, 31, { optional: 'not-null' })
  correctionMonthlyLimit?: number;

  @IntField(1, 62, { optional: 'not-null' })
  correctionDaysBack?: number;

  @DistinctListField(CORRECTION_KINDS, { type: 'array', items: { type: 'string', enum: [...CORRECTION_KINDS] }, maxItems: 3, uniqueItems: true, optional: 'not-null' })
  correctionKinds?: CorrectionKind[];

  @EnumField(OVERTIME_COUNTING, { optional: 'not-null' })
  overtimeCounting?: OvertimeCounting;

  @IntField(1, 240, { optional: 'not-null' })
  overtimeUnitMinutes?: number;

  @IntField(1, 1440, { nullable: true, optional: 'or-null' })
  overtimeBreakAfterMinutes?: number | null;

  @IntField(1, 240, { nullable: true, optional: 'or-null' })
  overtimeBreakMinutes?: number | null;

  @IntField(0, 1440, { optional: 'not-null' })
  overtimeDailyCapMinutes?: number;

  @IntField(0, 44640, { optional: 'not-null' })
  overtimeMonthlyCapMinutes?: number;

  @IntField(0, 62, { optional: 'not-null' })
  overtimeDaysAfter?: number;
}

export class PutTimeZoneDto {
  @TimeZoneField({ example: 'Asia/Shanghai', maxLength: 64 })
  timeZone: string;
}

export class PutCompanyDto {
  @ApiPropertyOptional({ example: '杭州某某电器有限公司', maxLength: 100, description: 'The company name printed on reports' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  // No leading or trailing blanks and no control characters: it is printed as a title.
  @Matches(/^(?!\s)[^\p{Cc}]*(?<!\s)$/u, { message: 'name must not start or end with blanks or hold control characters' })
  name?: string;

  @EnumField(LANGUAGES, { example: 'zh-CN', optional: 'not-null' })
  defaultLanguage?: Language;
}

export const toSettingVersionDto = (version: SettingVersion): SettingVersionDto => ({
  ...version,
  workWeek: [...version.workWeek].sort(),
  correctionKinds: CORRECTION_KINDS.filter((kind) => version.correctionKinds.includes(kind)),
});
