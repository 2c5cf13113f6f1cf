import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { DateField, IntField, MultiLineTextField, UuidField } from '../../common/fields';
import { AllowanceRuleDto } from './allowance-rule.dto';

const HOURS = { type: Number, minimum: -100000, maximum: 100000, example: 3.5 };

/** One grant of time off in lieu (调休) and what became of it. */
export class LieuLotDto {
  @ApiDate({ description: 'The day it was earned: the rest day worked, or the date of the office\'s adjustment' })
  earnedOn: string;

  @ApiProperty({ enum: ['overtime', 'office'], description: 'overtime: rest-day overtime chosen as time off in lieu; office: an adjustment adding hours' })
  source: string;

  @ApiProperty({ ...HOURS, description: 'Hours granted' })
  hours: number;

  @ApiProperty({ ...HOURS, description: 'Taken by approved 调休 (or the office), oldest grant first' })
  usedHours: number;

  @ApiProperty({ ...HOURS, description: 'Held by pending 调休 requests' })
  reservedHours: number;

  @ApiProperty({ ...HOURS, description: 'Still usable (0 once expired)' })
  remainingHours: number;

  @ApiDate({ description: 'The last day it may be taken: the earning date plus the days of the rule in force on that date' })
  expiresOn: string;

  @ApiProperty({ description: 'Its last day has passed' })
  expired: boolean;

  @ApiProperty({ ...HOURS, description: 'Left unused when it expired: paid at the rest-day rate (200%, 劳动法 第44条)' })
  expiredHours: number;
}

export class LieuAdjustmentDto {
  @ApiProperty({ type: String, pattern: '^[0-9]+$', maxLength: 20, example: '12' })
  id: string;

  @ApiDate()
  date: string;

  @ApiInt(-100000, 100000, { description: 'Signed minutes: added (a grant earned on the date) or taken away (taken on the date)', example: -90 })
  minutes: number;

  @ApiProperty({ ...HOURS, description: 'The same in hours' })
  hours: number;

  @ApiProperty({ type: String, maxLength: 1000 })
  reason: string;

  @ApiUuid()
  createdBy: string;

  @ApiDateTime()
  createdAt: string;
}

/** A person's time off in lieu (调休): per grant, with the office's adjustments (issue 22). */
export class LieuBalanceDto {
  @ApiDate({ description: 'The day the balance is read on (company today): grants whose last day is before it have expired' })
  asOf: string;

  @ApiProperty({ type: AllowanceRuleDto, description: 'The rule in force on that day (kind lieu, with expiresAfterDays)' })
  rule: AllowanceRuleDto;

  @ApiProperty({ ...HOURS, description: 'Granted by the grants shown' })
  grantedHours: number;

  @ApiProperty({ ...HOURS, description: 'Taken from them' })
  takenHours: number;

  @ApiProperty({ ...HOURS, description: 'Held from them by pending requests' })
  reservedHours: number;

  @ApiProperty({ ...HOURS, description: 'Usable now: every grant not expired, less what is taken and held' })
  availableHours: number;

  @ApiProperty({ ...HOURS, description: 'Expired unused, to be paid at 200%' })
  expiredHours: number;

  @ApiProperty({ ...HOURS, description: 'Taken or held with no grant valid on its date to fund it (a judged day recomputed with fewer hours); 0 normally' })
  unfundedHours: number;

  @ApiProperty({ type: [LieuLotDto], maxItems: 10000, description: 'The grants valid at some time in the year asked, oldest first' })
  lots: LieuLotDto[];

  @ApiProperty({ type: [LieuAdjustmentDto], maxItems: 10000, description: 'The office\'s adjustments in the year asked, oldest first' })
  adjustments: LieuAdjustmentDto[];
}

export class CreateLieuAdjustmentDto {
  @UuidField()
  staffId: string;

  @DateField({ example: '2026-12-01', description: 'Added minutes are a grant earned on this date (expiring like any other); taken minutes are taken on it. Its month must be open' })
  date: string;

  @IntField(-100000, 100000, { example: -90, description: 'Minutes to add (negative: to take away), not 0' })
  minutes: number;

  @MultiLineTextField({ minLength: 1, maxLength: 1000, example: 'Rest-day work on 2026-10-10 recorded on paper' })
  reason: string;
}
