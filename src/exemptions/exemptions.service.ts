import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalWorkflow } from '../approvals/approval-workflow';
import { onlyStaff } from '../domain/approval-policy';
import { EXEMPTION_WORKFLOW, ExemptionAction, ExemptionStatus } from '../domain/exemption-workflow';
import type { Step } from '../domain/workflow';
import { DayChanges } from '../policy/day-changes';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { DisciplinaryService } from '../conduct/disciplinary.service';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { MonthLockService } from '../policy/month-lock.service';
import { StaffAccessService } from '../staff/staff-access.service';
import { ATTESTATION_TEMPLATE, CreateExemptionDto, ExemptionDto, ExemptionListQueryDto, RevokeExemptionDto, toExemptionDto } from './dto/exemption.dto';
import { exemptionNotFound, invalidWindow } from './exemptions.errors';
import { ExemptionRow, ExemptionsRepository } from './exemptions.repository';


/** The sentence a supervisor signs by approving (H-ATT-8, H-ATT-12), filled in word for word. */
export function attestationSentence(values: { supervisor: string; supervisorNo: string; employee: string; employeeNo: string; date: string; from: string | null; to: string | null; destination: string }): string {
  const window = values.from === null ? 'the whole day' : `${values.from}–${values.to}`;
  return ATTESTATION_TEMPLATE.replace('{supervisor}', values.supervisor)
    .replace('{supervisorNo}', values.supervisorNo)
    .replace('{employee}', values.employee)
    .replace('{employeeNo}', values.employeeNo)
    .replace('{date}', values.date)
    .replace('{window}', window)
    .replace('{destination}', values.destination);
}

/** Business-trip exemptions (因公外出): requested by the employee, signed by the direct supervisor, filed by the office. */
@Injectable()
export class ExemptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exemptions: ExemptionsRepository,
    private readonly workflow: ApprovalWorkflow,
    private readonly dayChanges: DayChanges,
    private readonly monthLock: MonthLockService,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly disciplinary: DisciplinaryService,
  ) {}

  /** Before or after the day, while its month is open. */
  async create(actor: Actor, input: CreateExemptionDto): Promise<ExemptionDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    if ((input.from === null) !== (input.to === null) || (input.from !== null && input.to !== null && input.from >= input.to)) {
      throw invalidWindow();
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [input.date]);
      const created = await this.exemptions.insert(manager, actor.id, input.date, input.from, input.to, input.destination, input.reason);
      await this.workflow.opened(manager, 'exemption', created, actor, 'pending');
      await this.audit.record(manager, actor, { action: 'exemption.create', entity: 'exemption', entityId: created, after: await this.dto(manager, created) });
      return created;
    });
    return this.dto(this.dataSource.manager, id);
  }

  async get(actor: Actor, id: string): Promise<ExemptionDto> {
    const row = await this.exemptions.find(this.dataSource.manager, id);
    if (!row || !(await this.access.canSee(actor, row.staff_id))) throw exemptionNotFound();
    return this.dto(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: ExemptionListQueryDto): Promise<Page<ExemptionDto>> {
    const { rows, total } = await this.exemptions.list(this.dataSource.manager, this.access.scopeOf(actor), query.staffId, query.status, pageOffset(query), query.pageSize);
    return pageOf(await this.dtos(this.dataSource.manager, rows), total, query);
  }

  /** The direct supervisor's signature (H-ATT-8, H-ATT-12); the day is reclassified at once. */
  approve(actor: Actor, id: string, comment: string | null): Promise<ExemptionDto> {
    return this.transition(actor, id, 'approve', comment, async (manager, row, step) => {
      const sentence = await this.attestation(manager, actor, row);
      await this.exemptions.decide(manager, id, 'approved', actor.id, step.actingAs, sentence, this.clock.now());
    });
  }

  reject(actor: Actor, id: string, comment: string | null): Promise<ExemptionDto> {
    return this.transition(actor, id, 'reject', comment, async (manager, _row, step) => {
      await this.exemptions.decide(manager, id, 'rejected', actor.id, step.actingAs, null, this.clock.now());
    });
  }

  /** H-ORG-4: the office files the signed exemption (交办公室备案). */
  file(actor: Actor, id: string, comment: string | null): Promise<ExemptionDto> {
    return this.transition(actor, id, 'file', comment, async (manager) => {
      await this.exemptions.file(manager, id, actor.id, this.clock.now());
    });
  }

  /**
   * H-ATT-9: admin or finance revokes an exemption; the day falls back to what the punches say.
   * As a false certification it keeps the reason and the supervisor who signed, for the
   * disciplinary records of both people.
   */
  revoke(actor: Actor, id: string, input: RevokeExemptionDto): Promise<ExemptionDto> {
    return this.transition(actor, id, 'revoke', input.reason, async (manager, row) => {
      await this.exemptions.revoke(manager, id, actor.id, input.reason, input.false, this.clock.now());
      if (input.false) {
        // H-ATT-9: in the same transaction, so a failed revocation creates nothing.
        await this.disciplinary.openFalseCertificationPair(manager, actor, { id, staffId: row.staff_id, certifiedBy: row.decided_by!, date: row.date, reason: input.reason });
      }
    });
  }

  /** The sentence the signer certifies, with both people's names and numbers. */
  private async attestation(manager: EntityManager, actor: Actor, row: ExemptionRow): Promise<string> {
    const people = await this.access.namesOf(manager, [actor.id, row.staff_id]);
    const signer = people.find((person) => person.id === actor.id)!;
    const employee = people.find((person) => person.id === row.staff_id)!;
    return attestationSentence({
      supervisor: signer.name, supervisorNo: signer.employeeNo, employee: employee.name, employeeNo: employee.employeeNo,
      date: row.date, from: row.from_time, to: row.to_time, destination: row.destination,
    });
  }

  /**
   * One transition of EXEMPTION_WORKFLOW: lock the row, check its month, let the workflow decide
   * and record the event, apply, announce the day and write the audit row — in one transaction.
   */
  private async transition(
    actor: Actor,
    id: string,
    action: ExemptionAction,
    comment: string | null,
    apply: (manager: EntityManager, row: ExemptionRow, step: Step<ExemptionStatus>) => Promise<void>,
  ): Promise<ExemptionDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.exemptions.find(manager, id, true);
      if (!row || !(await this.access.canSee(actor, row.staff_id))) throw exemptionNotFound();
      await this.monthLock.assertOpen(manager, [row.date]);
      const before = await this.dto(manager, id);
      const requester = await this.access.requesterOf(manager, row.staff_id);
      const step = await this.workflow.run(manager, EXEMPTION_WORKFLOW, { state: row.status, action, actor, requester }, { kind: 'exemption', id, comment });
      await apply(manager, row, step);
      if (step.recompute) await this.dayChanges.changed(manager, { staffIds: [row.staff_id], from: row.date, to: row.date });
      await this.audit.record(manager, actor, { action: `exemption.${step.to}`, entity: 'exemption', entityId: id, before, after: await this.dto(manager, id) });
    });
    return this.dto(this.dataSource.manager, id);
  }

  private async dto(manager: EntityManager, id: string): Promise<ExemptionDto> {
    const row = await this.exemptions.find(manager, id);
    if (!row) throw exemptionNotFound();
    return (await this.dtos(manager, [row]))[0];
  }

  private dtos(manager: EntityManager, rows: ExemptionRow[]): Promise<ExemptionDto[]> {
    return this.workflow.withHistory(manager, 'exemption', rows, toExemptionDto);
  }
}
