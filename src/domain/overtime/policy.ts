/**
 * Overtime (加班, issue 22; 劳动法 第41/44条): the kinds of day, how a request is paid back, and the
 * company's settings, one part of each effective-dated settings version.
 */

/** The day type decides the rule and the rate (第44条): extended hours on a working day, a rest day, a statutory holiday. */
export const OVERTIME_KINDS = ['workday', 'rest_day', 'holiday'] as const;
export type OvertimeKind = (typeof OVERTIME_KINDS)[number];

/** Pay, or time off in lieu (调休): the latter only for rest-day work (第44条). */
export const COMPENSATIONS = ['pay', 'lieu'] as const;
export type Compensation = (typeof COMPENSATIONS)[number];

/** An approved (or filed) overtime request's window on its day. */
export interface ApprovedWindow {
  start: Date;
  end: Date;
  compensation: Compensation;
}

/**
 * How credited minutes are found after the day: the clock records inside the approved window
 * (default), the approved window alone, or the clock records alone without any request.
 */
export const OVERTIME_COUNTING = ['punches_in_window', 'approved_window', 'punches_only'] as const;
export type OvertimeCounting = (typeof OVERTIME_COUNTING)[number];

/** The minimum rate of each kind, in percent of the normal wage (劳动法 第44条). */
export const OVERTIME_RATE_PERCENT: Readonly<Record<OvertimeKind, number>> = Object.freeze({ workday: 150, rest_day: 200, holiday: 300 });

export interface OvertimePolicy {
  overtimeCounting: OvertimeCounting;
  /** Credited minutes are rounded down to a multiple of this. */
  overtimeUnitMinutes: number;
  /** Once the credited time reaches this many minutes, overtimeBreakMinutes are deducted (null: no break). */
  overtimeBreakAfterMinutes: number | null;
  overtimeBreakMinutes: number | null;
  /** 第41条: extended hours on a working day, at most 3 h a day. */
  overtimeDailyCapMinutes: number;
  /** 第41条: at most 36 h a month, every kind counted. */
  overtimeMonthlyCapMinutes: number;
  /** A request may be filed afterwards for a day at most this many days back (0: only today or ahead). */
  overtimeDaysAfter: number;
}

export const DEFAULT_OVERTIME_POLICY: Readonly<OvertimePolicy> = Object.freeze({
  overtimeCounting: 'punches_in_window',
  overtimeUnitMinutes: 30,
  overtimeBreakAfterMinutes: null,
  overtimeBreakMinutes: null,
  overtimeDailyCapMinutes: 180,
  overtimeMonthlyCapMinutes: 2160,
  overtimeDaysAfter: 7,
});

/** What is wrong with a version's break setting (both bounds or neither, the break shorter than the time that earns it), or null. */
export function overtimeBreakProblem(policy: Pick<OvertimePolicy, 'overtimeBreakAfterMinutes' | 'overtimeBreakMinutes'>): { field: string; message: string } | null {
  const { overtimeBreakAfterMinutes: after, overtimeBreakMinutes: minutes } = policy;
  if ((after === null) !== (minutes === null)) return { field: after === null ? 'overtimeBreakAfterMinutes' : 'overtimeBreakMinutes', message: 'must be set together with the other break setting' };
  if (after !== null && minutes !== null && minutes >= after) return { field: 'overtimeBreakMinutes', message: 'must be shorter than overtimeBreakAfterMinutes' };
  return null;
}
