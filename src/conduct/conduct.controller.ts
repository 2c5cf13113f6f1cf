import { Body, Param, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { validationFailed } from '../domain/errors/domain-error';
import { EmptyBodyPipe, IdParam } from '../common/params';
import { ActionRoute, CreateRoute, DecisionRoute, DeleteRoute, PutRoute, ReadRoute, SignedInController } from '../common/routes';
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

@SignedInController('handbook')
export class HandbookController {
  constructor(private readonly handbook: HandbookService) {}

  @ReadRoute(undefined, HandbookVersionDto, { summary: 'The current handbook: numbered articles by chapter, in Chinese with an English rendering (H-CON-1 … H-CON-9, H-ATT-1 … H-ATT-12)' })
  current(): Promise<HandbookVersionDto> {
    return this.handbook.current();
  }

  @ReadRoute('versions', HandbookVersionListDto, { summary: 'Every published version (and the draft, for admins)' })
  async versions(@CurrentActor() actor: Actor): Promise<HandbookVersionListDto> {
    return { items: await this.handbook.versions(actor) };
  }

  @ReadRoute('versions/:n', HandbookVersionDto, { summary: 'One version with its articles; a published version never changes', errors: [400, 404] })
  @ApiVersionParam()
  version(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number): Promise<HandbookVersionDto> {
    return this.handbook.version(actor, n);
  }

  @ReadRoute('diff', HandbookDiffDto, { summary: 'What changed between two versions, article by article', errors: [400, 404] })
  diff(@CurrentActor() actor: Actor, @Query() query: DiffQueryDto): Promise<HandbookDiffDto> {
    return this.handbook.diff(actor, query.from, query.to);
  }

  @CreateRoute('versions', HandbookVersionDto, { summary: 'Draft a new version, starting from the current one (admin)', errors: [400, 403, 409] })
  @Roles('admin')
  draft(@CurrentActor() actor: Actor, @Body() body: CreateDraftDto): Promise<HandbookVersionDto> {
    return this.handbook.createDraft(actor, body.note ?? null);
  }

  @PutRoute('versions/:n/articles/:key', ArticleDto, { summary: 'Add or change an article of the draft (admin); 409 on a published version', errors: [400, 403, 404, 409] })
  @Roles('admin')
  @ApiVersionParam()
  @ApiKeyParam()
  putArticle(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number, @Param('key', keyParam) key: string, @Body() body: PutArticleDto): Promise<ArticleDto> {
    return this.handbook.putArticle(actor, n, key, body);
  }

  @DeleteRoute('versions/:n/articles/:key', 'Removed from the draft', { summary: 'Remove an article from the draft (admin)', errors: [400, 403, 404, 409] })
  @Roles('admin')
  @ApiVersionParam()
  @ApiKeyParam()
  async removeArticle(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number, @Param('key', keyParam) key: string): Promise<void> {
    await this.handbook.removeArticle(actor, n, key);
  }

  @ActionRoute('versions/:n/publish', HandbookVersionDto, { summary: 'Publish the draft (admin): it becomes the current handbook and is never edited again', errors: [400, 403, 404, 409, 422] })
  @Roles('admin')
  @ApiVersionParam()
  publish(@CurrentActor() actor: Actor, @Param('n', versionParam) n: number, @Body(EmptyBodyPipe) _body: Record<string, never>): Promise<HandbookVersionDto> {
    return this.handbook.publish(actor, n);
  }

  @CreateRoute('acknowledgements', AcknowledgementDto, { summary: 'Acknowledge the current handbook version (every employee)', errors: [400, 422] })
  acknowledge(@CurrentActor() actor: Actor, @Body() body: AcknowledgeDto): Promise<AcknowledgementDto> {
    return this.handbook.acknowledge(actor, body.version);
  }

  @ReadRoute('acknowledgements/mine', MyAcknowledgementsDto, { summary: 'The handbook versions I have acknowledged, newest first (every employee)' })
  mine(@CurrentActor() actor: Actor): Promise<MyAcknowledgementsDto> {
    return this.handbook.acknowledgementsOf(actor);
  }

  @ReadRoute('acknowledgements', AcknowledgementStatusDto, { summary: 'Who has acknowledged a version, and who has not yet (admin)', errors: [400, 403] })
  @Roles('admin')
  acknowledgements(@Query() query: AcknowledgementQueryDto): Promise<AcknowledgementStatusDto> {
    return this.handbook.acknowledgements(query.version);
  }
}

@SignedInController('disciplinary', 'disciplinary-records')
export class DisciplinaryController {
  constructor(private readonly records: DisciplinaryService) {}

  @CreateRoute(undefined, DisciplinaryRecordDto, {
    summary: 'Issue a disciplinary record (admin) — H-CON-8: warning or fine by severity',
    description: 'Cites articles of the handbook version in force on occurredOn. A fine needs a positive amount in fen, a warning none.',
    errors: [400, 403, 409, 422],
  })
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateDisciplinaryRecordDto): Promise<DisciplinaryRecordDto> {
    return this.records.create(actor, body);
  }

  @ReadRoute(undefined, DisciplinaryPageDto, { summary: 'Records you may see: your own, your reports\', everyone\'s for admin and finance', errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: DisciplinaryQueryDto): Promise<DisciplinaryPageDto> {
    return this.records.list(actor, query);
  }

  @ReadRoute(':id', DisciplinaryRecordDto, { summary: 'One record', errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<DisciplinaryRecordDto> {
    return this.records.get(actor, id);
  }

  @DecisionRoute(':id/acknowledge', DisciplinaryRecordDto, { summary: 'The employee acknowledges their record' })
  acknowledge(@CurrentActor() actor: Actor, @IdParam() id: string, @Body(EmptyBodyPipe) _body: Record<string, never>): Promise<DisciplinaryRecordDto> {
    return this.records.acknowledge(actor, id);
  }

  @DecisionRoute(':id/appeal', DisciplinaryRecordDto, { summary: 'The employee appeals with a statement' })
  appeal(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: StatementDto): Promise<DisciplinaryRecordDto> {
    return this.records.appeal(actor, id, body.statement);
  }

  @DecisionRoute(':id/uphold', DisciplinaryRecordDto, { summary: 'Uphold an appealed record, with a reason (admin)' })
  @Roles('admin')
  uphold(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ResolutionDto): Promise<DisciplinaryRecordDto> {
    return this.records.uphold(actor, id, body.reason);
  }

  @DecisionRoute(':id/withdraw', DisciplinaryRecordDto, { summary: 'Withdraw a record, with a reason (admin); nothing is deleted' })
  @Roles('admin')
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ResolutionDto): Promise<DisciplinaryRecordDto> {
    return this.records.withdraw(actor, id, body.reason);
  }
}
