import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { MultiLineText } from '../../common/text';
import { PageDto, PageQueryDto } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';
import { ArticleDto } from './handbook.dto';

const SEVERITIES = ['minor', 'major', 'severe'] as const;
const ACTIONS = ['warning', 'fine'] as const;
const STATUSES = ['issued', 'acknowledged', 'appealed', 'upheld', 'withdrawn'] as const;

export class CreateDisciplinaryRecordDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  staffId: string;

  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid', maxLength: 36 }, minItems: 1, maxItems: 20, description: 'Articles of the handbook version in force on occurredOn' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  articleIds: string[];

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsCalendarDate()
  occurredOn: string;

  @ApiProperty({ minLength: 1, maxLength: 5000, example: 'Could not be reached for four hours during the Double 11 peak; two orders shipped late.' })
  @IsString()
  @Length(1, 5000)
  @MultiLineText()
  facts: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity: (typeof SEVERITIES)[number];

  @ApiProperty({ enum: ACTIONS, description: 'H-CON-8: warning or fine according to severity' })
  @IsIn(ACTIONS)
  action: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 100000000, type: 'integer', format: 'int32', description: 'Required (positive, in fen) for a fine; none for a warning' })
  @ValidateIf((record: CreateDisciplinaryRecordDto) => record.action === 'fine' || (record.amountFen !== undefined && record.amountFen !== null))
  @IsInt({ message: 'amountFen must be a whole number of fen: a fine needs a positive amount, a warning none' })
  @Min(1)
  @Max(100_000_000)
  amountFen?: number | null;
}

export class StatementDto {
  @ApiProperty({ minLength: 3, maxLength: 5000, description: "The employee's statement" })
  @IsString()
  @Length(3, 5000)
  @MultiLineText()
  statement: string;
}

export class ResolutionDto {
  @ApiProperty({ minLength: 3, maxLength: 1000 })
  @IsString()
  @Length(3, 1000)
  @MultiLineText()
  reason: string;
}

export class DisciplinaryRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  staffId: string;

  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32', description: 'The handbook version in force on occurredOn' })
  handbookVersion: number;

  @ApiProperty({ type: [ArticleDto], maxItems: 20 })
  articles: ArticleDto[];

  @ApiProperty({ format: 'date' })
  occurredOn: string;

  @ApiProperty({ maxLength: 5000 })
  facts: string;

  @ApiProperty({ enum: SEVERITIES })
  severity: string;

  @ApiProperty({ enum: ACTIONS })
  action: string;

  @ApiProperty({ nullable: true, minimum: 1, maximum: 100000000, type: 'integer', format: 'int32' })
  amountFen: number | null;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiProperty({ format: 'uuid' })
  issuedBy: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 5000 })
  statement: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  resolutionReason: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'H-ATT-9: the record of the other person sharing the liability' })
  linkedRecordId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The exemption revoked as a false certification' })
  exemptionId: string | null;
}

export class DisciplinaryPageDto extends PageDto(DisciplinaryRecordDto, 'DisciplinaryPageDto') {}

export class DisciplinaryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;
}
