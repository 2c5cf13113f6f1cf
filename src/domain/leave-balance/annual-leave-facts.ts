import type { ErrorDetail } from '../errors/domain-error';
import { isCalendarDate } from './calendar-days';

/** What the year held that can take the year's annual leave away (条例 第四条; 实施办法 第八条). */
export interface ExclusionFacts {
  /** Days of personal leave (事假) in the year for which the company did not deduct pay (条例 第四条（二）). */
  personalLeaveDaysWithoutDeduction: number;
  /** Calendar days of sick leave in the year, rest days and holidays inside it included (AL-D5). */
  sickLeaveCalendarDays: number;
  /** Annual leave had been taken in the year before the exclusion arose (实施办法 第八条, AL-D7). */
  leaveTakenBeforeExclusion: boolean;
}

/** Everything the statutory entitlement of one person for one calendar year depends on. */
export interface AnnualLeaveFacts {
  year: number;
  /** 参加工作时间: the first day of full-time work anywhere (实施办法 第四条). */
  workStartedOn: string;
  /** The first day in this company. */
  hiredOn: string;
  /** The last day in this company, or null while employed. */
  leftOn: string | null;
  /** Annual leave days taken in the year so far, halves allowed; what 实施办法 第十二条 subtracts on leaving. */
  takenDays: number;
  exclusion: ExclusionFacts;
  /**
   * The previous year's result said `excludesNextYear`: leave taken there before an exclusion
   * arose costs this year's leave (实施办法 第八条).
   */
  excludedByPreviousYear: boolean;
}

/** Kaoqin's business years (the same range its date fields accept). */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2099;

const isHalfDays = (value: number) => Number.isFinite(value) && value >= 0 && Number.isInteger(value * 2);

/** Why the facts cannot be judged, one detail per field; empty when they can. */
export function annualLeaveFactsProblems(facts: AnnualLeaveFacts): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!Number.isInteger(facts.year) || facts.year < FIRST_YEAR || facts.year > LAST_YEAR) {
    problems.push({ field: 'year', message: `year must be a whole year from ${FIRST_YEAR} to ${LAST_YEAR}` });
  }
  const dates = { workStartedOn: facts.workStartedOn, hiredOn: facts.hiredOn, ...(facts.leftOn === null ? {} : { leftOn: facts.leftOn }) };
  for (const [field, value] of Object.entries(dates)) {
    if (!isCalendarDate(value)) problems.push({ field, message: `${field} must be a real date written YYYY-MM-DD` });
  }
  if (problems.length === 0) {
    if (facts.workStartedOn > facts.hiredOn) problems.push({ field: 'workStartedOn', message: 'workStartedOn must not be after hiredOn' });
    if (facts.leftOn !== null && facts.leftOn < facts.hiredOn) problems.push({ field: 'leftOn', message: 'leftOn must not be before hiredOn' });
  }
  const amounts = {
    takenDays: facts.takenDays,
    'exclusion.personalLeaveDaysWithoutDeduction': facts.exclusion.personalLeaveDaysWithoutDeduction,
    'exclusion.sickLeaveCalendarDays': facts.exclusion.sickLeaveCalendarDays,
  };
  for (const [field, value] of Object.entries(amounts)) {
    if (!isHalfDays(value)) problems.push({ field, message: `${field} must be zero or more days, in half days` });
  }
  return problems;
}
