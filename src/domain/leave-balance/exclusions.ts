import type { ExclusionFacts } from './annual-leave-facts';
import { sickLeaveThresholdMonths } from './service-years';

/** 条例 第四条（二）: personal leave of 20 days or more, pay not deducted, excludes the year's leave. */
export const PERSONAL_LEAVE_THRESHOLD_DAYS = 20;

/** A month of sick leave, in calendar days (AL-D5). */
export const SICK_LEAVE_DAYS_PER_MONTH = 30;

export interface Exclusion {
  reason: 'personal_leave' | 'sick_leave';
  /** The days the year held of that leave. */
  days: number;
  /** The days from which the leave excludes annual leave. */
  thresholdDays: number;
  /** Leave had been taken before: the year keeps its leave and the next year has none (实施办法 第八条). */
  afterLeaveTaken: boolean;
}

/**
 * The exclusion of 条例 第四条 that applies to the year, or null. `serviceYears` is the service
 * the person reaches by the end of the year in the company (AL-D5). Personal leave is named first
 * when both apply: either suffices, and one reason is what the explanation needs.
 * 条例 第四条（一） (winter and summer holidays longer than the annual leave) concerns schools,
 * not a company, and is not modelled.
 */
export function exclusionOf(facts: ExclusionFacts, serviceYears: number): Exclusion | null {
  const afterLeaveTaken = facts.leaveTakenBeforeExclusion;
  if (facts.personalLeaveDaysWithoutDeduction >= PERSONAL_LEAVE_THRESHOLD_DAYS) {
    return { reason: 'personal_leave', days: facts.personalLeaveDaysWithoutDeduction, thresholdDays: PERSONAL_LEAVE_THRESHOLD_DAYS, afterLeaveTaken };
  }
  const sickThreshold = sickLeaveThresholdMonths(serviceYears) * SICK_LEAVE_DAYS_PER_MONTH;
  if (facts.sickLeaveCalendarDays >= sickThreshold) {
    return { reason: 'sick_leave', days: facts.sickLeaveCalendarDays, thresholdDays: sickThreshold, afterLeaveTaken };
  }
  return null;
}
