import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ApiDate, ApiDateTime, ApiUuid } from '../../common/api-properties';
import { BooleanField, DateField, EnumField, IntField, MultiLineTextField, PatternField, TextField, UuidField } from '../../common/fields';
import { ALLOWANCE_KINDS } from '../../domain/leave-balance/allowance';
import { AllowanceRuleDto } from './allowance-rule.dto';
import { LieuBalanceDto } from './lieu.dto';

export { AllowanceRuleDto };

export const ENTRY_KINDS = ['grant', 'reservation', 'consumption', 'release', 'carry_over', 'expiry', 'adjustment'] as const;
export const ENTRY_CAUSES = ['year_start', 'hire', 'eligibility', 'leaving', 'revision', 'request', 'carried_expiry', 'year_end', 'office'] as const;
const DAYS_DOC = { type: Number, minimum: -1000, maximum: 1000, example: 5 };
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** A number of days from `minimum` to `maximum` (halves are checked by the rules, which say so in a detail). */
const DaysField = (minimum: number, maximum: number, doc: { description: string; example?: number; optional?: boolean }) =>
  applyDecorators(
    ...(doc.optional
      ? [ApiPropertyOptional({ type: Number, nullable: true, minimum, maximum, description: doc.description, example: doc.example }), IsOptional()]
      : [ApiProperty({ type: Number, minimum, maximum, description: doc.description, example: doc.example })]),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(minimum),
    Max(maximum),
  );

export class LeaveBalanceQueryDto {
  @UuidField({ description: 'Whose balances; default: yours', optional: 'or-null' })
  staffId?: string;

  @IntField(1970, 2099, { description: 'Calendar year; default: this year in company time', optional: 'or-null', fromText: true })
  year?: number;
}

export class LedgerEntryDto {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  id: number;

  @ApiProperty({ enum: ENTRY_KINDS })
  kind: string;

  @ApiProperty({ enum: ENTRY_CAUSES, description: 'Why it was written: a due date of the entitlement (year_start, hire, eligibility), a leaver\'s settlement (leaving), a recomputation (revision), a leave request, the carried days\' expiry, the year\'s close, the office' })
  cause: string;

  @ApiProperty({ ...DAYS_DOC, description: 'The signed change to the days available, in half days' })
  days: number;

  @ApiDate({ description: 'When it takes effect; for a request\'s entries the first leave day they charge' })
  date: string;

  @ApiProperty({ enum: ['reservation', 'consumption', 'carried', 'unused', null], nullable: true, type: String, description: 'A release: what it gives back; an expiry: carried days or the year\'s unused days' })
  of: string | null;

  @ApiProperty({ enum: ['in', 'out', null], nullable: true, type: String, description: 'A carry-over: into this year or on to the next' })
  direction: string | null;

  @ApiDate({ nullable: true, description: 'Days carried in: when they expire' })
  expiresOn: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000, description: 'The office\'s reason for an adjustment' })
  reason: string | null;

  @ApiUuid({ nullable: true })
  requestId: string | null;

  @ApiProperty({ nullable: true, type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The grant run that wrote it' })
  runId: number | null;

  @ApiUuid({ nullable: true, description: 'Who wrote it (null: the service itself)' })
  createdBy: string | null;

  @ApiDateTime()
  createdAt: string;

  @ApiProperty({
    type: 'array',
    maxItems: 50,
    description: 'How it was worked out, for machines: each step names its kind and, for the statutory entitlement, the article (条例 / 实施办法) or product decision (AL-D1…AL-D7) it applies, with its numbers',
    items: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', maxLength: 40, example: 'prorated' }, article: { type: 'string', maxLength: 20, example: '实施办法 第五条' }, decision: { type: 'string', maxLength: 10, example: 'AL-D4' } },
      additionalProperties: true,
    },
  })
  explanation: object[];

  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 500 }, maxItems: 50, description: 'The explanation as sentences in the reader\'s language', example: ['实施办法 第五条：122 天 × 5 天 ÷ 365 = 1.67，不足一天的部分不计，折算为 1 天'] })
  sentences: string[];
}

export class ExpiringDto {
  @ApiProperty(DAYS_DOC)
  days: number;

  @ApiDate()
  on: string;
}

export class TypeBalanceDto {
  @ApiProperty({ example: 'annual', maxLength: 40 })
  leaveType: string;

  @ApiProperty({ type: AllowanceRuleDto, description: 'The rule the year is kept under' })
  rule: AllowanceRuleDto;

  @ApiProperty({ ...DAYS_DOC, description: 'Granted, with the service\'s own recomputations (an exclusion, a leaver\'s settlement)' })
  entitled: number;

  @ApiProperty({ ...DAYS_DOC, description: 'The office\'s adjustments, net' })
  adjusted: number;

  @ApiProperty({ ...DAYS_DOC, description: 'Carried in from last year' })
  carried: number;

  @ApiProperty({ ...DAYS_DOC, description: 'Carried on to next year' })
  carriedOut: number;

  @ApiProperty({ ...DAYS_DOC, description: 'Taken by approved leave' })
  taken: number;

  @ApiProperty({ ...DAYS_DOC, description: 'Held by pending requests' })
  reserved: number;

  @ApiProperty({ ...DAYS_DOC, description: 'Carried days that expired unused' })
  expired: number;

  @ApiProperty({ ...DAYS_DOC, description: 'Unused days that lapsed at the end of the year: reported as untaken' })
  lapsed: number;

  @ApiProperty({ ...DAYS_DOC, description: 'Left: the sum of the entries' })
  available: number;

  @ApiProperty({ type: ExpiringDto, nullable: true, description: 'Carried days still in `available` that lapse after `on`' })
  expiring: ExpiringDto | null;

  @ApiProperty({ type: [LedgerEntryDto], maxItems: 10000 })
  entries: LedgerEntryDto[];
}

export class LeaveBalancesDto {
  @ApiUuid()
  staffId: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1970, maximum: 2099 })
  year: number;

  @ApiProperty({ type: [TypeBalanceDto], maxItems: 1000, description: 'Every leave type that keeps a balance in the year' })
  types: TypeBalanceDto[];

  @ApiProperty({ type: LieuBalanceDto, description: 'Time off in lieu (调休, issue 22), in hours: its grants valid in the year, each expiring by its earning date, consumed oldest first' })
  lieu: LieuBalanceDto;
}

export class CreateAdjustmentDto {
  @UuidField()
  staffId: string;

  @TextField({ example: 'annual', maxLength: 40, description: 'A leave type that keeps a balance' })
  leaveType: string;

  @DateField({ example: '2026-12-01', description: 'When it takes effect: the year it belongs to; its month must be open' })
  date: string;

  @DaysField(-365, 365, { example: -0.5, description: 'Days to add (negative: to take away), in half days, not 0' })
  days: number;

  @MultiLineTextField({ minLength: 1, maxLength: 1000, example: 'Half day recorded twice in the old sheet' })
  reason: string;
}

export class PutAllowanceRuleDto {
  @DateField({ example: '2027-01-01' })
  effectiveFrom: string;

  @EnumField(ALLOWANCE_KINDS, { description: 'none: no balance kept; per_year: `days` each calendar year; per_occurrence: at most `days` per request; statutory: 带薪年休假; lieu: time off in lieu (调休), grants of rest-day overtime that expire `expiresAfterDays` after they were earned' })
  kind: (typeof ALLOWANCE_KINDS)[number];

  @DaysField(0.5, 365, { description: 'Required for per_year and per_occurrence, left out otherwise; in half days', example: 3, optional: true })
  days?: number | null;

  @BooleanField({ default: false, description: 'Requests may take the balance below zero', optional: 'not-null' })
  allowNegative?: boolean;

  @IntField(1, 3650, { description: 'Required for lieu (调休), left out otherwise: the days a grant may be used after the day it was earned (default rule: 90)', optional: 'or-null', example: 90 })
  expiresAfterDays?: number | null;
}

export class PutCarryOverDto {
  @DateField({ example: '2027-01-01', description: 'The version closes every year whose 31 December is on or after this date (until the next version)' })
  effectiveFrom: string;

  @DaysField(0, 365, { example: 5, description: 'Days that may be carried into the next year, in half days; 0: unused days lapse at the end of the year (the default)' })
  maxDays: number;

  @PatternField(
    { pattern: MONTH_DAY, maxLength: 5, example: '03-31', nullable: true, type: String, description: 'MM-DD in the next year when carried days expire; required when maxDays is more than 0', optional: 'or-null' },
    'expiresOn must be MM-DD',
  )
  expiresOn?: string | null;
}
