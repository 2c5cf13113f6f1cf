import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { EnumField, IntField, MultiLineTextField, TextField } from '../../common/fields';
import { MultiLineText } from '../../common/text';

const CHAPTERS = ['general', 'appearance', 'conduct', 'attendance'] as const;

export class ArticleDto {
  @ApiUuid({ description: 'Cite this id in a disciplinary record' })
  id: string;

  @ApiProperty({ example: 'H-CON-8', maxLength: 32 })
  key: string;

  @ApiProperty({ enum: CHAPTERS })
  chapter: string;

  @ApiInt(0, 1_000_000)
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

export class HandbookVersionSummaryDto {
  @ApiInt(1, 1_000_000)
  number: number;

  @ApiProperty({ enum: ['draft', 'published'] })
  status: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  note: string | null;

  @ApiDateTime({ nullable: true })
  publishedAt: string | null;
}

export class HandbookVersionDto extends HandbookVersionSummaryDto {
  @ApiProperty({ type: [ArticleDto], maxItems: 1000 })
  articles: ArticleDto[];
}

export class HandbookVersionListDto {
  @ApiProperty({ type: [HandbookVersionSummaryDto], maxItems: 10000 })
  items: HandbookVersionSummaryDto[];
}

export class CreateDraftDto {
  // Not a MultiLineTextField: an empty note is refused, but the document has never said so (minLength) and stays as it is.
  @ApiPropertyOptional({ maxLength: 1000, example: 'Adds the rule on live-stream sales' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @MultiLineText()
  note?: string;
}

export class PutArticleDto {
  @EnumField(CHAPTERS)
  chapter: (typeof CHAPTERS)[number];

  @IntField(0, 1_000_000, { description: 'Order in the handbook; defaults to after the last article', optional: 'or-null', fromText: true })
  position?: number;

  @TextField({ minLength: 1, maxLength: 200 })
  titleZh: string;

  @TextField({ minLength: 1, maxLength: 200 })
  titleEn: string;

  @MultiLineTextField({ minLength: 1, maxLength: 5000 })
  textZh: string;

  @MultiLineTextField({ minLength: 1, maxLength: 5000 })
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
  @ApiInt(1, 1_000_000)
  from: number;

  @ApiInt(1, 1_000_000)
  to: number;

  @ApiProperty({ type: [ArticleChangeDto], maxItems: 2000 })
  articles: ArticleChangeDto[];
}

export class DiffQueryDto {
  @IntField(1, 1_000_000, { fromText: true })
  from: number;

  @IntField(1, 1_000_000, { fromText: true })
  to: number;
}

export class AcknowledgeDto {
  @IntField(1, 1_000_000, { description: 'The current version number (GET /handbook)' })
  version: number;
}

export class AcknowledgementDto {
  @ApiUuid()
  staffId: string;

  @ApiInt(1, 1_000_000)
  version: number;

  @ApiDateTime()
  acknowledgedAt: string;
}

export class MyAcknowledgementsDto {
  @ApiProperty({ type: [AcknowledgementDto], maxItems: 1000, description: 'The versions I have acknowledged, newest version first: the first is the one "what changed since" starts from' })
  items: AcknowledgementDto[];
}

export class AcknowledgementStatusDto {
  @ApiInt(1, 1_000_000)
  version: number;

  @ApiProperty({ type: [AcknowledgementDto], maxItems: 100000 })
  acknowledged: AcknowledgementDto[];

  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid', maxLength: 36 }, maxItems: 100000, description: 'Active staff who have not acknowledged it yet' })
  notYet: string[];
}

export class AcknowledgementQueryDto {
  @IntField(1, 1_000_000, { description: 'Default: the current version', optional: 'or-null', fromText: true })
  version?: number;
}
