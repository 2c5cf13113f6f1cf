import { addDays } from '../calendar/calendar-day';
import type { DayResult, Session } from './types';

/**
 * Make-up punches (补卡, issue 17): which punch of a day may still be corrected, until when, and
 * how many requests a month allows. Pure: today, now and the day's judged result come in.
 */

/** What a make-up punch corrects: a punch the clock has no record of, or (when allowed) a late arrival or an early departure. */
export const CORRECTION_KINDS = ['missing_punch', 'late_arrival', 'early_departure'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export type PunchDirection = 'in' | 'out';

/** The policy, one part of each effective-dated settings version. */
export interface CorrectionPolicy {
  /** Requests a person may make per month, counted by the month of the corrected day. */
  correctionMonthlyLimit: number;
  /** Calendar days back a day may be corrected, the day itself included. */
  correctionDaysBack: number;
  correctionKinds: CorrectionKind[];
}

export const DEFAULT_CORRECTION_POLICY: Readonly<CorrectionPolicy> = Object.freeze({
  correctionMonthlyLimit: 3,
  correctionDaysBack: 7,
  correctionKinds: ['missing_punch'] as CorrectionKind[],
});

/** Requests that hold a place in the month's limit; rejected, withdrawn and cancelled ones give it back. */
export const COUNTED_STATUSES = ['pending', 'approved', 'filed'] as const;

/** The first date that may still be corrected on `today`: with 7 days back, today and the six days before. */
export function earliestCorrectable(today: string, daysBack: number): string {
  return addDays(today, -(Math.max(1, daysBack) - 1));
}

/** Whether `date` is within the deadline on `today` (never a day still to come). */
export function withinDeadline(date: string, today: string, daysBack: number): boolean {
  return date <= today && date >= earliestCorrectable(today, daysBack);
}

/** How many requests of a month count against its limit. */
export function countedInMonth(requests: readonly { date: string; status: string }[], month: string): number {
  return requests.filter((request) => request.date.slice(0, 7) === month && (COUNTED_STATUSES as readonly string[]).includes(request.status)).length;
}

export function requestsLeft(limit: number, used: number): number {
  return Math.max(0, limit - used);
}

/** A punch of the day that may be corrected: the day's clock-in or clock-out as the rules judge it. */
export interface CorrectablePunch {
  /** Index of the shift's session (0-based) whose start or end the punch is. */
  session: number;
  direction: PunchDirection;
  /** When the shift expected it. */
  due: Date;
  /** What the clock recorded for it; null: nothing. */
  recorded: Date | null;
  problem: 'missing' | 'late' | 'early';
  kind: CorrectionKind;
}

/**
 * H-ATT-3 / H-ATT-7: one clock-in and one clock-out a day are judged — the start of the first
 * session still expected and the end of the last one (a half day of leave moves them). A punch is
 * correctable when it is missing, or when the day is late (clock-in) or early (clock-out); never
 * before it was due. Punches between sessions (lunch) are never judged, so never corrected.
 */
export function correctablePunches(sessions: readonly Session[], expected: readonly number[], result: DayResult, now: Date): CorrectablePunch[] {
  if (expected.length === 0) return [];
  const first = expected[0];
  const last = expected[expected.length - 1];
  const found: CorrectablePunch[] = [];
  const inDue = sessions[first].start;
  if (inDue.getTime() <= now.getTime()) {
    if (result.firstIn === null) found.push({ session: first, direction: 'in', due: inDue, recorded: null, problem: 'missing', kind: 'missing_punch' });
    else if (result.lateMinutes > 0) found.push({ session: first, direction: 'in', due: inDue, recorded: result.firstIn, problem: 'late', kind: 'late_arrival' });
  }
  const outDue = sessions[last].end;
  if (outDue.getTime() <= now.getTime()) {
    if (result.lastOut === null) found.push({ session: last, direction: 'out', due: outDue, recorded: null, problem: 'missing', kind: 'missing_punch' });
    else if (result.earlyMinutes > 0) found.push({ session: last, direction: 'out', due: outDue, recorded: result.lastOut, problem: 'early', kind: 'early_departure' });
  }
  return found;
}

/**
 * What a claimed time corrects for the punch it names, or null when it corrects nothing: the punch
 * is not one the day judges or has nothing wrong, or the time would not improve on the record (a
 * late arrival is corrected by an earlier time, an early departure by a later one).
 */
export function correctionFor(correctable: readonly CorrectablePunch[], session: number, direction: PunchDirection, at: Date): CorrectablePunch | null {
  const punch = correctable.find((candidate) => candidate.session === session && candidate.direction === direction);
  if (!punch) return null;
  if (punch.problem === 'late' && !(punch.recorded !== null && at.getTime() < punch.recorded.getTime())) return null;
  if (punch.problem === 'early' && !(punch.recorded !== null && at.getTime() > punch.recorded.getTime())) return null;
  return punch;
}
