import { addDays } from '../calendar/calendar-day';
import type { CalendarKind, Session } from '../attendance/types';
import type { Compensation, OvertimeKind, OvertimePolicy } from './policy';

/**
 * The rules an overtime request must meet when it is filed (issue 22): the day type, the deadline,
 * the compensation allowed, no overlap with the shift, and the caps of 劳动法 第41条. Pure: today
 * and every existing request come in.
 */

/** Requests that hold a place under the caps: pending ones count as much as approved ones. */
export const LIVE_OVERTIME_STATUSES = ['pending', 'approved', 'filed'] as const;

/**
 * The day type for a person's date: a statutory holiday from the calendar; otherwise a working day
 * when their schedule has a shift (the duty shift is the duty person's normal work), else a rest day
 * under the work-week setting.
 */
export function overtimeKindOf(calendarKind: CalendarKind, scheduled: boolean): OvertimeKind {
  if (calendarKind === 'holiday') return 'holiday';
  return scheduled ? 'workday' : 'rest_day';
}

/** 第44条: working-day extended hours and holiday work are paid; only rest-day work may be repaid in time. */
export function compensationAllowed(kind: OvertimeKind, compensation: Compensation): boolean {
  return compensation === 'pay' || kind === 'rest_day';
}

/** The earliest date a request may still be filed for on `today`. */
export function earliestOvertimeDate(today: string, daysAfter: number): string {
  return addDays(today, -Math.max(0, daysAfter));
}

/** Whole minutes of a window. */
export function windowMinutes(window: { start: Date; end: Date }): number {
  return Math.floor((window.end.getTime() - window.start.getTime()) / 60_000);
}

/** Whether a window shares any instant with one of the sessions (end exclusive). */
export function overlapsSessions(window: { start: Date; end: Date }, sessions: readonly Session[]): boolean {
  return sessions.some((s) => window.start.getTime() < s.end.getTime() && s.start.getTime() < window.end.getTime());
}

/** A live request as the caps count it. */
export interface CountedRequest {
  date: string;
  kind: OvertimeKind;
  minutes: number;
}

export type CapName = 'daily' | 'monthly';

export interface CapBreach {
  cap: CapName;
  limitMinutes: number;
  /** What is still free under that cap before this request (never negative). */
  leftMinutes: number;
}

/**
 * 劳动法 第41条: the first cap a new request would break, or null. The daily cap bounds extended
 * hours on a working day; the monthly cap counts every kind in the month of the date. `others` are
 * the person's live requests (pending ones included), without the one asked for.
 */
export function capBreach(others: readonly CountedRequest[], asked: CountedRequest, policy: Pick<OvertimePolicy, 'overtimeDailyCapMinutes' | 'overtimeMonthlyCapMinutes'>): CapBreach | null {
  if (asked.kind === 'workday') {
    const used = sum(others.filter((r) => r.date === asked.date && r.kind === 'workday'));
    if (used + asked.minutes > policy.overtimeDailyCapMinutes) return breach('daily', policy.overtimeDailyCapMinutes, used);
  }
  const month = asked.date.slice(0, 7);
  const used = sum(others.filter((r) => r.date.slice(0, 7) === month));
  if (used + asked.minutes > policy.overtimeMonthlyCapMinutes) return breach('monthly', policy.overtimeMonthlyCapMinutes, used);
  return null;
}

const sum = (requests: readonly CountedRequest[]) => requests.reduce((total, r) => total + r.minutes, 0);
const breach = (cap: CapName, limitMinutes: number, used: number): CapBreach => ({ cap, limitMinutes, leftMinutes: Math.max(0, limitMinutes - used) });
