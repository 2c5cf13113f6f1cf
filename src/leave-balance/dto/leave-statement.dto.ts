import { ApiProperty } from '@nestjs/swagger';
import { ApiDate } from '../../common/api-properties';
import { IntField } from '../../common/fields';
import { ReportPersonDto } from '../../common/report-person.dto';

const DAYS = { type: Number, minimum: -1000, maximum: 1000 };

export class YearStatementQueryDto {
  @IntField(1970, 2099, { description: 'Calendar year', fromText: true })
  year: number;
}

/** One person's line: who (as in the monthly report), then the year's days. */
export class StatementRowDto extends ReportPersonDto {
  @ApiDate({ nullable: true, description: 'Left the company in the year: the untaken days are those settled on this date (实施办法 第十二条)' })
  leftOn: string | null;

  @ApiProperty({ ...DAYS, description: 'Granted, with recomputations and adjustments' })
  entitled: number;

  @ApiProperty(DAYS)
  taken: number;

  @ApiProperty({ ...DAYS, description: 'Carried on to next year (not untaken)' })
  carriedOut: number;

  @ApiProperty({ ...DAYS, description: 'Untaken statutory days: lapsed at the close, or left today while the year is open' })
  untakenDays: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 300, maximum: 300, description: 'Of the daily wage, for each untaken day (条例 第五条, 实施办法 第十条)' })
  payPercent: number;
}

export class YearStatementDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1970, maximum: 2099 })
  year: number;

  @ApiProperty({ type: [StatementRowDto], maxItems: 100000, description: 'Everyone with a statutory annual-leave balance in the year, by employee number' })
  items: StatementRowDto[];
}
