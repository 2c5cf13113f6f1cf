import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SingleLineText, MultiLineText } from '../../common/text';
import { Type } from 'class-transformer';

const CHAPTERS = ['general', 'appearance', 'conduct', 'attendance'] as const;

export class ArticleDto {
  @ApiProperty({ format: 'uuid', description: 'Cite this id in a disciplinary record' })
  id: string;

  @ApiProperty({ example: 'H-CON-8', maxLength: 32 })
  key: string;

  @ApiProperty({ enum: CHAPTERS })
  chapter: string;

  @ApiProperty({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32' })
  position: number;

  @ApiProperty({ maxLength: 200 })
  titleZh: string;

  @ApiProperty({ maxLength: 200 })
  titleEn: string;

  @ApiProperty({ maxLength: 5000 })
  textZh: string;

  @ApiProperty({ maxLength: 5000 })
  textEn: string;
}

export class HandbookVersionDto {
  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  number: number;

  @ApiProperty({ enum: ['draft', 'published'] })
  status: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  note: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;

  @ApiProperty({ type: [ArticleDto], maxItems: 1000 })
  articles: ArticleDto[];
}

export class HandbookVersionSummaryDto {
  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  number: number;

  @ApiProperty({ enum: ['draft', 'published'] })
  status: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  note: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;
}

export class HandbookVersionListDto {
  @ApiProperty({ type: [HandbookVersionSummaryDto], maxItems: 10000 })
  items: HandbookVersionSummaryDto[];
}

export class CreateDraftDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Adds the rule on live-stream sales' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  note?: string;
}

export class PutArticleDto {
  @ApiProperty({ enum: CHAPTERS })
  @IsIn(CHAPTERS)
  chapter: (typeof CHAPTERS)[number];

  @ApiPropertyOptional({ minimum: 0, maximum: 1000000, type: 'integer', format: 'int32', description: 'Order in the handbook; defaults to after the last article' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  titleZh: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @SingleLineText()
  titleEn: string;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  @MultiLineText()
  textZh: string;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  @MultiLineText()
  textEn: string;
}

export class ArticleChangeDto {
  @ApiProperty({ maxLength: 32 })
  key: string;

  @ApiProperty({ enum: ['added', 'removed', 'changed', 'unchanged'] })
  change: string;

  @ApiProperty({ type: ArticleDto, nullable: true })
  before: ArticleDto | null;

  @ApiProperty({ type: ArticleDto, nullable: true })
  after: ArticleDto | null;
}

export class HandbookDiffDto {
  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  from: number;

  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  to: number;

  @ApiProperty({ type: [ArticleChangeDto], maxItems: 2000 })
  articles: ArticleChangeDto[];
}

export class DiffQueryDto {
  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  from: number;

  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  to: number;
}

export class AcknowledgeDto {
  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32', description: 'The current version number (GET /handbook)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version: number;
}

export class AcknowledgementDto {
  @ApiProperty({ format: 'uuid' })
  staffId: string;

  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  acknowledgedAt: string;
}

export class MyAcknowledgementsDto {
  @ApiProperty({ type: [AcknowledgementDto], maxItems: 1000, description: 'The versions I have acknowledged, newest version first: the first is the one "what changed since" starts from' })
  items: AcknowledgementDto[];
}

export class AcknowledgementStatusDto {
  @ApiProperty({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32' })
  version: number;

  @ApiProperty({ type: [AcknowledgementDto], maxItems: 100000 })
  acknowledged: AcknowledgementDto[];

  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid', maxLength: 36 }, maxItems: 100000, description: 'Active staff who have not acknowledged it yet' })
  notYet: string[];
}

export class AcknowledgementQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000000, type: 'integer', format: 'int32', description: 'Default: the current version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
