import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiIdParam, ApiSignedIn } from '../common/api-docs';
import { validationFailed } from '../domain/errors/domain-error';
import { EmptyBodyPipe, uuidParam } from '../common/params';
import { DisciplinaryService } from './disciplinary.service';
import { CreateDisciplinaryRecordDto, DisciplinaryPageDto, DisciplinaryQueryDto, DisciplinaryRecordDto, ResolutionDto, StatementDto } from './dto/disciplinary.dto';
import {
  AcknowledgeDto, AcknowledgementDto, AcknowledgementQueryDto, AcknowledgementStatusDto, MyAcknowledgementsDto, ArticleDto, CreateDraftDto, DiffQueryDto, HandbookDiffDto,
  HandbookVersionDto, HandbookVersionListDto, PutArticleDto,
} from './dto/handbook.dto';
import { HandbookService } from './handbook.service';

/** Handbook version numbers as documented: whole numbers 1 … 1,000,000 (larger ones would overflow the int column). */
const versionParam = {
  transform(value: unknown): number {
    // The global ValidationPipe has already turned the text into a number (NaN when it was none).
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= 1_000_000) return n;
    throw validationFailed([{ field: 'n', message: 'n must be a version number from 1 to 1000000' }]);
  },
};
const keyParam = {
  transform(value: unknown): string {
    if (typeof value === 'string' && /^[A-Z][A-Z0-9-]{1,30}$/.test(value)) return value;
    throw validationFailed([{ field: 'key', message: 'key must look like H-CON-8' }]);
  },
};
const ApiVersionParam = () => ApiParam({ name: 'n', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 1000000 } });
const ApiKeyParam = () => ApiParam({ name: 'key', schema: { type: 'string', pattern: '^[A-Z][A-Z0-9-]{1,30}$', maxLength: 31 }, example: 'H-CON-8' });

@ApiTags('handbook')
@ApiSignedIn()
@Controller('handbook')
export class HandbookController {
  constructor(private readonly handbook: HandbookService) {}

  @Get()
  @ApiOperation({ summary: 'The current handbook: numbered articles by chapter, in Chinese with an English rendering (H-CON-1 … H-CON-9, H-ATT-1 … H-ATT-12)' })
  @ApiOkResponse({ type: HandbookVersionDto })
  current(): Promise<HandbookVersionDto> {
    return this.handbook.current();
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every published version (and the draft, for admins)' })
  @ApiOkResponse({ type: HandbookVersionListDto })
  async versions(@CurrentActor() actor: Actor): Promise<HandbookVersionListDto> {
    return { items: await this.handbook.versions(actor) };
  }

  @Get('versions/:n')
  @ApiVersionParam()
  @ApiOperation({ summary: 'One version with its articles; a published version never changes' })
  @ApiOkResponse({ type: HandbookVersionDto })
  @ApiErrors(400, 404)
  version(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number): Promise<HandbookVersionDto> {
    return this.handbook.version(actor, n);
  }

  @Get('diff')
  @ApiOperation({ summary: 'What changed between two versions, article by article' })
  @ApiOkResponse({ type: HandbookDiffDto })
  @ApiErrors(400, 404)
  diff(@CurrentActor() actor: Actor, @Query() query: DiffQueryDto): Promise<HandbookDiffDto> {
    return this.handbook.diff(actor, query.from, query.to);
  }

  @Post('versions')
  @Roles('admin')
  @ApiOperation({ summary: 'Draft a new version, starting from the current one (admin)' })
  @ApiCreatedResponse({ type: HandbookVersionDto })
  @ApiErrors(400, 403, 409)
  draft(@CurrentActor() actor: Actor, @Body() body: CreateDraftDto): Promise<HandbookVersionDto> {
    return this.handbook.createDraft(actor, body.note ?? null);
  }

  @Put('versions/:n/articles/:key')
  @Roles('admin')
  @ApiVersionParam()
  @ApiKeyParam()
  @ApiOperation({ summary: 'Add or change an article of the draft (admin); 409 on a published version' })
  @ApiOkResponse({ type: ArticleDto })
  @ApiErrors(400, 403, 404, 409)
  putArticle(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number, @Param('key', keyParam) key: string, @Body() body: PutArticleDto): Promise<ArticleDto> {
    return this.handbook.putArticle(actor, n, key, body);
  }

  @Delete('versions/:n/articles/:key')
  @HttpCode(204)
  @Roles('admin')
  @ApiVersionParam()
  @ApiKeyParam()
  @ApiOperation({ summary: 'Remove an article from the draft (admin)' })
  @ApiNoContentResponse({ description: 'Removed from the draft' })
  @ApiErrors(400, 403, 404, 409)
  async removeArticle(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number, @Param('key', keyParam) key: string): Promise<void> {
    await this.handbook.removeArticle(actor, n, key);
  }

  @Post('versions/:n/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiVersionParam()
  @ApiOperation({ summary: 'Publish the draft (admin): it becomes the current handbook and is never edited again' })
  @ApiOkResponse({ type: HandbookVersionDto })
  @ApiErrors(400, 403, 404, 409, 422)
  publish(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number, @Body(EmptyBodyPipe) _body: Record<string, never>): Promise<HandbookVersionDto> {
    return this.handbook.publish(actor, n);
  }

  @Post('acknowledgements')
  @ApiOperation({ summary: 'Acknowledge the current handbook version (every employee)' })
  @ApiCreatedResponse({ type: AcknowledgementDto })
  @ApiErrors(400, 422)
  acknowledge(@CurrentActor() actor: Actor, @Body() body: AcknowledgeDto): Promise<AcknowledgementDto> {
    return this.handbook.acknowledge(actor, body.version);
  }

  @Get('acknowledgements/mine')
  @ApiOperation({ summary: 'The handbook versions I have acknowledged, newest first (every employee)' })
  @ApiOkResponse({ type: MyAcknowledgementsDto })
  mine(@CurrentActor() actor: Actor): Promise<MyAcknowledgementsDto> {
    return this.handbook.acknowledgementsOf(actor);
  }

  @Get('acknowledgements')
  @Roles('admin')
  @ApiOperation({ summary: 'Who has acknowledged a version, and who has not yet (admin)' })
  @ApiOkResponse({ type: AcknowledgementStatusDto })
  @ApiErrors(400, 403)
  acknowledgements(@Query() query: AcknowledgementQueryDto): Promise<AcknowledgementStatusDto> {
    return this.handbook.acknowledgements(query.version);
  }
}

@ApiTags('disciplinary')
@ApiSignedIn()
@Controller('disciplinary-records')
export class DisciplinaryController {
  constructor(private readonly records: DisciplinaryService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Issue a disciplinary record (admin) — H-CON-8: warning or fine by severity', description: 'Cites articles of the handbook version in force on occurredOn. A fine needs a positive amount in fen, a warning none.' })
  @ApiCreatedResponse({ type: DisciplinaryRecordDto })
  @ApiErrors(400, 403, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateDisciplinaryRecordDto): Promise<DisciplinaryRecordDto> {
    return this.records.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Records you may see: your own, your reports\', everyone\'s for admin and finance' })
  @ApiOkResponse({ type: DisciplinaryPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: DisciplinaryQueryDto): Promise<DisciplinaryPageDto> {
    return this.records.list(actor, query);
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOperation({ summary: 'One record' })
  @ApiOkResponse({ type: DisciplinaryRecordDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<DisciplinaryRecordDto> {
    return this.records.get(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'The employee acknowledges their record' })
  @ApiOkResponse({ type: DisciplinaryRecordDto })
  @ApiErrors(400, 403, 404, 409)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body(EmptyBodyPipe) _body: Record<string, never>): Promise<DisciplinaryRecordDto> {
    return this.records.acknowledge(actor, id);
  }

  @Post(':id/appeal')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'The employee appeals with a statement' })
  @ApiOkResponse({ type: DisciplinaryRecordDto })
  @ApiErrors(400, 403, 404, 409)
  appeal(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: StatementDto): Promise<DisciplinaryRecordDto> {
    return this.records.appeal(actor, id, body.statement);
  }

  @Post(':id/uphold')
  @HttpCode(200)
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({ summary: 'Uphold an appealed record, with a reason (admin)' })
  @ApiOkResponse({ type: DisciplinaryRecordDto })
  @ApiErrors(400, 403, 404, 409)
  uphold(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: ResolutionDto): Promise<DisciplinaryRecordDto> {
    return this.records.uphold(actor, id, body.reason);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({ summary: 'Withdraw a record, with a reason (admin); nothing is deleted' })
  @ApiOkResponse({ type: DisciplinaryRecordDto })
  @ApiErrors(400, 403, 404, 409)
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: ResolutionDto): Promise<DisciplinaryRecordDto> {
    return this.records.withdraw(actor, id, body.reason);
  }
}
