import { addDays } from '../calendar/calendar-day';
import { type LeaveSpan, slotsOf } from '../leave-rules';
import type { ExclusionFacts } from './annual-leave-facts';
import { yearBounds } from './calendar-days';
import { PERSONAL_LEAVE_THRESHOLD_DAYS } from './exclusions';

/** Approved leave of a kind 条例 第四条 counts, as the leave tables hold it. */
export interface CountedLeave extends LeaveSpan {
  /** 'personal': 事假 whose pay the company does not deduct; 'sick': 病假. */
  kind: 'personal' | 'sick';
  /** The request's working days (what personal leave is counted in). */
  workingDays: number;
}

/** The half-day slots of [from, to) that fall in the year, and the first of them. */
function inYear(span: LeaveSpan, year: number): { halves: number; firstSlot: number } {
  const { start, end } = yearBounds(year);
  const [yearFrom, yearTo] = slotsOf({ startDate: start, startHalf: null, endDate: end, endHalf: null });
  const [from, to] = slotsOf(span);
  const first = Math.max(from, yearFrom);
  return { halves: Math.max(0, Math.min(to, yearTo) - first), firstSlot: first - yearFrom };
}

/**
 * The year's exclusion facts (条例 第四条) from its approved personal and sick leave:
 * - sick leave in calendar days, rest days and holidays inside it included (AL-D5): the half days
 *   the requests cover in the year, halved;
 * - personal leave without pay deduction in working days; a request across New Year counts in each
 *   year in proportion to its calendar half days there;
 * - whether annual leave had been taken before the exclusion arose (实施办法 第八条, AL-D7): on the
 *   day the count reaches its threshold, `annualTakenBefore` says whether any was taken before it.
 */
export function exclusionFactsOf(year: number, leaves: readonly CountedLeave[], sickThresholdDays: number, annualTakenBefore: (date: string) => boolean): ExclusionFacts {
  const sorted = [...leaves].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const count = { personal: 0, sick: 0 };
  const reached: { personal: string | null; sick: string | null } = { personal: null, sick: null };
  const thresholds = { personal: PERSONAL_LEAVE_THRESHOLD_DAYS, sick: sickThresholdDays };
  for (const leave of sorted) {
    const { halves, firstSlot } = inYear(leave, year);
    if (halves === 0) continue;
    const [from, to] = slotsOf(leave);
    const days = leave.kind === 'sick' ? halves / 2 : Math.round(((leave.workingDays * halves) / (to - from)) * 2) / 2;
    const before = count[leave.kind];
    count[leave.kind] += days;
    if (reached[leave.kind] === null && count[leave.kind] >= thresholds[leave.kind]) {
      // The calendar day within this request on which the count reaches the threshold.
      const into = leave.kind === 'sick' ? Math.ceil(thresholds.sick - before) - 1 : 0;
      reached[leave.kind] = addDays(`${year}-01-01`, Math.floor(firstSlot / 2) + Math.max(0, into));
    }
  }
  const arose = reached.personal ?? reached.sick;
  return {
    personalLeaveDaysWithoutDeduction: count.personal,
    sickLeaveCalendarDays: count.sick,
    leaveTakenBeforeExclusion: arose !== null && annualTakenBefore(arose),
  };
}
