import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { hasRole } from '../domain/actor';
import { Clock } from '../policy/clock';
import { DomainError, notFound } from '../domain/errors/domain-error';
import {
  AcknowledgementDto, AcknowledgementStatusDto, MyAcknowledgementsDto, ArticleChangeDto, ArticleDto, HandbookDiffDto, HandbookVersionDto, HandbookVersionSummaryDto, PutArticleDto,
} from './dto/handbook.dto';

interface VersionRow {
  number: number;
  status: 'draft' | 'published';
  note: string | null;
  published_at: Date | null;
}

interface ArticleRow {
  id: string;
  version: number;
  key: string;
  chapter: string;
  position: number;
  title_zh: string;
  title_en: string;
  text_zh: string;
  text_en: string;
}

const versionNotFound = () => notFound('The handbook version', 'HANDBOOK_VERSION_NOT_FOUND');
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
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<HandbookVersionDto> {
    const rows: VersionRow[] = await manager.query(`SELECT * FROM handbook_version WHERE status = 'published' ORDER BY number DESC LIMIT 1`);
    return this.withArticles(manager, rows[0]);
  }

  async versions(actor: Actor): Promise<HandbookVersionSummaryDto[]> {
    const rows: VersionRow[] = await this.dataSource.query('SELECT * FROM handbook_version ORDER BY number');
    return rows.filter((row) => row.status === 'published' || hasRole(actor, 'admin')).map(summary);
  }

  /** Any version; drafts only for admins (for everyone else they do not exist yet). */
  async version(actor: Actor, number: number, manager: EntityManager = this.dataSource.manager): Promise<HandbookVersionDto> {
    const rows: VersionRow[] = await manager.query('SELECT * FROM handbook_version WHERE number = $1', [number]);
    if (!rows[0] || (rows[0].status === 'draft' && !hasRole(actor, 'admin'))) throw versionNotFound();
    return this.withArticles(manager, rows[0]);
  }

  /** A new draft starts as a copy of the current version. */
  async createDraft(actor: Actor, note: string | null): Promise<HandbookVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const drafts: unknown[] = await manager.query(`SELECT 1 FROM handbook_version WHERE status = 'draft' FOR UPDATE`);
      if (drafts.length > 0) throw new DomainError('conflict', 'HANDBOOK_DRAFT_EXISTS', 'There is a draft already: edit or publish it');
      const next: { n: number }[] = await manager.query('SELECT coalesce(max(number), 0) + 1 AS n FROM handbook_version');
      const current = await this.current(manager);
      await manager.query(`INSERT INTO handbook_version (number, status, note, created_by) VALUES ($1, 'draft', $2, $3)`, [next[0].n, note, actor.id]);
      await manager.query(
        `INSERT INTO handbook_article (version, key, chapter, position, title_zh, title_en, text_zh, text_en)
         SELECT $1, key, chapter, position, title_zh, title_en, text_zh, text_en FROM handbook_article WHERE version = $2`,
        [next[0].n, current.number],
      );
      await this.audit.record(manager, actor, { action: 'handbook.draft', entity: 'handbook_version', entityId: String(next[0].n), after: { copiedFrom: current.number, note } });
      return this.version(actor, next[0].n, manager);
    });
  }

  async putArticle(actor: Actor, number: number, key: string, input: PutArticleDto): Promise<ArticleDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertDraft(manager, number);
      const before: ArticleRow[] = await manager.query('SELECT * FROM handbook_article WHERE version = $1 AND key = $2', [number, key]);
      const rows: ArticleRow[] = await manager.query(
        `INSERT INTO handbook_article (version, key, chapter, position, title_zh, title_en, text_zh, text_en)
         VALUES ($1, $2, $3, coalesce($4, (SELECT coalesce(max(position), 0) + 10 FROM handbook_article WHERE version = $1)), $5, $6, $7, $8)
         ON CONFLICT (version, key) DO UPDATE SET chapter = EXCLUDED.chapter, position = coalesce($4, handbook_article.position),
           title_zh = EXCLUDED.title_zh, title_en = EXCLUDED.title_en, text_zh = EXCLUDED.text_zh, text_en = EXCLUDED.text_en
         RETURNING *`,
        [number, key, input.chapter, input.position ?? null, input.titleZh, input.titleEn, input.textZh, input.textEn],
      );
      const after = toArticle(rows[0]);
      await this.audit.record(manager, actor, { action: 'handbook.article_put', entity: 'handbook_article', entityId: `${number}:${key}`, before: before[0] ? toArticle(before[0]) : null, after });
      return after;
    });
  }

  async removeArticle(actor: Actor, number: number, key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.assertDraft(manager, number);
      const rows: ArticleRow[] = await manager.query('SELECT * FROM handbook_article WHERE version = $1 AND key = $2', [number, key]);
      if (rows.length === 0) throw notFound('The article', 'ARTICLE_NOT_FOUND');
      await manager.query('DELETE FROM handbook_article WHERE id = $1', [rows[0].id]);
      await this.audit.record(manager, actor, { action: 'handbook.article_delete', entity: 'handbook_article', entityId: `${number}:${key}`, before: toArticle(rows[0]) });
    });
  }

  async publish(actor: Actor, number: number): Promise<HandbookVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertDraft(manager, number);
      const count: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM handbook_article WHERE version = $1', [number]);
      if (count[0].n === 0) throw new DomainError('unprocessable', 'HANDBOOK_EMPTY', 'A version without articles cannot be published');
      await manager.query(`UPDATE handbook_version SET status = 'published', published_at = $2, published_by = $3 WHERE number = $1`, [number, this.clock.now(), actor.id]);
      await this.audit.record(manager, actor, { action: 'handbook.publish', entity: 'handbook_version', entityId: String(number), after: { status: 'published' } });
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
    if (actor.kind !== 'staff') throw new DomainError('forbidden', 'ROLE_REQUIRED', 'Only a staff member acknowledges the handbook');
    return this.dataSource.transaction(async (manager) => {
      const current = await this.current(manager);
      if (version !== current.number) {
        throw new DomainError('unprocessable', 'NOT_CURRENT_VERSION', `Version ${current.number} is the current handbook`, [{ field: 'version', message: `must be ${current.number}` }], { number: current.number });
      }
      const inserted: { acknowledged_at: Date }[] = await manager.query(
        `INSERT INTO handbook_acknowledgement (staff_id, version, acknowledged_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING acknowledged_at`,
        [actor.id, version, this.clock.now()],
      );
      const rows: { acknowledged_at: Date }[] = await manager.query('SELECT acknowledged_at FROM handbook_acknowledgement WHERE staff_id = $1 AND version = $2', [actor.id, version]);
      if (inserted.length > 0) await this.audit.record(manager, actor, { action: 'handbook.acknowledge', entity: 'handbook_version', entityId: String(version), after: { staffId: actor.id } });
      return { staffId: actor.id, version, acknowledgedAt: rows[0].acknowledged_at.toISOString() };
    });
  }

  /** The versions the caller has acknowledged, newest first (a device key has none). */
  async acknowledgementsOf(actor: Actor): Promise<MyAcknowledgementsDto> {
    if (actor.kind !== 'staff') return { items: [] };
    const rows: { version: number; acknowledged_at: Date }[] = await this.dataSource.query(
      'SELECT version, acknowledged_at FROM handbook_acknowledgement WHERE staff_id = $1 ORDER BY version DESC',
      [actor.id],
    );
    return { items: rows.map((row) => ({ staffId: actor.id, version: row.version, acknowledgedAt: row.acknowledged_at.toISOString() })) };
  }

  /** Who has acknowledged a version, and which active staff have not yet. */
  async acknowledgements(version?: number): Promise<AcknowledgementStatusDto> {
    const number = version ?? (await this.current()).number;
    const rows: { staff_id: string; acknowledged_at: Date | null }[] = await this.dataSource.query(
      `SELECT s.id AS staff_id, a.acknowledged_at FROM staff s LEFT JOIN handbook_acknowledgement a ON a.staff_id = s.id AND a.version = $1
        WHERE s.active OR a.acknowledged_at IS NOT NULL ORDER BY s.employee_no`,
      [number],
    );
    return {
      version: number,
      acknowledged: rows.filter((row) => row.acknowledged_at).map((row) => ({ staffId: row.staff_id, version: number, acknowledgedAt: row.acknowledged_at!.toISOString() })),
      notYet: rows.filter((row) => !row.acknowledged_at).map((row) => row.staff_id),
    };
  }

  private async assertDraft(manager: EntityManager, number: number): Promise<void> {
    const rows: VersionRow[] = await manager.query('SELECT * FROM handbook_version WHERE number = $1 FOR UPDATE', [number]);
    if (!rows[0]) throw versionNotFound();
    if (rows[0].status !== 'draft') throw new DomainError('conflict', 'HANDBOOK_VERSION_PUBLISHED', 'A published version is never edited: draft a new one');
  }

  private async withArticles(manager: EntityManager, row: VersionRow): Promise<HandbookVersionDto> {
    const articles: ArticleRow[] = await manager.query('SELECT * FROM handbook_article WHERE version = $1 ORDER BY position, key', [row.number]);
    return { ...summary(row), articles: articles.map(toArticle) };
  }
}
