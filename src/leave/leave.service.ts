import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalWorkflow } from '../approvals/approval-workflow';
import { CompanyClock } from '../policy/company-clock';
import { DayChanges } from '../policy/day-changes';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { LEAVE_WORKFLOW, LeaveAction, LeaveStatus } from '../domain/leave-workflow';
import { addDays, datesBetween } from '../domain/calendar/calendar-day';
import { Clock } from '../policy/clock';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { MonthLockService } from '../policy/month-lock.service';
import { scheduleOn } from '../domain/policy';
import { PolicyRepository } from '../policy/policy.repository';
import { StaffAccessService } from '../staff/staff-access.service';
import { CreateLeaveRequestDto, LeaveListQueryDto, LeaveRequestDto, toLeaveRequestDto } from './dto/leave.dto';
import { emergencyNeedsReason, invalidSpan, leaveNotFound, leaveOverlaps, leaveTypeNotUsable, notOneDayAhead, returnedOnNotStarted, returnedOnOutside } from './leave.errors';
import { onlyStaff } from '../domain/approval-policy';
import { LeaveRepository, LeaveRow } from './leave.repository';
import { LeaveTypesRepository } from './leave-types.repository';
import { dayCharges, DayCharge, isOneDayAhead, LeaveSpan, spanProblem } from '../domain/leave-rules';
import { ChargedRequest, LeaveChargesService } from '../leave-balance/leave-charges.service';
import { type LieuCharge, lieuCharges } from '../domain/leave-balance/lieu-charges';

@Injectable()
export class LeaveService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly leave: LeaveRepository,
    private readonly types: LeaveTypesRepository,
    private readonly workflow: ApprovalWorkflow,
    private readonly dayChanges: DayChanges,
    private readonly companyClock: CompanyClock,
    private readonly policies: PolicyRepository,
    private readonly monthLock: MonthLockService,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly charges: LeaveChargesService,
  ) {}

  /** H-ATT-10 / H-ATT-11: by the employee for themself, a day ahead unless it is an emergency. */
  async create(actor: Actor, input: CreateLeaveRequestDto): Promise<LeaveRequestDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    const span: LeaveSpan = { startDate: input.startDate, startHalf: input.startHalf ?? null, endDate: input.endDate, endHalf: input.endHalf ?? null };
    const problem = spanProblem(span);
    if (problem) throw invalidSpan(problem);
    const emergency = input.emergency ?? false;
    const reason = (input.reason ?? '').trim();
    if (emergency && reason.length === 0) throw emergencyNeedsReason();
    const id = await this.dataSource.transaction(async (manager) => {
      const today = await this.companyClock.today(manager);
      if (!emergency && !isOneDayAhead(span.startDate, today)) throw notOneDayAhead(today);
      if (!(await this.types.isActive(manager, input.type))) throw leaveTypeNotUsable();
      const dates = datesBetween(span.startDate, span.endDate);
      // H-ATT-11: filing afterwards is possible until finance closes the month.
      await this.monthLock.assertOpen(manager, dates);
      if (await this.leave.overlapping(manager, actor.id, span)) throw leaveOverlaps();
      const { days: charged, minutes } = await this.charged(manager, actor.id, span, dates);
      const days = charged.reduce((total, day) => total + day.days, 0);
      const created = await this.leave.insert(manager, actor.id, input.type, span, days, reason, emergency);
      // Issue 16: the days are held against the type's balance, or the request is refused (422 LEAVE_BALANCE_INSUFFICIENT).
      await this.charges.reserve(manager, { id: created, staffId: actor.id, type: input.type, startDate: span.startDate }, charged, minutes);
      await this.workflow.opened(manager, 'leave', created, actor, 'pending');
      const dto = await this.dto(manager, created);
      await this.audit.record(manager, actor, { action: 'leave.create', entity: 'leave_request', entityId: created, after: dto });
      return created;
    });
    return this.dto(this.dataSource.manager, id);
  }

  async get(actor: Actor, id: string): Promise<LeaveRequestDto> {
    const row = await this.leave.find(this.dataSource.manager, id);
    if (!row || !(await this.access.canSee(actor, row.staff_id))) throw leaveNotFound();
    return this.dto(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: LeaveListQueryDto): Promise<Page<LeaveRequestDto>> {
    const { rows, total } = await this.leave.list(this.dataSource.manager, {
      scopeViewerId: this.access.scopeOf(actor),
      staffId: query.staffId,
      status: query.status,
      from: query.from,
      to: query.to,
      offset: pageOffset(query),
      limit: query.pageSize,
    });
    return pageOf(await this.dtos(this.dataSource.manager, rows), total, query);
  }

  approve(actor: Actor, id: string, comment: string | null): Promise<LeaveRequestDto> {
    return this.transition(actor, id, 'approve', comment);
  }

  reject(actor: Actor, id: string, comment: string | null): Promise<LeaveRequestDto> {
    return this.transition(actor, id, 'reject', comment);
  }

  /** H-ORG-4: the office files approved leave (人事部备案). */
  file(actor: Actor, id: string, comment: string | null): Promise<LeaveRequestDto> {
    return this.transition(actor, id, 'file', comment);
  }

  /**
   * The employee cancels a pending request, or an approved one before it starts; once it has
   * started, only the supervisor or an administrator can (and the days are reclassified).
   */
  cancel(actor: Actor, id: string, comment: string | null, returnedOn: string | null = null): Promise<LeaveRequestDto> {
    return this.transition(actor, id, 'cancel', comment, returnedOn);
  }

  /**
   * One transition of LEAVE_WORKFLOW: lock the row, let the workflow decide and record the event,
   * apply, write the audit row, and announce the covered days — all in one transaction.
   */
  private async transition(actor: Actor, id: string, action: LeaveAction, comment: string | null, returnedOn: string | null = null): Promise<LeaveRequestDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.leave.lock(manager, id);
      if (!row || !(await this.access.canSee(actor, row.staff_id))) throw leaveNotFound();
      const before = await this.dto(manager, id);
      const today = await this.companyClock.today(manager);
      const requester = await this.access.requesterOf(manager, row.staff_id);
      const attempt = { state: row.status, action, actor, requester, facts: { started: row.start_date <= today } };
      const step = await this.workflow.run(manager, LEAVE_WORKFLOW, attempt, { kind: 'leave', id, comment });
      const back = step.to === 'cancelled' && row.status !== 'pending' && row.start_date <= today ? backAtWork(row, today, returnedOn) : null;
      if (returnedOn !== null && back === null) throw returnedOnNotStarted();
      // Filing records what was decided; every other change alters days of a month that must be open.
      if (step.to !== 'filed') await this.monthLock.assertOpen(manager, datesBetween(row.start_date, row.end_date));
      const decidedAs = step.to === 'approved' || step.to === 'rejected' ? step.actingAs : null;
      await this.leave.setStatus(manager, id, step.to, actor.id, decidedAs, this.clock.now());
      if (back !== null && back > row.start_date) {
        const taken = takenPart(row, back);
        const days = await this.chargedDays(manager, row.staff_id, taken, datesBetween(taken.startDate, taken.endDate));
        await this.leave.endEarly(manager, id, taken, days.reduce((total, day) => total + day.days, 0));
      }
      await this.chargeBalance(manager, row, step.to, back ?? today);
      if (step.recompute) await this.reclassify(manager, row);
      await this.audit.record(manager, actor, { action: `leave.${step.to}`, entity: 'leave_request', entityId: id, before, after: await this.dto(manager, id) });
    });
    return this.dto(this.dataSource.manager, id);
  }

  /** The working days a span covers for this person, date by date (holidays and rest days charge nothing). */
  private async chargedDays(manager: EntityManager, staffId: string, span: LeaveSpan, dates: string[]): Promise<DayCharge[]> {
    return (await this.charged(manager, staffId, span, dates)).days;
  }

  /** The working days a span covers, and the minutes of the shift sessions it covers (what 调休 takes, issue 22). */
  private async charged(manager: EntityManager, staffId: string, span: LeaveSpan, dates: string[]): Promise<{ days: DayCharge[]; minutes: LieuCharge[] }> {
    const policy = await this.policies.load(manager, addDays(span.startDate, -1), addDays(span.endDate, 1));
    const person = await this.access.employmentOf(manager, staffId);
    const shiftOn = (date: string) => scheduleOn(policy, person, date).shift;
    return { days: dayCharges(span, dates, (date) => shiftOn(date) !== null), minutes: lieuCharges(span, dates, shiftOn) };
  }

  /**
   * What the transition does to the balance (issue 16): approval consumes the reservation, rejection
   * and withdrawal release it, cancelling approved leave gives back what it consumed — once it has
   * started, only the days from `back` on (the day the person came back to work, 销假).
   */
  private async chargeBalance(manager: EntityManager, row: LeaveRow, to: LeaveStatus, back: string): Promise<void> {
    const request: ChargedRequest = { id: row.id, staffId: row.staff_id, type: row.type_code, startDate: row.start_date };
    if (to === 'approved') return this.charges.consume(manager, request);
    if (to === 'rejected') return this.charges.release(manager, request, 'rejected');
    if (to !== 'cancelled') return;
    if (row.status === 'pending') return this.charges.release(manager, request, 'withdrawn');
    if (row.start_date >= back) return this.charges.giveBack(manager, request, 'all');
    const span: LeaveSpan = { startDate: row.start_date, startHalf: row.start_half, endDate: row.end_date, endHalf: row.end_half };
    const untaken = await this.chargedDays(manager, row.staff_id, span, datesBetween(back, row.end_date));
    return this.charges.giveBack(manager, request, untaken);
  }

  /** The covered days (and their neighbours, whose windows they shape) up to today. */
  private async reclassify(manager: EntityManager, row: LeaveRow): Promise<void> {
    await this.dayChanges.changed(manager, { staffIds: [row.staff_id], from: row.start_date, to: row.end_date });
  }

  private async dto(manager: EntityManager, id: string): Promise<LeaveRequestDto> {
    const row = await this.leave.find(manager, id);
    if (!row) throw leaveNotFound();
    return (await this.dtos(manager, [row]))[0];
  }

  private async dtos(manager: EntityManager, rows: LeaveRow[]): Promise<LeaveRequestDto[]> {
    const balances = await this.charges.balancesAfter(manager, rows.map((row) => ({ id: row.id, staffId: row.staff_id, type: row.type_code, startDate: row.start_date })));
    return this.workflow.withHistory(manager, 'leave', rows, (row) => ({ ...toLeaveRequestDto(row), balanceAfter: balances.get(row.id) ?? null }));
  }
}

/**
 * The first day back at work of approved leave cancelled after it started (销假): as the canceller
 * says, between its first and last day; else today while it lasts, and for leave that is over its
 * first day — cancelling leave that is over says it did not happen ("was at work after all").
 */
function backAtWork(row: LeaveRow, today: string, returnedOn: string | null): string {
  if (returnedOn === null) return row.end_date < today ? row.start_date : today;
  if (returnedOn < row.start_date || returnedOn > row.end_date) throw returnedOnOutside(row.start_date, row.end_date);
  return returnedOn;
}

/** The days of a request taken before the person came back: whole days up to the day before. */
function takenPart(row: LeaveRow, back: string): LeaveSpan {
  return { startDate: row.start_date, startHalf: row.start_half, endDate: addDays(back, -1), endHalf: null };
}
