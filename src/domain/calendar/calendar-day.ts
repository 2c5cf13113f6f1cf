import { DateTime } from 'luxon';
import type { CalendarKind } from '../attendance/types';
import { statutoryDay } from './statutory-holidays';
import { isoDateOfDay } from '../time/wall-clock';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const dayNumbers = new Map<string, number>();

/**
 * Days since 1970-01-01 of a valid 'YYYY-MM-DD', or null (then luxon decides, as before): date
 * arithmetic on day numbers is what the rules do for every person and date of a recompute.
 */
function dayNumberOf(date: string): number | null {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  if (!ISO_DATE.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 02-30 over into March: only a date that reads back the same is valid.
  if (Number.isNaN(ms) || isoDateOfDay(ms / DAY_MS) !== date) return null;
  if (dayNumbers.size >= 100_000) dayNumbers.clear();
  dayNumbers.set(date, ms / DAY_MS);
  return ms / DAY_MS;
}

/** ISO weekday (1 Monday … 7 Sunday) of a day number: 1970-01-01 was a Thursday. */
const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

export type CalendarSource = 'override' | 'package' | 'work_week';

export interface CalendarDay {
  date: string;
  kind: CalendarKind;
  /** The holiday's (or make-up workday's, or override's) name. */
  name: string | null;
  source: CalendarSource;
}

export interface CalendarOverride {
  kind: CalendarKind;
  name: string | null;
}

/**
 * H-ATT-2: an admin's override wins; then China's statutory calendar; otherwise the work week
 * setting decides between a workday and a rest day.
 */
export function resolveCalendarDay(date: string, override: CalendarOverride | undefined, workWeek: readonly number[]): CalendarDay {
  if (override) return { date, kind: override.kind, name: override.name, source: 'override' };
  const statutory = statutoryDay(date);
  if (statutory) return { date, kind: statutory.kind, name: statutory.name, source: 'package' };
  const day = dayNumberOf(date);
  const weekday = day === null ? DateTime.fromISO(date, { zone: 'UTC' }).weekday : isoWeekday(day);
  return { date, kind: workWeek.includes(weekday) ? 'workday' : 'rest', name: null, source: 'work_week' };
}

/** Dates of a `YYYY-MM` month, or of [from, to], as `YYYY-MM-DD` (calendar arithmetic, no zone involved). */
export function datesBetween(from: string, to: string): string[] {
  const first = dayNumberOf(from);
  if (first !== null) {
    const dates: string[] = [];
    for (let day = first, date = from; date <= to; date = isoDateOfDay(++day)) dates.push(date);
    return dates;
  }
  const dates: string[] = [];
  for (let day = DateTime.fromISO(from, { zone: 'UTC' }); day.toISODate()! <= to; day = day.plus({ days: 1 })) {
    dates.push(day.toISODate()!);
  }
  return dates;
}

export function monthRange(month: string): { from: string; to: string } {
  const start = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return { from: start.toISODate()!, to: start.endOf('month').toISODate()! };
}

export function addDays(date: string, days: number): string {
  const day = dayNumberOf(date);
  if (day !== null && Number.isInteger(days)) return isoDateOfDay(day + days);
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
