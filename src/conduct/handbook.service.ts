import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { hasRole } from '../domain/actor';
import { Notifier } from '../notifications/notifier';
import { Clock } from '../policy/clock';
import { articleNotFound, draftExists, handbookEmpty, notCurrentVersion, onlyStaffAcknowledge, versionNotFound, versionPublished } from './handbook.errors';
import { ArticleRow, HandbookRepository, VersionRow } from './handbook.repository';
import {
  AcknowledgementDto, AcknowledgementStatusDto, MyAcknowledgementsDto, ArticleChangeDto, ArticleDto, HandbookDiffDto, HandbookVersionDto, HandbookVersionSummaryDto, PutArticleDto,
} from './dto/handbook.dto';

const toArticle = (row: ArticleRow): ArticleDto => ({
  id: row.id, key: row.key, chapter: row.chapter, position: row.position, titleZh: row.title_zh, titleEn: row.title_en, textZh: row.text_zh, textEn: row.text_en,
});
const summary = (row: VersionRow): HandbookVersionSummaryDto => ({ number: row.number, status: row.status, note: row.note, publishedAt: row.published_at?.toISOString() ?? null });
const sameText = (a: ArticleDto, b: ArticleDto) =>
  a.chapter === b.chapter && a.position === b.position && a.titleZh === b.titleZh && a.titleEn === b.titleEn && a.textZh === b.textZh && a.textEn === b.textEn;

/**
 * The handbook (员工守则 and the attendance chapter) as numbered articles in versions: an admin
 * drafts, edits and publishes; a published version is never edited (the database refuses it).
 */
@Injectable()
export class HandbookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handbook: HandbookRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<HandbookVersionDto> {
    return this.withArticles(manager, await this.handbook.latestPublished(manager));
  }

  async versions(actor: Actor): Promise<HandbookVersionSummaryDto[]> {
    const rows = await this.handbook.versions();
    return rows.filter((row) => row.status === 'published' || hasRole(actor, 'admin')).map(summary);
  }

  /** Any version; drafts only for admins (for everyone else they do not exist yet). */
  async version(actor: Actor, number: number, manager: EntityManager = this.dataSource.manager): Promise<HandbookVersionDto> {
    const row = await this.handbook.version(number, manager);
    if (!row || (row.status === 'draft' && !hasRole(actor, 'admin'))) throw versionNotFound();
    return this.withArticles(manager, row);
  }

  /** A new draft starts as a copy of the current version. */
  async createDraft(actor: Actor, note: string | null): Promise<HandbookVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      if (await this.handbook.lockDraft(manager)) throw draftExists();
      const current = await this.current(manager);
      const number = await this.handbook.insertDraft(manager, note, actor.id, current.number);
      await this.audit.record(manager, actor, { action: 'handbook.draft', entity: 'handbook_version', entityId: String(number), after: { copiedFrom: current.number, note } });
      return this.version(actor, number, manager);
    });
  }

  async putArticle(actor: Actor, number: number, key: string, input: PutArticleDto): Promise<ArticleDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertDraft(manager, number);
      const before = await this.handbook.article(manager, number, key);
      const after = toArticle(await this.handbook.upsertArticle(manager, number, key, input));
      await this.audit.record(manager, actor, { action: 'handbook.article_put', entity: 'handbook_article', entityId: `${number}:${key}`, before: before ? toArticle(before) : null, after });
      return after;
    });
  }

  async removeArticle(actor: Actor, number: number, key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.assertDraft(manager, number);
      const article = await this.handbook.article(manager, number, key);
      if (!article) throw articleNotFound();
      await this.handbook.deleteArticle(manager, article.id);
      await this.audit.record(manager, actor, { action: 'handbook.article_delete', entity: 'handbook_article', entityId: `${number}:${key}`, before: toArticle(article) });
    });
  }

  async publish(actor: Actor, number: number): Promise<HandbookVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertDraft(manager, number);
      if ((await this.handbook.articleCount(manager, number)) === 0) throw handbookEmpty();
      await this.handbook.publish(manager, number, this.clock.now(), actor.id);
      await this.audit.record(manager, actor, { action: 'handbook.publish', entity: 'handbook_version', entityId: String(number), after: { status: 'published' } });
      // Everyone acknowledges the new version (H-CON-1 … H-CON-9): everyone hears of it.
      await this.notifier.emit(manager, { kind: 'handbook_published', audience: 'everyone', staffId: null, params: { version: number } });
      return this.version(actor, number, manager);
    });
  }

  /** Article by article: added, removed, changed or unchanged between two versions. */
  async diff(actor: Actor, from: number, to: number): Promise<HandbookDiffDto> {
    const [before, after] = await Promise.all([this.version(actor, from), this.version(actor, to)]);
    const keys = [...new Set([...before.articles, ...after.articles].map((article) => article.key))];
    const old = new Map(before.articles.map((article) => [article.key, article]));
    const neu = new Map(after.articles.map((article) => [article.key, article]));
    const position = (key: string) => (neu.get(key) ?? old.get(key))!.position;
    const articles: ArticleChangeDto[] = keys
      .sort((a, b) => position(a) - position(b) || a.localeCompare(b))
      .map((key) => {
        const a = old.get(key) ?? null;
        const b = neu.get(key) ?? null;
        const change = a === null ? 'added' : b === null ? 'removed' : sameText(a, b) ? 'unchanged' : 'changed';
        return { key, change, before: a, after: b };
      });
    return { from, to, articles };
  }

  /** Each employee acknowledges the current version; acknowledging it again changes nothing. */
  async acknowledge(actor: Actor, version: number): Promise<AcknowledgementDto> {
    if (actor.kind !== 'staff') throw onlyStaffAcknowledge();
    return this.dataSource.transaction(async (manager) => {
      const current = await this.current(manager);
      if (version !== current.number) throw notCurrentVersion(current.number);
      const { acknowledgedAt, inserted } = await this.handbook.acknowledge(manager, actor.id, version, this.clock.now());
      if (inserted) await this.audit.record(manager, actor, { action: 'handbook.acknowledge', entity: 'handbook_version', entityId: String(version), after: { staffId: actor.id } });
      return { staffId: actor.id, version, acknowledgedAt: acknowledgedAt.toISOString() };
    });
  }

  /** The versions the caller has acknowledged, newest first (a device key has none). */
  async acknowledgementsOf(actor: Actor): Promise<MyAcknowledgementsDto> {
    if (actor.kind !== 'staff') return { items: [] };
    const rows = await this.handbook.acknowledgementsOf(actor.id);
    return { items: rows.map((row) => ({ staffId: actor.id, version: row.version, acknowledgedAt: row.acknowledged_at.toISOString() })) };
  }

  /** Who has acknowledged a version, and which active staff have not yet. */
  async acknowledgements(version?: number): Promise<AcknowledgementStatusDto> {
    const number = version ?? (await this.current()).number;
    const rows = await this.handbook.acknowledgementsByStaff(number);
    return {
      version: number,
      acknowledged: rows.filter((row) => row.acknowledged_at).map((row) => ({ staffId: row.staff_id, version: number, acknowledgedAt: row.acknowledged_at!.toISOString() })),
      notYet: rows.filter((row) => !row.acknowledged_at).map((row) => row.staff_id),
    };
  }

  private async assertDraft(manager: EntityManager, number: number): Promise<void> {
    const row = await this.handbook.version(number, manager, true);
    if (!row) throw versionNotFound();
    if (row.status !== 'draft') throw versionPublished();
  }

  private async withArticles(manager: EntityManager, row: VersionRow): Promise<HandbookVersionDto> {
    const articles = await this.handbook.articles(manager, row.number);
    return { ...summary(row), articles: articles.map(toArticle) };
  }
}
