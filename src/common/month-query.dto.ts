import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MONTH_PATTERN } from './validators';

export class MonthQueryDto {
  @ApiProperty({ example: '2026-11', pattern: MONTH_PATTERN.source, maxLength: 7 })
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month: string;
}
