import { Injectable } from '@nestjs/common';
import { Notifier } from '../notifications/notifier';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalWorkflow } from '../approvals/approval-workflow';
import { DISCIPLINARY_WORKFLOW, DisciplinaryAction } from '../domain/disciplinary-workflow';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { CompanyClock } from '../policy/company-clock';
import { MonthLockService } from '../policy/month-lock.service';
import { StaffAccessService } from '../staff/staff-access.service';
import { DisciplinaryRepository } from './disciplinary.repository';
import { articleNotInForce, noHandbookInForce, recordNotFound, unknownStaff, warningWithAmount } from './disciplinary.errors';
import { CreateDisciplinaryRecordDto, DisciplinaryQueryDto, DisciplinaryRecordDto } from './dto/disciplinary.dto';
import type { ArticleDto } from './dto/handbook.dto';
import { HandbookRepository } from './handbook.repository';

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
    private readonly records: DisciplinaryRepository,
    private readonly handbook: HandbookRepository,
    private readonly access: StaffAccessService,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly companyClock: CompanyClock,
    private readonly workflow: ApprovalWorkflow,
    private readonly notifier: Notifier,
  ) {}

  async create(actor: Actor, input: CreateDisciplinaryRecordDto): Promise<DisciplinaryRecordDto> {
    if (input.action === 'warning' && input.amountFen !== undefined && input.amountFen !== null) {
      throw warningWithAmount();
    }
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.access.exists(manager, input.staffId))) throw unknownStaff();
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
    const articleIds = await this.handbook.articleIdsByKey(manager, version, ['H-ATT-8', 'H-ATT-9']);
    const base = { version, articleIds, occurredOn: exemption.date, severity: 'major', action: 'warning', amountFen: null, exemptionId: exemption.id };
    const employeeRecord = await this.insert(manager, actor, { ...base, staffId: exemption.staffId, facts: `Business trip on ${exemption.date} revoked as a false certification (H-ATT-8): ${exemption.reason}` });
    const supervisorRecord = await this.insert(manager, actor, {
      ...base,
      staffId: exemption.certifiedBy,
      facts: `Certified a business trip on ${exemption.date} that was revoked as false; shares the liability (H-ATT-9): ${exemption.reason}`,
    });
    await this.records.link(manager, employeeRecord, supervisorRecord);
    for (const id of [employeeRecord, supervisorRecord]) {
      await this.audit.record(manager, actor, { action: 'disciplinary.issue', entity: 'disciplinary_record', entityId: id, after: await this.dto(manager, id) });
    }
    return [employeeRecord, supervisorRecord];
  }

  async get(actor: Actor, id: string): Promise<DisciplinaryRecordDto> {
    const row = await this.records.find(id);
    if (!row || !(await this.access.canSee(actor, row.staff_id))) throw recordNotFound();
    return this.dto(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: DisciplinaryQueryDto): Promise<Page<DisciplinaryRecordDto>> {
    const { ids, total } = await this.records.page({
      scopeViewerId: this.access.scopeOf(actor), staffId: query.staffId ?? null, status: query.status ?? null, offset: pageOffset(query), limit: query.pageSize,
    });
    const items = await Promise.all(ids.map((id) => this.dto(this.dataSource.manager, id)));
    return pageOf(items, total, query);
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
      const row = await this.records.find(id, manager, true);
      if (!row || !(await this.access.canSee(actor, row.staff_id))) throw recordNotFound();
      const requester = await this.access.requesterOf(manager, row.staff_id);
      const step = await this.workflow.run(manager, DISCIPLINARY_WORKFLOW, { state: row.status, action, actor, requester }, null);
      // A fine's fate changes the month's report.
      if (row.action === 'fine') await this.monthLock.assertOpen(manager, [row.occurred_on]);
      const before = await this.dto(manager, id);
      await this.records.setStatus(manager, id, step.to, changes.statement ?? null, changes.resolutionReason ?? null);
      await this.audit.record(manager, actor, { action: `disciplinary.${step.to}`, entity: 'disciplinary_record', entityId: id, before, after: await this.dto(manager, id) });
    });
    return this.dto(this.dataSource.manager, id);
  }

  /** The latest version published on or before the date (in company time). */
  private async versionInForce(manager: EntityManager, date: string): Promise<number> {
    const endOfDay = DateTime.fromISO(date, { zone: await this.companyClock.zone(manager) }).plus({ days: 1 }).toJSDate();
    const version = await this.handbook.publishedBefore(manager, endOfDay);
    if (version === null) throw noHandbookInForce(date);
    return version;
  }

  private async insert(manager: EntityManager, actor: Actor, record: NewRecord): Promise<string> {
    if ((await this.handbook.countArticlesAmong(manager, record.version, record.articleIds)) !== record.articleIds.length) {
      throw articleNotInForce(record.version, record.occurredOn);
    }
    if (record.action === 'fine') await this.monthLock.assertOpen(manager, [record.occurredOn]);
    const { articleIds, ...row } = record;
    const id = await this.records.insert(manager, { ...row, issuedBy: actor.id, issuedAt: this.clock.now() }, articleIds);
    // Issued by hand or opened by a false certification (H-ATT-9): the person it concerns hears of it.
    await this.notifier.emit(manager, {
      kind: 'disciplinary_issued',
      audience: 'person',
      staffId: record.staffId,
      params: { recordId: id, action: record.action, amountFen: record.amountFen, occurredOn: record.occurredOn },
    });
    return id;
  }

  private async dto(manager: EntityManager, id: string): Promise<DisciplinaryRecordDto> {
    const row = (await this.records.find(id, manager))!;
    const articles = await this.records.citedArticles(manager, id);
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
