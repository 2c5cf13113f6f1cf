import { DateTime } from 'luxon';
import type { CalendarKind } from '../attendance/types';
import { statutoryDay } from './statutory-holidays';

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
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  return { date, kind: workWeek.includes(weekday) ? 'workday' : 'rest', name: null, source: 'work_week' };
}

/** Dates of a `YYYY-MM` month, or of [from, to], as `YYYY-MM-DD` (calendar arithmetic, no zone involved). */
export function datesBetween(from: string, to: string): string[] {
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
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
