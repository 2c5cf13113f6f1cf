import { anniversary } from './calendar-days';

/**
 * Length of service (累计工作时间) and what it grants. Service counts from `workStartedOn`
 * (参加工作时间), including work for other employers (实施办法 第四条; 人社厅函〔2009〕149号 counts
 * 连续工作 across employers too). Kaoqin keeps one date per person, so a gap between two jobs is
 * expressed by the office moving `workStartedOn` later; the rules read the service as unbroken.
 */

/** Whole years of service on `date` (AL-D3: the anniversary is the first day with n years). */
export function serviceYearsOn(workStartedOn: string, date: string): number {
  if (date < workStartedOn) return 0;
  let years = Number(date.slice(0, 4)) - Number(workStartedOn.slice(0, 4));
  while (years > 0 && anniversary(workStartedOn, years) > date) years -= 1;
  return years;
}

/** 条例 第三条: 1 to under 10 years of service give 5 days a year, 10 to under 20 give 10, 20 and more 15. */
export function fullYearDays(serviceYears: number): 0 | 5 | 10 | 15 {
  if (serviceYears >= 20) return 15;
  if (serviceYears >= 10) return 10;
  if (serviceYears >= 1) return 5;
  return 0;
}

/** 实施办法 第三条: annual leave is due once 12 continuous months have been worked (AL-D3). */
export const eligibleFrom = (workStartedOn: string): string => anniversary(workStartedOn, 1);

/** The anniversaries on which the full-year days change (条例 第三条): 10 and 20 years. */
export const BAND_CHANGES_AT_YEARS = [10, 20] as const;

/**
 * 条例 第四条 (三)–(五): sick leave of 2 months or more excludes annual leave for service under
 * 10 years, 3 months for 10 to under 20, 4 months for 20 and more.
 */
export function sickLeaveThresholdMonths(serviceYears: number): 2 | 3 | 4 {
  if (serviceYears >= 20) return 4;
  if (serviceYears >= 10) return 3;
  return 2;
}
