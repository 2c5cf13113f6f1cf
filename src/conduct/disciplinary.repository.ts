import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DisciplinaryStatus } from '../domain/disciplinary-workflow';
import { visibleTo } from '../staff/visibility-sql';
import type { ArticleRow } from './handbook.repository';

export interface RecordRow {
  id: string;
  staff_id: string;
  handbook_version: number;
  occurred_on: string;
  facts: string;
  severity: string;
  action: string;
  amount_fen: number | null;
  status: DisciplinaryStatus;
  issued_by: string;
  issued_at: Date;
  statement: string | null;
  resolution_reason: string | null;
  linked_record_id: string | null;
  exemption_id: string | null;
}

export interface NewRecordRow {
  staffId: string;
  version: number;
  occurredOn: string;
  facts: string;
  severity: string;
  action: string;
  amountFen: number | null;
  issuedBy: string;
  issuedAt: Date;
  exemptionId: string | null;
}

export interface RecordFilter {
  /** Null: everyone. Otherwise the viewer and those below them. */
  scopeViewerId: string | null;
  staffId: string | null;
  status: string | null;
  offset: number;
  limit: number;
}

/**
 * The owner of the disciplinary records and the articles each cites (disciplinary_record,
 * disciplinary_record_article). Nothing is deleted: a record only changes status.
 */
@Injectable()
export class DisciplinaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `forUpdate`: a transition locks the record so that two decisions cannot both apply. */
  async find(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<RecordRow | null> {
    const rows: RecordRow[] = await manager.query(`SELECT * FROM disciplinary_record WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** The ids of a page of the records a viewer may see, newest facts first, and how many there are. */
  async page(filter: RecordFilter): Promise<{ ids: string[]; total: number }> {
    const condition = `WHERE ${visibleTo('r.staff_id', '$1')}
      AND ($2::uuid IS NULL OR r.staff_id = $2) AND ($3::text IS NULL OR r.status = $3)`;
    const params = [filter.scopeViewerId, filter.staffId, filter.status];
    const count: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM disciplinary_record r ${condition}`, params);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM disciplinary_record r ${condition} ORDER BY r.occurred_on DESC, r.issued_at DESC OFFSET ${filter.offset} LIMIT ${filter.limit}`,
      params,
    );
    return { ids: rows.map((row) => row.id), total: count[0].n };
  }

  /** A new record, issued, citing `articleIds` (checked by the caller to belong to its version). */
  async insert(manager: EntityManager, record: NewRecordRow, articleIds: string[]): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO disciplinary_record (staff_id, handbook_version, occurred_on, facts, severity, action, amount_fen, status, issued_by, issued_at, exemption_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'issued', $8, $9, $10) RETURNING id`,
      [record.staffId, record.version, record.occurredOn, record.facts, record.severity, record.action, record.amountFen, record.issuedBy, record.issuedAt, record.exemptionId],
    );
    await manager.query('INSERT INTO disciplinary_record_article (record_id, article_id) SELECT $1, unnest($2::uuid[])', [rows[0].id, articleIds]);
    return rows[0].id;
  }

  /** H-ATT-9: the employee's and the supervisor's records of one false certification point at each other. */
  async link(manager: EntityManager, first: string, second: string): Promise<void> {
    await manager.query('UPDATE disciplinary_record SET linked_record_id = $2 WHERE id = $1', [first, second]);
    await manager.query('UPDATE disciplinary_record SET linked_record_id = $2 WHERE id = $1', [second, first]);
  }

  /** A transition's new status; a statement or resolution left null keeps the one recorded. */
  async setStatus(manager: EntityManager, id: string, status: DisciplinaryStatus, statement: string | null, resolutionReason: string | null): Promise<void> {
    await manager.query(
      `UPDATE disciplinary_record SET status = $2, statement = coalesce($3, statement), resolution_reason = coalesce($4, resolution_reason) WHERE id = $1`,
      [id, status, statement, resolutionReason],
    );
  }

  /**
   * The handbook articles a record cites, in handbook order. Joins the handbook's articles, which
   * this folder also owns: a record cites the article rows of the version in force, never copies.
   */
  citedArticles(manager: EntityManager, id: string): Promise<ArticleRow[]> {
    return manager.query(
      `SELECT a.* FROM disciplinary_record_article ra JOIN handbook_article a ON a.id = ra.article_id WHERE ra.record_id = $1 ORDER BY a.position`,
      [id],
    );
  }
}
