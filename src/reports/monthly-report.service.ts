import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import { CompanyClock } from '../policy/company-clock';
import { Actor } from '../domain/actor';
import { datesBetween, monthRange } from '../domain/calendar/calendar-day';
import { MonthLockService } from '../policy/month-lock.service';
import { StaffAccessService } from '../staff/staff-access.service';
import { MonthlyGridDto, MonthlyReportDto, ReportCountsDto, ReportRowDto } from './dto/report.dto';
import { CORRECTED_MARK, FinancePolicy, gridCode, monthMoney, OVERTIME_MARK, overtimePayFen } from '../domain/money';
import { FinancePolicyRepository } from './finance-policy.repository';
import { GridRow, MonthlyReportRepository, ReportRow } from './monthly-report.repository';
import { RosterService } from '../roster/roster.service';
import { LeaveStatementService } from '../leave-balance/leave-statement.service';
import { type LieuMonthHours, LieuService } from '../leave-balance/lieu.service';
import { Turns } from '../common/in-turns';

export interface ReportContext {
  month: string;
  from: string;
  to: string;
  viewerId: string | null;
  policy: FinancePolicy;
  leaveTypes: string[];
  /** Statutory annual leave left at the month's end, by person (issue 16). */
  annualLeaveRemaining: ReadonlyMap<string, number>;
  /** Time off in lieu of the month in hours, by person (issue 22). */
  lieu: ReadonlyMap<string, LieuMonthHours>;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
// Totals keep hundredths: 调休 hours come in minutes (20 min = 0.33 h); the day counts are in tenths and stay so.
const round2 = (value: number) => Math.round(value * 100) / 100;
const NO_LIEU: LieuMonthHours = { earned: 0, taken: 0, remaining: 0, expired: 0 };
/** Minutes as hours with two decimals (30 min units give .5). */
const hours = (minutes: number) => round2(minutes / 60);

/** One report row: the stored counts, the leave days per type, and finance's money (H-ATT-7). */
export function toReportRow(row: ReportRow, context: Pick<ReportContext, 'policy' | 'leaveTypes' | 'annualLeaveRemaining' | 'lieu'>): ReportRowDto {
  const lieu = context.lieu.get(row.staff_id) ?? NO_LIEU;
  const leaveDays = Object.fromEntries(context.leaveTypes.map((code) => [code, round1(Number(row.leave_days?.[code] ?? 0))]));
  const absenceDays = round1(Number(row.absence_days));
  const money = monthMoney(
    {
      scheduledDays: row.scheduled_days, lateCount: row.late_count, seriousLateCount: row.serious_late_count, absenceDays,
      missingPunchCount: row.missing_punch_count, correctionCount: row.correction_count, personalLeaveDays: leaveDays.personal ?? 0, pendingDays: row.pending_days,
    },
    context.policy,
  );
  return {
    staffId: row.staff_id,
    employeeNo: row.employee_no,
    name: row.name,
    positionCode: row.position_code,
    scheduledDays: row.scheduled_days,
    presentDays: row.present_days,
    lateCount: row.late_count,
    lateMinutes: row.late_minutes,
    seriousLateCount: row.serious_late_count,
    earlyLeaveCount: row.early_leave_count,
    missingPunchCount: row.missing_punch_count,
    correctionCount: row.correction_count,
    absenceDays,
    leaveDays,
    annualLeaveRemainingDays: context.annualLeaveRemaining.get(row.staff_id) ?? 0,
    lieuEarnedHours: lieu.earned,
    lieuTakenHours: lieu.taken,
    lieuRemainingHours: lieu.remaining,
    lieuExpiredHours: lieu.expired,
    exemptDays: round1(Number(row.exempt_days)),
    holidayDays: row.holiday_days,
    dutyShifts: row.duty_shifts,
    pendingDays: row.pending_days,
    ...money,
    finesFen: row.fines_fen,
    overtimeWorkdayHours: hours(row.overtime_workday_minutes),
    overtimeRestDayHours: hours(row.overtime_rest_day_minutes),
    overtimeRestDayLieuHours: hours(row.overtime_rest_day_lieu_minutes),
    overtimeHolidayHours: hours(row.overtime_holiday_minutes),
    overtimeCapOverrides: row.overtime_cap_overrides,
    overtimePayFen: overtimePayFen(
      { workday: row.overtime_workday_minutes, restDay: row.overtime_rest_day_minutes, restDayLieu: row.overtime_rest_day_lieu_minutes, holiday: row.overtime_holiday_minutes },
      context.policy,
    ),
  };
}

/** Adds a row into running totals (numbers summed, nested objects summed key by key). */
export function addToTotals(totals: ReportCountsDto | null, row: ReportCountsDto): ReportCountsDto {
  const sum = (a: unknown, b: unknown): unknown => {
    if (typeof b === 'number') return round2(Number(a ?? 0) + b);
    if (b && typeof b === 'object') return Object.fromEntries(Object.entries(b).map(([key, value]) => [key, sum((a as Record<string, unknown> | undefined)?.[key], value)]));
    return a;
  };
  const { staffId: _s, employeeNo: _e, name: _n, positionCode: _p, ...counts } = row as ReportRowDto;
  return sum(totals ?? {}, counts) as ReportCountsDto;
}

export function gridCells(row: GridRow): string[] {
  return row.days.map((day) => {
    if (day.status === null) return '';
    const code = gridCode({ status: day.status, onDuty: day.on_duty === true, earlyLeave: day.early_leave === true, leaveCode: day.leave });
    // A day an approved make-up punch corrected is marked (补卡), so the grid shows which results rest on one.
    const corrected = day.corrected && code !== '' ? `${code}${CORRECTED_MARK}` : code;
    // A day that credited overtime (加班) is marked too: `√加`, `休加`.
    return day.overtime && corrected !== '' ? `${corrected}${OVERTIME_MARK}` : corrected;
  });
}

/**
 * Finance's monthly report (H-ORG-2): set-based SQL over the stored day results, brought up to
 * date first; money from finance's policy. Finance and admin see everyone, a supervisor their
 * reports, an employee their own row.
 */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: MonthlyReportRepository,
    private readonly financePolicies: FinancePolicyRepository,
    private readonly attendance: AttendanceService,
    private readonly companyClock: CompanyClock,
    private readonly monthLock: MonthLockService,
    private readonly access: StaffAccessService,
    private readonly roster: RosterService,
    private readonly leaveStatement: LeaveStatementService,
    private readonly lieu: LieuService,
  ) {}

  /** Everything a report needs besides its rows; the month's days are brought up to date. */
  async context(actor: Actor | null, month: string, manager: EntityManager = this.dataSource.manager): Promise<ReportContext> {
    const { from, to } = monthRange(month);
    const closed = (await this.monthLock.closedAmong(manager, [month])).size > 0;
    if (!closed) {
      const today = await this.companyClock.today(manager);
      const last = to < today ? to : today;
      if (from <= last) await this.attendance.ensureFresh({ staffIds: null, from, to: last }, manager);
    }
    const policy = await this.financePolicies.inForce(manager, month);
    const types = await this.reports.leaveTypes(manager);
    const annualLeaveRemaining = await this.leaveStatement.annualRemainingOn(manager, to);
    const lieu = await this.lieu.month(manager, from, to);
    return { month, from, to, viewerId: actor ? this.access.scopeOf(actor) : null, policy, leaveTypes: types.map((type) => type.code), annualLeaveRemaining, lieu };
  }

  /** The whole report for a scope (a month close stores this as its snapshot). */
  async full(context: ReportContext, manager: EntityManager = this.dataSource.manager): Promise<{ rows: ReportRowDto[]; totals: ReportCountsDto; rosterGaps: number }> {
    // In turns: at 10,000 people the rows and their totals held the event loop for a tenth of a second or more.
    const rows: ReportRowDto[] = [];
    let totals: ReportCountsDto | null = null;
    const turns = new Turns();
    for (const raw of await this.reports.rows(manager, context.from, context.to, context.viewerId)) {
      const row = toReportRow(raw, context);
      rows.push(row);
      totals = addToTotals(totals, row);
      await turns.pass();
    }
    totals ??= addToTotals(null, toReportRow(emptyRow(), context));
    return { rows, totals, rosterGaps: await this.roster.gaps(manager, context.from, context.to) };
  }

  async json(actor: Actor, month: string, page: number, pageSize: number): Promise<MonthlyReportDto> {
    const context = await this.context(actor, month);
    const { rows, totals, rosterGaps } = await this.full(context);
    const offset = (page - 1) * pageSize;
    return { month, policy: context.policy, items: rows.slice(offset, offset + pageSize), page, pageSize, total: rows.length, totals, rosterGaps };
  }

  async grid(actor: Actor, month: string, page: number, pageSize: number): Promise<MonthlyGridDto> {
    const context = await this.context(actor, month);
    const { rows, total } = await this.reports.gridPage(context.from, context.to, context.viewerId, (page - 1) * pageSize, pageSize);
    return {
      month,
      dates: datesBetween(context.from, context.to),
      items: rows.map((row) => ({ staffId: row.staff_id, employeeNo: row.employee_no, name: row.name, days: gridCells(row) })),
      page,
      pageSize,
      total,
    };
  }
}

function emptyRow(): ReportRow {
  return {
    staff_id: '', employee_no: '', name: '', position_code: null, scheduled_days: 0, present_days: 0, late_count: 0, late_minutes: 0,
    serious_late_count: 0, early_leave_count: 0, missing_punch_count: 0, correction_count: 0, absence_days: 0, exempt_days: 0, holiday_days: 0,
    duty_shifts: 0, pending_days: 0, leave_days: null, fines_fen: 0,
    overtime_workday_minutes: 0, overtime_rest_day_minutes: 0, overtime_rest_day_lieu_minutes: 0, overtime_holiday_minutes: 0, overtime_cap_overrides: 0,
  };
}
