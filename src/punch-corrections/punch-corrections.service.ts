import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalWorkflow } from '../approvals/approval-workflow';
import { AttendanceService, JudgedDay } from '../attendance/attendance.service';
import { computedToDayDto } from '../attendance/dto/attendance-day.dto';
import { AuditService } from '../audit/audit.service';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { readDateTime } from '../common/date-time';
import type { Actor } from '../domain/actor';
import { onlyStaff } from '../domain/approval-policy';
import { localClock } from '../domain/attendance/explain';
import { CorrectablePunch, correctablePunches, correctionFor, countedInMonth, earliestCorrectable, requestsLeft, withinDeadline } from '../domain/attendance/corrections';
import { addDays, datesBetween, monthRange } from '../domain/calendar/calendar-day';
import { CORRECTION_WORKFLOW, CorrectionAction } from '../domain/correction-workflow';
import type { Language } from '../domain/i18n/language';
import { versionOn } from '../domain/settings';
import { CompanyClock } from '../policy/company-clock';
import { DayChanges } from '../policy/day-changes';
import { MonthLockService } from '../policy/month-lock.service';
import { SettingsRepository } from '../policy/settings.repository';
import { PunchesService } from '../punches/punches.service';
import { StaffAccessService } from '../staff/staff-access.service';
import {
  CreatedPunchCorrectionDto,
  CreatePunchCorrectionDto,
  EligibleCorrectionsDto,
  EligibleDayDto,
  PunchCorrectionDto,
  PunchCorrectionListQueryDto,
  toPunchCorrectionDto,
} from './dto/punch-correction.dto';
import {
  correctionExists,
  correctionInFuture,
  correctionLimitReached,
  correctionNotFound,
  correctionNotNeeded,
  correctionTooOld,
  dayNotScheduled,
  invalidCorrectionAt,
  kindNotAllowed,
  outsideWindow,
  sessionUnknown,
} from './punch-corrections.errors';
import { CorrectionRow, PunchCorrectionsRepository } from './punch-corrections.repository';

const LIVE = new Set(['pending', 'approved', 'filed']);

/**
 * Make-up punch requests (补卡, issue 17): the employee asks for a punch the clock did not record
 * (or, when the policy allows, for a late arrival or an early departure), the direct supervisor
 * decides (H-ORG-3), the office files (H-ORG-4). Approval adds a punch of source `correction` and
 * re-judges the day in the same transaction; a later cancellation voids that punch (H-ATT-7: the
 * clock's own records are never changed).
 */
@Injectable()
export class PunchCorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly corrections: PunchCorrectionsRepository,
    private readonly workflow: ApprovalWorkflow,
    private readonly attendance: AttendanceService,
    private readonly punches: PunchesService,
    private readonly dayChanges: DayChanges,
    private readonly companyClock: CompanyClock,
    private readonly settings: SettingsRepository,
    private readonly monthLock: MonthLockService,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
  ) {}

  /** By the employee for one of their own scheduled days; answers the day now and as it would be if approved. */
  async create(actor: Actor, input: CreatePunchCorrectionDto, language: Language): Promise<CreatedPunchCorrectionDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    const reading = readDateTime(input.at, await this.companyClock.zone());
    if (!reading.ok) throw invalidCorrectionAt(reading.problem);
    const at = new Date(Math.floor(reading.instant.getTime() / 1000) * 1000);
    const reason = input.reason.trim();
    const created = await this.dataSource.transaction(async (manager) => {
      const today = await this.companyClock.today(manager);
      const now = this.companyClock.now();
      if (input.date > today || at.getTime() > now.getTime()) throw correctionInFuture();
      const versions = await this.settings.versions(manager);
      const daysBack = versionOn(versions, today).correctionDaysBack;
      if (!withinDeadline(input.date, today, daysBack)) throw correctionTooOld(earliestCorrectable(today, daysBack), daysBack);
      await this.monthLock.assertOpen(manager, [input.date]);
      const month = input.date.slice(0, 7);
      await this.corrections.lockMonth(manager, actor.id, month);
      const judged = await this.attendance.judgeDay(manager, actor.id, input.date);
      const shift = judged?.day.schedule.shift;
      if (!judged || !shift || !judged.day.window) throw dayNotScheduled(input.date);
      if (input.session >= shift.sessions.length) throw sessionUnknown(shift.sessions.length);
      const window = judged.day.window;
      if (at < window.open || at >= window.close) throw outsideWindow(clockText(window.open, shift.zone), clockText(window.close, shift.zone));
      const punch = correctionFor(this.correctable(judged, now), input.session, input.direction, at);
      if (!punch) throw correctionNotNeeded();
      const policy = versionOn(versions, input.date);
      if (!policy.correctionKinds.includes(punch.kind)) throw kindNotAllowed(punch.kind);
      const { from, to } = monthRange(month);
      const ofMonth = await this.corrections.ofStaffBetween(manager, actor.id, from, to);
      if (ofMonth.some((row) => LIVE.has(row.status) && row.date === input.date && row.session === input.session && row.direction === input.direction)) throw correctionExists();
      const used = countedInMonth(ofMonth, month);
      if (used >= policy.correctionMonthlyLimit) throw correctionLimitReached(policy.correctionMonthlyLimit, month);
      // What the day would be with the punch: the claimed time must be read as the punch it names.
      const predicted = (await this.attendance.judgeDay(manager, actor.id, input.date, [{ at }]))!.withExtra;
      const readAs = input.direction === 'in' ? predicted.result.firstIn : predicted.result.lastOut;
      if (readAs?.getTime() !== at.getTime()) throw correctionNotNeeded();
      const id = await this.corrections.insert(manager, {
        staffId: actor.id, date: input.date, session: input.session, direction: input.direction, kind: punch.kind, at,
        recordedAt: punch.problem === 'missing' ? null : punch.recorded, reason,
      });
      await this.workflow.opened(manager, 'punch_correction', id, actor, 'pending');
      await this.audit.record(manager, actor, { action: 'punch_correction.create', entity: 'punch_correction', entityId: id, after: await this.dto(manager, id) });
      return { id, current: computedToDayDto(judged.day, language), predicted: computedToDayDto(predicted, language), left: requestsLeft(policy.correctionMonthlyLimit, used + 1) };
    });
    return { ...(await this.dto(this.dataSource.manager, created.id)), current: created.current, predicted: created.predicted, requestsLeft: created.left };
  }

  /** The signed-in employee's recent scheduled days: what may still be corrected, and the requests left per month. */
  async eligible(actor: Actor): Promise<EligibleCorrectionsDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    const manager = this.dataSource.manager;
    const today = await this.companyClock.today(manager);
    const now = this.companyClock.now();
    const versions = await this.settings.versions(manager);
    const inForce = versionOn(versions, today);
    const earliest = earliestCorrectable(today, inForce.correctionDaysBack);
    const months = [...new Set(datesBetween(earliest, today).map((date) => date.slice(0, 7)))];
    const closed = await this.monthLock.closedAmong(manager, months);
    const rows = await this.corrections.ofStaffBetween(manager, actor.id, monthRange(months[0]).from, monthRange(months[months.length - 1]).to);
    const monthly = months.map((month) => {
      const limit = versionOn(versions, `${month}-01` < earliest ? earliest : `${month}-01`).correctionMonthlyLimit;
      const used = countedInMonth(rows, month);
      return { month, limit, used, left: requestsLeft(limit, used) };
    });
    const days: EligibleDayDto[] = [];
    const judgedDays = await this.attendance.judgeDays(manager, actor.id, earliest, today);
    for (const date of datesBetween(earliest, today).reverse()) {
      const judged = judgedDays.get(date);
      const shift = judged?.day.schedule.shift;
      if (!judged || !shift) continue;
      const monthClosed = closed.has(date.slice(0, 7));
      const kinds = versionOn(versions, date).correctionKinds;
      const left = monthly.find((entry) => entry.month === date.slice(0, 7))!.left;
      days.push({
        date,
        shiftCode: shift.shiftCode,
        status: judged.day.result.status,
        monthClosed,
        requestsLeft: left,
        punches: monthClosed ? [] : this.correctable(judged, now).map((punch) => ({
          session: punch.session,
          direction: punch.direction,
          due: punch.due.toISOString(),
          recordedAt: punch.problem === 'missing' ? null : (punch.recorded?.toISOString() ?? null),
          kind: punch.kind,
          allowed: kinds.includes(punch.kind),
          requestId: rows.find((row) => LIVE.has(row.status) && row.date === date && row.session === punch.session && row.direction === punch.direction)?.id ?? null,
        })),
      });
    }
    return { earliest, today, allowedKinds: [...inForce.correctionKinds], months: monthly, days };
  }

  async get(actor: Actor, id: string): Promise<PunchCorrectionDto> {
    const row = await this.corrections.find(this.dataSource.manager, id);
    if (!row || !(await this.access.canSee(actor, row.staff_id))) throw correctionNotFound();
    return this.dto(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: PunchCorrectionListQueryDto): Promise<Page<PunchCorrectionDto>> {
    const { rows, total } = await this.corrections.list(this.dataSource.manager, {
      scopeViewerId: this.access.scopeOf(actor),
      staffId: query.staffId,
      status: query.status,
      offset: pageOffset(query),
      limit: query.pageSize,
    });
    return pageOf(await this.dtos(this.dataSource.manager, rows), total, query);
  }

  approve(actor: Actor, id: string, comment: string | null): Promise<PunchCorrectionDto> {
    return this.transition(actor, id, 'approve', comment);
  }

  reject(actor: Actor, id: string, comment: string | null): Promise<PunchCorrectionDto> {
    return this.transition(actor, id, 'reject', comment);
  }

  withdraw(actor: Actor, id: string, comment: string | null): Promise<PunchCorrectionDto> {
    return this.transition(actor, id, 'withdraw', comment);
  }

  /** H-ORG-4: the office files the approved correction (交办公室备案). */
  file(actor: Actor, id: string, comment: string | null): Promise<PunchCorrectionDto> {
    return this.transition(actor, id, 'file', comment);
  }

  /** The office takes an approved correction back: its punch is voided with the reason, and the day judged again. */
  cancel(actor: Actor, id: string, reason: string): Promise<PunchCorrectionDto> {
    return this.transition(actor, id, 'cancel', reason);
  }

  /**
   * One transition of CORRECTION_WORKFLOW: lock the row, check its month, let the workflow decide
   * and record the event, apply (approval adds the punch, cancellation voids it), re-judge the day
   * and write the audit row — in one transaction. Of two racing decisions the second waits for the
   * lock and then finds the request decided: 409 STATE_CHANGED.
   */
  private async transition(actor: Actor, id: string, action: CorrectionAction, comment: string | null): Promise<PunchCorrectionDto> {
    if (actor.kind !== 'staff') throw onlyStaff();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.corrections.find(manager, id, true);
      if (!row || !(await this.access.canSee(actor, row.staff_id))) throw correctionNotFound();
      const before = await this.dto(manager, id);
      const requester = await this.access.requesterOf(manager, row.staff_id);
      const step = await this.workflow.run(manager, CORRECTION_WORKFLOW, { state: row.status, action, actor, requester }, { kind: 'punch_correction', id, comment });
      // Filing records what was decided; every other step belongs to a month that must be open.
      if (step.to !== 'filed') await this.monthLock.assertOpen(manager, [row.date]);
      await this.corrections.setStatus(manager, id, step.to, actor.id, step.actingAs, this.companyClock.now(), step.to === 'cancelled' ? comment : null);
      if (step.to === 'approved') await this.punches.addCorrectionPunch(manager, actor, row.staff_id, row.at, id, row.reason);
      if (step.to === 'cancelled') await this.punches.voidCorrectionPunch(manager, actor, id, `make-up punch cancelled: ${comment ?? ''}`.slice(0, 500));
      // The day and its neighbours (a duty shift's window reaches past midnight), judged before the commit.
      if (step.recompute) await this.dayChanges.changed(manager, { staffIds: [row.staff_id], from: addDays(row.date, -1), to: addDays(row.date, 1) });
      await this.audit.record(manager, actor, { action: `punch_correction.${step.to}`, entity: 'punch_correction', entityId: id, before, after: await this.dto(manager, id) });
    });
    return this.dto(this.dataSource.manager, id);
  }

  private correctable(judged: JudgedDay, now: Date): CorrectablePunch[] {
    const shift = judged.day.schedule.shift;
    return shift ? correctablePunches(shift.sessions, judged.expectedSessions, judged.day.result, now) : [];
  }

  private async dto(manager: EntityManager, id: string): Promise<PunchCorrectionDto> {
    const row = await this.corrections.find(manager, id);
    if (!row) throw correctionNotFound();
    return (await this.dtos(manager, [row]))[0];
  }

  private dtos(manager: EntityManager, rows: CorrectionRow[]): Promise<PunchCorrectionDto[]> {
    return this.workflow.withHistory(manager, 'punch_correction', rows, toPunchCorrectionDto);
  }
}

/** A window bound as the company reads it: date and time. */
function clockText(instant: Date, zone: string): string {
  const local = localClock(instant, zone);
  return `${local.date} ${local.time}`;
}
