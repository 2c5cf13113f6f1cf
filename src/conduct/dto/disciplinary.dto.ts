import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { ApiDate, ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { DateField, EnumField, MultiLineTextField, UuidField, UuidListField } from '../../common/fields';
import { PageDto, PersonStateQueryDto } from '../../common/pagination';
import { ArticleDto } from './handbook.dto';

const SEVERITIES = ['minor', 'major', 'severe'] as const;
const ACTIONS = ['warning', 'fine'] as const;
const STATUSES = ['issued', 'acknowledged', 'appealed', 'upheld', 'withdrawn'] as const;

export class CreateDisciplinaryRecordDto {
  @UuidField()
  staffId: string;

  @UuidListField({ type: 'array', items: { type: 'string', format: 'uuid', maxLength: 36 }, minItems: 1, maxItems: 20, description: 'Articles of the handbook version in force on occurredOn' })
  articleIds: string[];

  @DateField({ example: '2026-11-20' })
  occurredOn: string;

  @MultiLineTextField({ minLength: 1, maxLength: 5000, example: 'Could not be reached for four hours during the Double 11 peak; two orders shipped late.' })
  facts: string;

  @EnumField(SEVERITIES)
  severity: (typeof SEVERITIES)[number];

  @EnumField(ACTIONS, { description: 'H-CON-8: warning or fine according to severity' })
  action: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 100000000, type: 'integer', format: 'int32', description: 'Required (positive, in fen) for a fine; none for a warning' })
  @ValidateIf((record: CreateDisciplinaryRecordDto) => record.action === 'fine' || (record.amountFen !== undefined && record.amountFen !== null))
  @IsInt({ message: 'amountFen must be a whole number of fen: a fine needs a positive amount, a warning none' })
  @Min(1)
  @Max(100_000_000)
  amountFen?: number | null;
}

export class StatementDto {
  @MultiLineTextField({ minLength: 3, maxLength: 5000, description: "The employee's statement" })
  statement: string;
}

export class ResolutionDto {
  @MultiLineTextField({ minLength: 3, maxLength: 1000 })
  reason: string;
}

export class DisciplinaryRecordDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  staffId: string;

  @ApiInt(1, 1_000_000, { description: 'The handbook version in force on occurredOn' })
  handbookVersion: number;

  @ApiProperty({ type: [ArticleDto], maxItems: 20 })
  articles: ArticleDto[];

  @ApiDate()
  occurredOn: string;

  @ApiProperty({ maxLength: 5000 })
  facts: string;

  @ApiProperty({ enum: SEVERITIES })
  severity: string;

  @ApiProperty({ enum: ACTIONS })
  action: string;

  @ApiInt(1, 100_000_000, { nullable: true })
  amountFen: number | null;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiUuid()
  issuedBy: string;

  @ApiDateTime()
  issuedAt: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 5000 })
  statement: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  resolutionReason: string | null;

  @ApiUuid({ nullable: true, description: 'H-ATT-9: the record of the other person sharing the liability' })
  linkedRecordId: string | null;

  @ApiUuid({ nullable: true, description: 'The exemption revoked as a false certification' })
  exemptionId: string | null;
}

export class DisciplinaryPageDto extends PageDto(DisciplinaryRecordDto, 'DisciplinaryPageDto') {}

// A class and its instances' type under one name, as a class declaration gives: @Query() reads the class from the type.
export const DisciplinaryQueryDto = PersonStateQueryDto(STATUSES);
export type DisciplinaryQueryDto = InstanceType<typeof DisciplinaryQueryDto>;
