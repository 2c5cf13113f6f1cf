import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalWorkflow } from '../approvals/approval-workflow';
import { AttendanceService } from '../attendance/attendance.service';
import { AuditService } from '../audit/audit.service';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { type Actor, hasRole } from '../domain/actor';
import { onlyStaff } from '../domain/approval-policy';
import { buildShiftDay } from '../domain/attendance/schedule';
import { addDays, monthRange } from '../domain/calendar/calendar-day';
import { OVERTIME_WORKFLOW, OvertimeAction } from '../domain/overtime-workflow';
import type { OvertimePolicy } from '../domain/overtime/policy';
import { capBreach, compensationAllowed, CountedRequest, earliestOvertimeDate, overlapsSessions, overtimeKindOf, windowMinutes } from '../domain/overtime/requests';
import { versionOn } from '../domain/settings';
import { CompanyClock } from '../policy/company-clock';
import { DayChanges } from '../policy/day-changes';
import { MonthLockService } from '../policy/month-lock.service';
import { SettingsRepository } from '../policy/settings.repository';
import { StaffAccessService } from '../staff/staff-access.service';
import { CreatedOvertimeDto, CreateOvertimeDto, OvertimeListQueryDto, OvertimeRequestDto, toOvertimeRequestDto } from './dto/overtime.dto';
import {
  lieuNotAllowed,
  overrideNeedsAdmin,
  overtimeCapExceeded,
  overtimeNotEmployed,
  overtimeNotFound,
  overtimeOverlaps,
  overtimeOverlapsShift,
  overtimeTooLate,
} from './overtime.errors';
import { OvertimeRepository, OvertimeRow } from './overtime.repository';

const counted = (row: OvertimeRow): CountedRequest => ({ date: row.date, kind: row.day_kind, minutes: windowMinutes({ start: row.starts_at, end: row.ends_at }) });

/**
 * Overtime requests (加班, issue 22; 劳动法 第41/44条): the employee (or an admin for them) asks for
 * a window outside their shift, the direct supervisor decides (H-ORG-3), the office files (H-ORG-4).
 * The caps count pending and approved requests, one person at a time; approval and cancellation
 * announce the day, whose credited minutes the attendance engine works out once its punches are in.
 */
@Injectable()
export class OvertimeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: OvertimeRepository,
    private readonly workflow: ApprovalWorkflow,
    private readonly attendance: AttendanceService,
    private readonly dayChanges: DayChanges,
    private readonly companyClock: CompanyClock,
    private readonly settings: SettingsRepository,
    private readonly monthLock: MonthLockService,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateOvertimeDto): Promise<CreatedOvertimeDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    const isAdmin = hasRole(actor, 'admin');
    const staffId = input.staffId ?? actor.id;
    if ((staffId !== actor.id || input.capOverrideReason !== undefined) && !isAdmin) throw overrideNeedsAdmin();
    if (staffId !== actor.id) await this.access.employmentOf(this.dataSource.manager, staffId);
    const created = await this.dataSource.transaction(async (manager) => {
      const today = await this.companyClock.today(manager);
      const versions = await this.settings.versions(manager);
      const daysAfter = versionOn(versions, today).overtimeDaysAfter;
      const earliest = earliestOvertimeDate(today, daysAfter);
      if (input.date < earliest) throw overtimeTooLate(earliest, daysAfter);
      await this.monthLock.assertOpen(manager, [input.date]);
      await this.requests.lockPerson(manager, staffId);
      const judged = await this.attendance.judgeDays(manager, staffId, addDays(input.date, -1), addDays(input.date, 1));
      const day = judged.get(input.date)?.day;
      if (!day) throw overtimeNotEmployed(input.date);
      const zone = await this.companyClock.zone(manager);
      const [window] = buildShiftDay(input.date, { code: 'overtime', sessions: [{ start: input.start, end: input.end }] }, zone).sessions;
      const kind = overtimeKindOf(day.schedule.calendar.kind, day.schedule.shift !== null);
      const compensation = input.compensation ?? 'pay';
      if (!compensationAllowed(kind, compensation)) throw lieuNotAllowed(kind);
      // The shift of the day and of its neighbours (a duty shift reaches past midnight) is normal work, never overtime.
      const sessions = [...judged.values()].flatMap((neighbour) => neighbour.day.schedule.shift?.sessions ?? []);
      if (overlapsSessions(window, sessions)) throw overtimeOverlapsShift(input.date);
      const { from, to } = monthRange(input.date.slice(0, 7));
      const live = await this.requests.liveOfStaffBetween(manager, staffId, addDays(from, -1), addDays(to, 1));
      if (live.some((row) => overlapsSessions(window, [{ start: row.starts_at, end: row.ends_at }]))) throw overtimeOverlaps();
      const policy = versionOn(versions, input.date);
      const asked: CountedRequest = { date: input.date, kind, minutes: windowMinutes(window) };
      const others = live.map(counted);
      const breach = capBreach(others, asked, policy);
      if (breach && input.capOverrideReason === undefined) throw overtimeCapExceeded(breach);
      const id = await this.requests.insert(manager, {
        staffId, date: input.date, startsAt: window.start, endsAt: window.end, dayKind: kind, compensation, reason: input.reason.trim(), requestedBy: actor.id,
        capOverride: breach && input.capOverrideReason !== undefined ? { reason: input.capOverrideReason.trim(), by: actor.id } : null,
      });
      await this.workflow.opened(manager, 'overtime', id, actor, 'pending', staffId === actor.id ? 'employee' : 'admin', staffId);
      await this.audit.record(manager, actor, { action: 'overtime.create', entity: 'overtime_request', entityId: id, after: await this.dto(manager, id) });
      return { id, left: capsLeft([...others, asked], asked, policy) };
    });
    return { ...(await this.dto(this.dataSource.manager, created.id)), ...created.left };
  }

  async get(actor: Actor, id: string): Promise<OvertimeRequestDto> {
    const row = await this.requests.find(this.dataSource.manager, id);
    if (!row || !(await this.access.canSee(actor, row.staff_id))) throw overtimeNotFound();
    return this.dto(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: OvertimeListQueryDto): Promise<Page<OvertimeRequestDto>> {
    const { rows, total } = await this.requests.list(this.dataSource.manager, {
      scopeViewerId: this.access.scopeOf(actor),
      staffId: query.staffId,
      status: query.status,
      offset: pageOffset(query),
      limit: query.pageSize,
    });
    return pageOf(await this.dtos(this.dataSource.manager, rows), total, query);
  }

  /** By the direct supervisor (or an admin in their place); beyond a cap only an admin with a reason (劳动法 第41条). */
  approve(actor: Actor, id: string, comment: string | null, capOverrideReason?: string): Promise<OvertimeRequestDto> {
    if (capOverrideReason !== undefined && !hasRole(actor, 'admin')) throw overrideNeedsAdmin();
    return this.transition(actor, id, 'approve', comment, capOverrideReason?.trim());
  }

  reject(actor: Actor, id: string, comment: string | null): Promise<OvertimeRequestDto> {
    return this.transition(actor, id, 'reject', comment);
  }

  withdraw(actor: Actor, id: string, comment: string | null): Promise<OvertimeRequestDto> {
    return this.transition(actor, id, 'withdraw', comment);
  }

  /** H-ORG-4: the office files the approved overtime. */
  file(actor: Actor, id: string, comment: string | null): Promise<OvertimeRequestDto> {
    return this.transition(actor, id, 'file', comment);
  }

  /** The office takes approved overtime back, with a reason: the day credits nothing for it any more. */
  cancel(actor: Actor, id: string, reason: string): Promise<OvertimeRequestDto> {
    return this.transition(actor, id, 'cancel', reason);
  }

  /**
   * One transition of OVERTIME_WORKFLOW in one transaction: lock the row, let the workflow decide
   * and record the event, check the month and (approving) the caps again, write, announce the
   * changed days and audit. Of two racing decisions the second waits for the lock and then finds
   * the request decided: 409 STATE_CHANGED.
   */
  private async transition(actor: Actor, id: string, action: OvertimeAction, comment: string | null, capOverrideReason?: string): Promise<OvertimeRequestDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.requests.find(manager, id, true);
      if (!row || !(await this.access.canSee(actor, row.staff_id))) throw overtimeNotFound();
      const before = await this.dto(manager, id);
      const requester = await this.access.requesterOf(manager, row.staff_id);
      const step = await this.workflow.run(manager, OVERTIME_WORKFLOW, { state: row.status, action, actor, requester }, { kind: 'overtime', id, comment });
      if (step.to !== 'filed') await this.monthLock.assertOpen(manager, [row.date]);
      if (step.to === 'approved') await this.checkCapsOnApproval(manager, row, actor.id, capOverrideReason);
      await this.requests.setStatus(manager, id, step.to, actor.id, step.actingAs, this.companyClock.now(), step.to === 'cancelled' ? comment : null);
      // The day and its neighbours: a window past midnight, and a duty shift's punch window, reach into them.
      if (step.recompute) await this.dayChanges.changed(manager, { staffIds: [row.staff_id], from: addDays(row.date, -1), to: addDays(row.date, 1) });
      await this.audit.record(manager, actor, { action: `overtime.${step.to}`, entity: 'overtime_request', entityId: id, before, after: await this.dto(manager, id) });
    });
    return this.dto(this.dataSource.manager, id);
  }

  /**
   * The caps again at approval, under the person's lock: the settings may have changed since the
   * request was filed. A request filed with an override keeps it; otherwise an admin may give one now.
   */
  private async checkCapsOnApproval(manager: EntityManager, row: OvertimeRow, actorId: string, capOverrideReason: string | undefined): Promise<void> {
    await this.requests.lockPerson(manager, row.staff_id);
    const { from, to } = monthRange(row.date.slice(0, 7));
    const others = (await this.requests.liveOfStaffBetween(manager, row.staff_id, from, to)).filter((other) => other.id !== row.id).map(counted);
    const policy = versionOn(await this.settings.versions(manager), row.date);
    const breach = capBreach(others, counted(row), policy);
    if (!breach || row.cap_override_reason !== null) return;
    if (capOverrideReason === undefined) throw overtimeCapExceeded(breach);
    await this.requests.setOverride(manager, row.id, capOverrideReason, actorId);
  }

  private async dto(manager: EntityManager, id: string): Promise<OvertimeRequestDto> {
    const row = await this.requests.find(manager, id);
    if (!row) throw overtimeNotFound();
    return (await this.dtos(manager, [row]))[0];
  }

  private dtos(manager: EntityManager, rows: OvertimeRow[]): Promise<OvertimeRequestDto[]> {
    return this.workflow.withHistory(manager, 'overtime', rows, toOvertimeRequestDto);
  }
}

/** What stays free under each cap once `all` (the new request among them) are counted. */
function capsLeft(all: CountedRequest[], asked: CountedRequest, policy: OvertimePolicy): { dailyLeftMinutes: number | null; monthlyLeftMinutes: number } {
  const month = asked.date.slice(0, 7);
  const used = (pick: (r: CountedRequest) => boolean) => all.filter(pick).reduce((sum, r) => sum + r.minutes, 0);
  const daily = asked.kind === 'workday' ? Math.max(0, policy.overtimeDailyCapMinutes - used((r) => r.date === asked.date && r.kind === 'workday')) : null;
  return { dailyLeftMinutes: daily, monthlyLeftMinutes: Math.max(0, policy.overtimeMonthlyCapMinutes - used((r) => r.date.slice(0, 7) === month)) };
}
