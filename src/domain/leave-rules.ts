import { DateTime } from 'luxon';
import type { LeavePart } from './attendance/types';

/** A leave request's extent: whole days, or starting in the afternoon / ending after the morning. */
export interface LeaveSpan {
  startDate: string;
  startHalf: 'am' | 'pm' | null;
  endDate: string;
  endHalf: 'am' | 'pm' | null;
}

const EPOCH_MS = Date.UTC(2000, 0, 1);
// Calendar arithmetic on UTC midnights: no zone can shift a date here.
const dayNumber = (date: string) => Math.round((Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - EPOCH_MS) / 86_400_000);

/**
 * Half-day slots [from, to): day n has slot 2n (the morning session) and 2n+1 (the afternoon).
 * H-ATT-10 "half days follow the two office sessions". `startHalf: 'pm'` starts with the
 * afternoon; `endHalf: 'am'` ends after the morning; a one-day request with `am`/`am` is the
 * morning only, with `pm`/`pm` (or `pm`/null) the afternoon only.
 */
export function slotsOf(span: LeaveSpan): [number, number] {
  const from = dayNumber(span.startDate) * 2 + (span.startHalf === 'pm' ? 1 : 0);
  const to = dayNumber(span.endDate) * 2 + (span.endHalf === 'am' ? 1 : 2);
  return [from, to];
}

/** Why a span is not a valid request, or null. */
export function spanProblem(span: LeaveSpan): { field: string; message: string } | null {
  if (span.endDate < span.startDate) return { field: 'endDate', message: 'must not be before startDate' };
  const [from, to] = slotsOf(span);
  if (to <= from) return { field: 'endHalf', message: 'the request must cover at least one half day' };
  if (span.endDate > DateTime.fromISO(span.startDate, { zone: 'UTC' }).plus({ days: 366 }).toISODate()!) {
    return { field: 'endDate', message: 'a request covers at most a year' };
  }
  return null;
}

/** Which part of `date` the span covers (for the attendance rules), or null. */
export function partOn(span: LeaveSpan, date: string): LeavePart | null {
  const [from, to] = slotsOf(span);
  const morning = dayNumber(date) * 2;
  const am = morning >= from && morning < to;
  const pm = morning + 1 >= from && morning + 1 < to;
  return am && pm ? 'full' : am ? 'am' : pm ? 'pm' : null;
}

/** What a request charges for one date: its working days there (a half day is 0.5). */
export interface DayCharge {
  date: string;
  days: number;
}

/**
 * The working days a request covers, date by date: scheduled days only (holidays and rest days
 * do not count, 条例 第三条 for annual leave), a half day as 0.5. Dates charging nothing are left out.
 */
export function dayCharges(span: LeaveSpan, dates: string[], isScheduled: (date: string) => boolean): DayCharge[] {
  const charges: DayCharge[] = [];
  for (const date of dates) {
    if (!isScheduled(date)) continue;
    const part = partOn(span, date);
    if (part !== null) charges.push({ date, days: part === 'full' ? 1 : 0.5 });
  }
  return charges;
}

/** The working days a request covers in all (see dayCharges). */
export function workingDays(span: LeaveSpan, dates: string[], isScheduled: (date: string) => boolean): number {
  return dayCharges(span, dates, isScheduled).reduce((total, charge) => total + charge.days, 0);
}

/** H-ATT-10: "one day ahead" — the first day of leave is after the day of the request, in company time. */
export const isOneDayAhead = (startDate: string, today: string): boolean => startDate > today;
