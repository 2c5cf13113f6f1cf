import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PutArticleDto } from './dto/handbook.dto';

export interface VersionRow {
  number: number;
  status: 'draft' | 'published';
  note: string | null;
  published_at: Date | null;
}

export interface ArticleRow {
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

/**
 * The owner of the handbook tables: versions, their articles and the acknowledgements. A published
 * version's rows are never changed (database triggers refuse it); only the draft is edited.
 */
@Injectable()
export class HandbookRepository {
  constructor(private readonly dataSource: DataSource) {}

  async latestPublished(manager: EntityManager = this.dataSource.manager): Promise<VersionRow> {
    const rows: VersionRow[] = await manager.query(`SELECT * FROM handbook_version WHERE status = 'published' ORDER BY number DESC LIMIT 1`);
    return rows[0];
  }

  versions(): Promise<VersionRow[]> {
    return this.dataSource.query('SELECT * FROM handbook_version ORDER BY number');
  }

  async version(number: number, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<VersionRow | null> {
    const rows: VersionRow[] = await manager.query(`SELECT * FROM handbook_version WHERE number = $1${forUpdate ? ' FOR UPDATE' : ''}`, [number]);
    return rows[0] ?? null;
  }

  articles(manager: EntityManager, number: number): Promise<ArticleRow[]> {
    return manager.query('SELECT * FROM handbook_article WHERE version = $1 ORDER BY position, key', [number]);
  }

  async article(manager: EntityManager, number: number, key: string): Promise<ArticleRow | null> {
    const rows: ArticleRow[] = await manager.query('SELECT * FROM handbook_article WHERE version = $1 AND key = $2', [number, key]);
    return rows[0] ?? null;
  }

  /** The latest version published before `instant` (a disciplinary record cites the one in force on its day), or null. */
  async publishedBefore(manager: EntityManager, instant: Date): Promise<number | null> {
    const rows: { number: number | null }[] = await manager.query(`SELECT max(number) AS number FROM handbook_version WHERE status = 'published' AND published_at < $1`, [instant]);
    return rows[0].number;
  }

  /** The ids of a version's articles with these keys, ordered by key (those that exist). */
  async articleIdsByKey(manager: EntityManager, number: number, keys: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM handbook_article WHERE version = $1 AND key = ANY($2::text[]) ORDER BY key', [number, keys]);
    return rows.map((row) => row.id);
  }

  /** How many of `ids` are articles of the version: a citation must name articles of the version in force. */
  async countArticlesAmong(manager: EntityManager, number: number, ids: string[]): Promise<number> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM handbook_article WHERE version = $1 AND id = ANY($2::uuid[])', [number, ids]);
    return rows.length;
  }

  /** Locks the draft, if there is one, so that two admins cannot both start one. */
  async lockDraft(manager: EntityManager): Promise<boolean> {
    return ((await manager.query(`SELECT 1 FROM handbook_version WHERE status = 'draft' FOR UPDATE`)) as unknown[]).length > 0;
  }

  /** A new draft numbered after the last version, its articles copied from `copyFrom`. */
  async insertDraft(manager: EntityManager, note: string | null, createdBy: string, copyFrom: number): Promise<number> {
    const next: { n: number }[] = await manager.query('SELECT coalesce(max(number), 0) + 1 AS n FROM handbook_version');
    await manager.query(`INSERT INTO handbook_version (number, status, note, created_by) VALUES ($1, 'draft', $2, $3)`, [next[0].n, note, createdBy]);
    await manager.query(
      `INSERT INTO handbook_article (version, key, chapter, position, title_zh, title_en, text_zh, text_en)
       SELECT $1, key, chapter, position, title_zh, title_en, text_zh, text_en FROM handbook_article WHERE version = $2`,
      [next[0].n, copyFrom],
    );
    return next[0].n;
  }

  /** Adds or changes an article of a draft; without a position, a new one goes last. */
  async upsertArticle(manager: EntityManager, number: number, key: string, input: PutArticleDto): Promise<ArticleRow> {
    const rows: ArticleRow[] = await manager.query(
      `INSERT INTO handbook_article (version, key, chapter, position, title_zh, title_en, text_zh, text_en)
       VALUES ($1, $2, $3, coalesce($4, (SELECT coalesce(max(position), 0) + 10 FROM handbook_article WHERE version = $1)), $5, $6, $7, $8)
       ON CONFLICT (version, key) DO UPDATE SET chapter = EXCLUDED.chapter, position = coalesce($4, handbook_article.position),
         title_zh = EXCLUDED.title_zh, title_en = EXCLUDED.title_en, text_zh = EXCLUDED.text_zh, text_en = EXCLUDED.text_en
       RETURNING *`,
      [number, key, input.chapter, input.position ?? null, input.titleZh, input.titleEn, input.textZh, input.textEn],
    );
    return rows[0];
  }

  async deleteArticle(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM handbook_article WHERE id = $1', [id]);
  }

  async articleCount(manager: EntityManager, number: number): Promise<number> {
    const rows: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM handbook_article WHERE version = $1', [number]);
    return rows[0].n;
  }

  async publish(manager: EntityManager, number: number, at: Date, by: string): Promise<void> {
    await manager.query(`UPDATE handbook_version SET status = 'published', published_at = $2, published_by = $3 WHERE number = $1`, [number, at, by]);
  }

  /** Records the acknowledgement once; returns when it was first made and whether this call made it. */
  async acknowledge(manager: EntityManager, staffId: string, version: number, at: Date): Promise<{ acknowledgedAt: Date; inserted: boolean }> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO handbook_acknowledgement (staff_id, version, acknowledged_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING acknowledged_at`,
      [staffId, version, at],
    );
    const rows: { acknowledged_at: Date }[] = await manager.query('SELECT acknowledged_at FROM handbook_acknowledgement WHERE staff_id = $1 AND version = $2', [staffId, version]);
    return { acknowledgedAt: rows[0].acknowledged_at, inserted: inserted.length > 0 };
  }

  /** The versions one person acknowledged, newest first. */
  acknowledgementsOf(staffId: string): Promise<{ version: number; acknowledged_at: Date }[]> {
    return this.dataSource.query('SELECT version, acknowledged_at FROM handbook_acknowledgement WHERE staff_id = $1 ORDER BY version DESC', [staffId]);
  }

  /**
   * Everyone active, and anyone who acknowledged, with their acknowledgement of a version (or null).
   * Reads staff by a join: the list is about the acknowledgements, staff only names whose they are.
   */
  acknowledgementsByStaff(number: number): Promise<{ staff_id: string; acknowledged_at: Date | null }[]> {
    return this.dataSource.query(
      `SELECT s.id AS staff_id, a.acknowledged_at FROM staff s LEFT JOIN handbook_acknowledgement a ON a.staff_id = s.id AND a.version = $1
        WHERE s.active OR a.acknowledged_at IS NOT NULL ORDER BY s.employee_no`,
      [number],
    );
  }
}
