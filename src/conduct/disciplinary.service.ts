import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalWorkflow } from '../approvals/approval-workflow';
import { DISCIPLINARY_WORKFLOW, DisciplinaryAction, DisciplinaryStatus } from '../domain/disciplinary-workflow';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { MonthLockService } from '../policy/month-lock.service';
import { StaffAccessService } from '../staff/staff-access.service';
import { visibleTo } from '../staff/visibility-sql';
import { articleNotInForce, noHandbookInForce, recordNotFound, unknownStaff, warningWithAmount } from './disciplinary.errors';
import { CreateDisciplinaryRecordDto, DisciplinaryQueryDto, DisciplinaryRecordDto } from './dto/disciplinary.dto';
import type { ArticleDto } from './dto/handbook.dto';

interface RecordRow {
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

interface NewRecord {
  staffId: string;
  version: number;
  articleIds: string[];
  occurredOn: string;
  facts: string;
  severity: string;
  action: string;
  amountFen: number | null;
  exemptionId: string | null;
}

/**
 * Disciplinary records (奖惩记录, H-CON-8): issued by an admin citing the articles in force on the
 * day, then acknowledged or appealed by the employee, and an appeal upheld or withdrawn by an admin.
 * Nothing is deleted. Fines count in the month they occurred in, so its lock applies.
 */
@Injectable()
export class DisciplinaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StaffAccessService,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly workflow: ApprovalWorkflow,
  ) {}

  async create(actor: Actor, input: CreateDisciplinaryRecordDto): Promise<DisciplinaryRecordDto> {
    if (input.action === 'warning' && input.amountFen !== undefined && input.amountFen !== null) {
      throw warningWithAmount();
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const staff: unknown[] = await manager.query('SELECT 1 FROM staff WHERE id = $1', [input.staffId]);
      if (staff.length === 0) throw unknownStaff();
      const version = await this.versionInForce(manager, input.occurredOn);
      const created = await this.insert(manager, actor, { ...input, version, amountFen: input.amountFen ?? null, exemptionId: null });
      await this.audit.record(manager, actor, { action: 'disciplinary.issue', entity: 'disciplinary_record', entityId: created, after: await this.dto(manager, created) });
      return created;
    });
    return this.dto(this.dataSource.manager, id);
  }

  /**
   * H-ATT-9: a false certification makes the employee and the supervisor who signed share the
   * liability — two records, linked to each other and to the exemption, in the caller's transaction.
   */
  async openFalseCertificationPair(manager: EntityManager, actor: Actor, exemption: { id: string; staffId: string; certifiedBy: string; date: string; reason: string }): Promise<[string, string]> {
    const version = await this.versionInForce(manager, exemption.date);
    const articles: { id: string }[] = await manager.query(`SELECT id FROM handbook_article WHERE version = $1 AND key IN ('H-ATT-8', 'H-ATT-9') ORDER BY key`, [version]);
    const base = { version, articleIds: articles.map((article) => article.id), occurredOn: exemption.date, severity: 'major', action: 'warning', amountFen: null, exemptionId: exemption.id };
    const employeeRecord = await this.insert(manager, actor, { ...base, staffId: exemption.staffId, facts: `Business trip on ${exemption.date} revoked as a false certification (H-ATT-8): ${exemption.reason}` });
    const supervisorRecord = await this.insert(manager, actor, {
      ...base,
      staffId: exemption.certifiedBy,
      facts: `Certified a business trip on ${exemption.date} that was revoked as false; shares the liability (H-ATT-9): ${exemption.reason}`,
    });
    await manager.query('UPDATE disciplinary_record SET linked_record_id = $2 WHERE id = $1', [employeeRecord, supervisorRecord]);
    await manager.query('UPDATE disciplinary_record SET linked_record_id = $2 WHERE id = $1', [supervisorRecord, employeeRecord]);
    for (const id of [employeeRecord, supervisorRecord]) {
      await this.audit.record(manager, actor, { action: 'disciplinary.issue', entity: 'disciplinary_record', entityId: id, after: await this.dto(manager, id) });
    }
    return [employeeRecord, supervisorRecord];
  }

  async get(actor: Actor, id: string): Promise<DisciplinaryRecordDto> {
    const rows: RecordRow[] = await this.dataSource.query('SELECT * FROM disciplinary_record WHERE id = $1', [id]);
    if (!rows[0] || !(await this.access.canSee(actor, rows[0].staff_id))) throw recordNotFound();
    return this.dto(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: DisciplinaryQueryDto): Promise<Page<DisciplinaryRecordDto>> {
    const condition = `WHERE ${visibleTo('r.staff_id', '$1')}
      AND ($2::uuid IS NULL OR r.staff_id = $2) AND ($3::text IS NULL OR r.status = $3)`;
    const params = [this.access.scopeOf(actor), query.staffId ?? null, query.status ?? null];
    const count: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM disciplinary_record r ${condition}`, params);
    const rows: { id: string }[] = await this.dataSource.query(`SELECT r.id FROM disciplinary_record r ${condition} ORDER BY r.occurred_on DESC, r.issued_at DESC OFFSET ${pageOffset(query)} LIMIT ${query.pageSize}`, params);
    const items = await Promise.all(rows.map((row) => this.dto(this.dataSource.manager, row.id)));
    return pageOf(items, count[0].n, query);
  }

  acknowledge(actor: Actor, id: string): Promise<DisciplinaryRecordDto> {
    return this.transition(actor, id, 'acknowledge', {});
  }

  appeal(actor: Actor, id: string, statement: string): Promise<DisciplinaryRecordDto> {
    return this.transition(actor, id, 'appeal', { statement });
  }

  uphold(actor: Actor, id: string, reason: string): Promise<DisciplinaryRecordDto> {
    return this.transition(actor, id, 'uphold', { resolutionReason: reason });
  }

  withdraw(actor: Actor, id: string, reason: string): Promise<DisciplinaryRecordDto> {
    return this.transition(actor, id, 'withdraw', { resolutionReason: reason });
  }

  /** One transition of DISCIPLINARY_WORKFLOW; the audit rows are the record's history. */
  private async transition(actor: Actor, id: string, action: DisciplinaryAction, changes: { statement?: string; resolutionReason?: string }): Promise<DisciplinaryRecordDto> {
    await this.dataSource.transaction(async (manager) => {
      const rows: RecordRow[] = await manager.query('SELECT * FROM disciplinary_record WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0] || !(await this.access.canSee(actor, rows[0].staff_id))) throw recordNotFound();
      const requester = await this.access.requesterOf(manager, rows[0].staff_id);
      const step = await this.workflow.run(manager, DISCIPLINARY_WORKFLOW, { state: rows[0].status, action, actor, requester }, null);
      // A fine's fate changes the month's report.
      if (rows[0].action === 'fine') await this.monthLock.assertOpen(manager, [rows[0].occurred_on]);
      const before = await this.dto(manager, id);
      await manager.query(
        `UPDATE disciplinary_record SET status = $2, statement = coalesce($3, statement), resolution_reason = coalesce($4, resolution_reason) WHERE id = $1`,
        [id, step.to, changes.statement ?? null, changes.resolutionReason ?? null],
      );
      await this.audit.record(manager, actor, { action: `disciplinary.${step.to}`, entity: 'disciplinary_record', entityId: id, before, after: await this.dto(manager, id) });
    });
    return this.dto(this.dataSource.manager, id);
  }

  /** The latest version published on or before the date (in company time). */
  private async versionInForce(manager: EntityManager, date: string): Promise<number> {
    const zone: { time_zone: string }[] = await manager.query('SELECT time_zone FROM company');
    const endOfDay = DateTime.fromISO(date, { zone: zone[0].time_zone }).plus({ days: 1 }).toJSDate();
    const rows: { number: number }[] = await manager.query(`SELECT max(number) AS number FROM handbook_version WHERE status = 'published' AND published_at < $1`, [endOfDay]);
    if (rows[0].number === null) throw noHandbookInForce(date);
    return rows[0].number;
  }

  private async insert(manager: EntityManager, actor: Actor, record: NewRecord): Promise<string> {
    const found: { id: string }[] = await manager.query('SELECT id FROM handbook_article WHERE version = $1 AND id = ANY($2::uuid[])', [record.version, record.articleIds]);
    if (found.length !== record.articleIds.length) {
      throw articleNotInForce(record.version, record.occurredOn);
    }
    if (record.action === 'fine') await this.monthLock.assertOpen(manager, [record.occurredOn]);
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO disciplinary_record (staff_id, handbook_version, occurred_on, facts, severity, action, amount_fen, status, issued_by, issued_at, exemption_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'issued', $8, $9, $10) RETURNING id`,
      [record.staffId, record.version, record.occurredOn, record.facts, record.severity, record.action, record.amountFen, actor.id, this.clock.now(), record.exemptionId],
    );
    await manager.query('INSERT INTO disciplinary_record_article (record_id, article_id) SELECT $1, unnest($2::uuid[])', [rows[0].id, record.articleIds]);
    return rows[0].id;
  }

  private async dto(manager: EntityManager, id: string): Promise<DisciplinaryRecordDto> {
    const rows: RecordRow[] = await manager.query('SELECT * FROM disciplinary_record WHERE id = $1', [id]);
    const row = rows[0];
    const articles: { id: string; key: string; chapter: string; position: number; title_zh: string; title_en: string; text_zh: string; text_en: string }[] = await manager.query(
      `SELECT a.* FROM disciplinary_record_article ra JOIN handbook_article a ON a.id = ra.article_id WHERE ra.record_id = $1 ORDER BY a.position`,
      [id],
    );
    const cited: ArticleDto[] = articles.map((a) => ({ id: a.id, key: a.key, chapter: a.chapter, position: a.position, titleZh: a.title_zh, titleEn: a.title_en, textZh: a.text_zh, textEn: a.text_en }));
    return {
      id: row.id,
      staffId: row.staff_id,
      handbookVersion: row.handbook_version,
      articles: cited,
      occurredOn: row.occurred_on,
      facts: row.facts,
      severity: row.severity,
      action: row.action,
      amountFen: row.amount_fen,
      status: row.status,
      issuedBy: row.issued_by,
      issuedAt: row.issued_at.toISOString(),
      statement: row.statement,
      resolutionReason: row.resolution_reason,
      linkedRecordId: row.linked_record_id,
      exemptionId: row.exemption_id,
    };
  }
}
