import type { Session } from '../attendance/types';
import { clipSpans, type Span, spansLength, subtractSpans } from '../time/spans';
import type { ApprovedWindow, OvertimeKind, OvertimePolicy } from './policy';

export type { ApprovedWindow };

/**
 * How much overtime a judged day credits (劳动法 第41/44条, issue 22). Pure: the approved windows,
 * the person's shift sessions and the day's clock records come in; the company's counting setting
 * decides which of them count. Whole minutes, rounded down to the unit after the break.
 */

export interface OvertimeDayInput {
  kind: OvertimeKind;
  windows: readonly ApprovedWindow[];
  /** The shift's sessions that day (none on a day off): normal work, never overtime. */
  sessions: readonly Session[];
  /** The clock records read for the day. */
  punches: readonly Date[];
  policy: OvertimePolicy;
}

export interface OvertimeCredit {
  /** Null when nothing is credited (the stored day's overtime_kind). */
  kind: OvertimeKind | null;
  minutes: number;
  /** Of rest-day minutes, those taken back as time off in lieu (调休); never more than `minutes`. */
  lieuMinutes: number;
  /** Minutes found before the break, the cap and the rounding. */
  countedMinutes: number;
  /** The break deducted (0: none). */
  breakMinutes: number;
  /** Set when the daily cap cut the counted time (punches_only). */
  cappedAtMinutes: number | null;
  /** After the break and the cap, before rounding down to the unit. */
  unroundedMinutes: number;
}

const MINUTE_MS = 60_000;
/** The stored day holds at most a day of overtime. */
const MAX_MINUTES = 1440;

export const NO_OVERTIME: Readonly<OvertimeCredit> = Object.freeze({ kind: null, minutes: 0, lieuMinutes: 0, countedMinutes: 0, breakMinutes: 0, cappedAtMinutes: null, unroundedMinutes: 0 });

const spanOf = (interval: { start: Date; end: Date }): Span => ({ start: interval.start.getTime(), end: interval.end.getTime() });

/** Milliseconds counted from each window (lieu or pay), or from the punches alone. */
function countedMs(input: OvertimeDayInput, instants: number[]): { pay: number; lieu: number } {
  const first = instants[0];
  const last = instants[instants.length - 1];
  const { overtimeCounting: mode } = input.policy;
  if (mode === 'punches_only') {
    if (input.sessions.length > 0) {
      // From the end of the shift to the last record: arriving early never counts.
      const shiftEnd = Math.max(...input.sessions.map((s) => s.end.getTime()));
      return { pay: last !== undefined && last > shiftEnd ? last - shiftEnd : 0, lieu: 0 };
    }
    return { pay: instants.length >= 2 ? last - first : 0, lieu: 0 };
  }
  let pay = 0;
  let lieu = 0;
  // Extended hours are the time outside the shift's sessions, and time two windows share counts
  // once, in the first (the database refuses overlapping requests; the rule does not rely on it).
  const taken: Span[] = input.sessions.map(spanOf);
  for (const window of input.windows) {
    const pieces = subtractSpans(spanOf(window), taken);
    taken.push(spanOf(window));
    // Only the time between the first and the last record inside the window: early arrival before an approved window never counts.
    const ms = mode === 'approved_window' ? spansLength(pieces) : instants.length >= 2 ? spansLength(clipSpans(pieces, { start: first, end: last })) : 0;
    if (window.compensation === 'lieu' && input.kind === 'rest_day') lieu += ms;
    else pay += ms;
  }
  return { pay, lieu };
}

/**
 * The credited minutes of a day: counted by the setting, less the break once it is earned, capped by
 * the daily cap when punches alone count, rounded down to the unit. Of rest-day minutes, the share
 * of windows asked as time off in lieu is lieu (rounded down too, so paid time is never lost).
 */
export function creditOvertime(input: OvertimeDayInput): OvertimeCredit {
  const { policy } = input;
  if (policy.overtimeCounting !== 'punches_only' && input.windows.length === 0) return NO_OVERTIME;
  const instants = [...new Set(input.punches.map((p) => p.getTime()))].sort((a, b) => a - b);
  const { pay, lieu } = countedMs(input, instants);
  const counted = Math.floor((pay + lieu) / MINUTE_MS);
  const earnsBreak = policy.overtimeBreakAfterMinutes !== null && policy.overtimeBreakMinutes !== null && counted >= policy.overtimeBreakAfterMinutes;
  const breakMinutes = earnsBreak ? Math.min(counted, policy.overtimeBreakMinutes ?? 0) : 0;
  let minutes = Math.min(MAX_MINUTES, counted - breakMinutes);
  let cappedAtMinutes: number | null = null;
  if (policy.overtimeCounting === 'punches_only' && minutes > policy.overtimeDailyCapMinutes) {
    minutes = policy.overtimeDailyCapMinutes;
    cappedAtMinutes = policy.overtimeDailyCapMinutes;
  }
  const unit = Math.max(1, policy.overtimeUnitMinutes);
  const unroundedMinutes = minutes;
  minutes = Math.floor(minutes / unit) * unit;
  const lieuShare = pay + lieu === 0 ? 0 : lieu / (pay + lieu);
  const lieuMinutes = lieuShare === 1 ? minutes : Math.floor((minutes * lieuShare) / unit) * unit;
  return { kind: minutes > 0 ? input.kind : null, minutes, lieuMinutes, countedMinutes: counted, breakMinutes, cappedAtMinutes, unroundedMinutes };
}
