/**
 * Calendar arithmetic on `YYYY-MM-DD` dates as UTC midnights, so no zone can shift a day. Plain
 * Date.UTC rather than luxon: every balance read validates each ledger entry's dates, and the
 * property tests read hundreds of thousands. Dates written this way compare correctly as strings,
 * which the callers rely on.
 */

const MS_PER_DAY = 86_400_000;
const utcMs = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not: Date.UTC would roll it into March). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(utcMs(value));
  return day.getUTCFullYear() === Number(value.slice(0, 4)) && day.getUTCMonth() + 1 === Number(value.slice(5, 7)) && day.getUTCDate() === Number(value.slice(8, 10));
}

/** Calendar days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function calendarDaysInclusive(from: string, to: string): number {
  return Math.max(0, Math.round((utcMs(to) - utcMs(from)) / MS_PER_DAY) + 1);
}

/** 1 January and 31 December of a year. */
export const yearBounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The `years`-th anniversary of `date`: the first day on which that many whole years have passed
 * since it (AL-D3). 29 February falls on 1 March in a common year, because the period that began
 * on 29 February ends with the last day of February.
 */
export function anniversary(date: string, years: number): string {
  const year = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const monthDay = date.slice(5);
  return monthDay === '02-29' && !isLeapYear(Number(year)) ? `${year}-03-01` : `${year}-${monthDay}`;
}

export const laterOf = (a: string, b: string) => (a > b ? a : b);
export const earlierOf = (a: string, b: string) => (a < b ? a : b);
