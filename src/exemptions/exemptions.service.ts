import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalEventsRepository } from '../approvals/approval-events.repository';
import { decidingCapacity, selfApproval, stateChanged } from '../domain/approval-policy';
import { DayChanges } from '../policy/day-changes';
import { AuditService } from '../audit/audit.service';
import { Actor, hasRole } from '../domain/actor';
import { Clock } from '../policy/clock';
import { DisciplinaryService } from '../conduct/disciplinary.service';
import { DomainError, notFound } from '../domain/errors/domain-error';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { LeaveRepository } from '../leave/leave.repository';
import { MonthLockService } from '../policy/month-lock.service';
import { StaffAccessService } from '../staff/staff-access.service';
import { ATTESTATION_TEMPLATE, CreateExemptionDto, ExemptionDto, ExemptionListQueryDto, RevokeExemptionDto } from './dto/exemption.dto';
import { ExemptionRow, ExemptionsRepository } from './exemptions.repository';

const exemptionNotFound = () => notFound('The exemption', 'EXEMPTION_NOT_FOUND');
const onlyStaff = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only a signed-in staff member can do this');

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
    private readonly leave: LeaveRepository,
    private readonly events: ApprovalEventsRepository,
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
      throw new DomainError('bad_request', 'VALIDATION_FAILED', 'Give both from and to (from before to), or neither for the whole day', [{ field: 'to', message: 'must be after from' }]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [input.date]);
      const created = await this.exemptions.insert(manager, actor.id, input.date, input.from, input.to, input.destination, input.reason);
      await this.events.record(manager, 'exemption', created, { fromStatus: null, toStatus: 'pending', actorId: actor.id, actingAs: 'employee', comment: null });
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
    return this.transition(actor, id, async (manager, row) => {
      const capacity = decidingCapacity(actor, (await this.leave.requester(manager, row.staff_id))!);
      if (row.status !== 'pending') throw stateChanged(row.status, 'approved');
      const people: { id: string; name: string; employee_no: string }[] = await manager.query('SELECT id, name, employee_no FROM staff WHERE id = ANY($1::uuid[])', [[actor.id, row.staff_id]]);
      const signer = people.find((person) => person.id === actor.id)!;
      const employee = people.find((person) => person.id === row.staff_id)!;
      const sentence = attestationSentence({
        supervisor: signer.name, supervisorNo: signer.employee_no, employee: employee.name, employeeNo: employee.employee_no,
        date: row.date, from: row.from_time, to: row.to_time, destination: row.destination,
      });
      await this.exemptions.decide(manager, id, 'approved', actor.id, capacity, sentence, this.clock.now());
      return { to: 'approved', actingAs: capacity, recompute: true, comment };
    });
  }

  reject(actor: Actor, id: string, comment: string | null): Promise<ExemptionDto> {
    return this.transition(actor, id, async (manager, row) => {
      const capacity = decidingCapacity(actor, (await this.leave.requester(manager, row.staff_id))!);
      if (row.status !== 'pending') throw stateChanged(row.status, 'rejected');
      await this.exemptions.decide(manager, id, 'rejected', actor.id, capacity, null, this.clock.now());
      return { to: 'rejected', actingAs: capacity, recompute: false, comment };
    });
  }

  /** H-ORG-4: the office files the signed exemption (交办公室备案). */
  file(actor: Actor, id: string, comment: string | null): Promise<ExemptionDto> {
    return this.transition(actor, id, async (manager, row) => {
      if (!hasRole(actor, 'admin')) throw new DomainError('forbidden', 'ROLE_REQUIRED', 'Only the office (admin) files exemptions (H-ORG-4)');
      if (row.staff_id === actor.id) throw selfApproval();
      if (row.status !== 'approved') throw stateChanged(row.status, 'filed');
      await this.exemptions.file(manager, id, actor.id, this.clock.now());
      return { to: 'filed', actingAs: 'admin', recompute: false, comment };
    });
  }

  /**
   * H-ATT-9: admin or finance revokes an exemption; the day falls back to what the punches say.
   * As a false certification it keeps the reason and the supervisor who signed, for the
   * disciplinary records of both people.
   */
  revoke(actor: Actor, id: string, input: RevokeExemptionDto): Promise<ExemptionDto> {
    return this.transition(actor, id, async (manager, row) => {
      const actingAs = hasRole(actor, 'admin') ? 'admin' : hasRole(actor, 'finance') ? 'finance' : null;
      if (actingAs === null) throw new DomainError('forbidden', 'ROLE_REQUIRED', 'Only an administrator or finance revokes an exemption (H-ATT-9)');
      if (row.status !== 'approved' && row.status !== 'filed') throw stateChanged(row.status, 'revoked');
      await this.exemptions.revoke(manager, id, actor.id, input.reason, input.false, this.clock.now());
      if (input.false) {
        // H-ATT-9: in the same transaction, so a failed revocation creates nothing.
        await this.disciplinary.openFalseCertificationPair(manager, actor, { id, staffId: row.staff_id, certifiedBy: row.decided_by!, date: row.date, reason: input.reason });
      }
      return { to: 'revoked', actingAs, recompute: true, comment: input.reason };
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    apply: (manager: EntityManager, row: ExemptionRow) => Promise<{ to: string; actingAs: 'supervisor' | 'admin' | 'finance'; recompute: boolean; comment: string | null }>,
  ): Promise<ExemptionDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.exemptions.find(manager, id, true);
      if (!row || !(await this.access.canSee(actor, row.staff_id))) throw exemptionNotFound();
      await this.monthLock.assertOpen(manager, [row.date]);
      const before = await this.dto(manager, id);
      const outcome = await apply(manager, row);
      await this.events.record(manager, 'exemption', id, { fromStatus: row.status, toStatus: outcome.to, actorId: actor.id, actingAs: outcome.actingAs, comment: outcome.comment });
      if (outcome.recompute) await this.dayChanges.changed(manager, { staffIds: [row.staff_id], from: row.date, to: row.date });
      await this.audit.record(manager, actor, { action: `exemption.${outcome.to}`, entity: 'exemption', entityId: id, before, after: await this.dto(manager, id) });
    });
    return this.dto(this.dataSource.manager, id);
  }

  private async dto(manager: EntityManager, id: string): Promise<ExemptionDto> {
    const row = await this.exemptions.find(manager, id);
    if (!row) throw exemptionNotFound();
    return (await this.dtos(manager, [row]))[0];
  }

  private async dtos(manager: EntityManager, rows: ExemptionRow[]): Promise<ExemptionDto[]> {
    const history = await this.events.historyOf(manager, 'exemption', rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      staffId: row.staff_id,
      date: row.date,
      from: row.from_time,
      to: row.to_time,
      destination: row.destination,
      reason: row.reason,
      status: row.status,
      approverId: row.approver_id,
      certifiedBy: row.attestation ? row.decided_by : null,
      certifiedAs: row.attestation ? row.decided_as : null,
      certifiedAt: row.attestation ? (row.decided_at?.toISOString() ?? null) : null,
      attestation: row.attestation,
      revokeReason: row.revoke_reason,
      revokedAsFalse: row.revoked_as_false,
      createdAt: row.created_at.toISOString(),
      history: history.get(row.id) ?? [],
    }));
  }
}
