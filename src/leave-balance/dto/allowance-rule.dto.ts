import { ApiProperty } from '@nestjs/swagger';
import { ApiDate } from '../../common/api-properties';
import { ALLOWANCE_KINDS } from '../../domain/leave-balance/allowance';

export class AllowanceRuleDto {
  @ApiDate({ description: 'In force from this date' })
  effectiveFrom: string;

  @ApiProperty({ enum: ALLOWANCE_KINDS })
  kind: string;

  @ApiProperty({ nullable: true, type: Number, minimum: 0.5, maximum: 365, description: 'Days a year (per_year) or per request (per_occurrence)' })
  days: number | null;

  @ApiProperty({ description: 'Requests may take the balance below zero' })
  allowNegative: boolean;

  @ApiProperty({ nullable: true, type: 'integer', format: 'int32', minimum: 1, maximum: 3650, description: 'A lieu rule (调休): the days a grant may be used after the day it was earned; null for the other kinds', example: 90 })
  expiresAfterDays: number | null;
}
