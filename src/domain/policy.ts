import { buildShiftDay } from './attendance/schedule';
import type { ShiftDay } from './attendance/types';
import { CalendarDay, CalendarOverride, resolveCalendarDay } from './calendar/calendar-day';
import { SettingVersion, versionOn } from './settings';
import type { ShiftCode, ShiftVersion } from './shifts';

/**
 * Everything that decides schedules over a range of dates, loaded once: the company zone, the
 * settings and shift versions, calendar overrides and the duty roster. Pure lookups from here on.
 */
export interface Policy {
  timeZone: string;
  settings: SettingVersion[];
  shifts: Record<ShiftCode, ShiftVersion[]>;
  overrides: Map<string, CalendarOverride>;
  /** date → the staff member on duty. */
  roster: Map<string, string>;
}

export interface EmploymentSpan {
  id: string;
  hiredOn: string;
  leftOn: string | null;
}

export type ScheduleReason = 'office' | 'duty' | 'holiday' | 'rest' | 'not_employed';

export interface ScheduledDate {
  date: string;
  calendar: CalendarDay;
  employed: boolean;
  onDuty: boolean;
  reason: ScheduleReason;
  /** Null when the person is not scheduled that date. */
  shift: ShiftDay | null;
}

export const isEmployedOn = (staff: EmploymentSpan, date: string): boolean =>
  staff.hiredOn <= date && (staff.leftOn === null || date <= staff.leftOn);

export function calendarOn(policy: Policy, date: string): CalendarDay {
  return resolveCalendarDay(date, policy.overrides.get(date), versionOn(policy.settings, date).workWeek);
}

/**
 * H-ATT-2/3/4: the person on duty works the duty shift; everyone else the office shift on
 * workdays and make-up workdays; holidays and rest days are off unless rostered.
 */
export function scheduleOn(policy: Policy, staff: EmploymentSpan, date: string): ScheduledDate {
  const calendar = calendarOn(policy, date);
  const employed = isEmployedOn(staff, date);
  const onDuty = policy.roster.get(date) === staff.id;
  if (!employed) return { date, calendar, employed, onDuty, reason: 'not_employed', shift: null };
  const code: ShiftCode | null = onDuty ? 'duty' : calendar.kind === 'workday' || calendar.kind === 'makeup_workday' ? 'office' : null;
  if (code === null) return { date, calendar, employed, onDuty, reason: calendar.kind === 'holiday' ? 'holiday' : 'rest', shift: null };
  return { date, calendar, employed, onDuty, reason: code, shift: shiftDayOn(policy, code, date) };
}

// Everyone on the office shift shares the same ShiftDay for a date: build it once per policy.
const shiftDays = new WeakMap<Policy, Map<string, ShiftDay>>();

function shiftDayOn(policy: Policy, code: ShiftCode, date: string): ShiftDay {
  let cache = shiftDays.get(policy);
  if (!cache) shiftDays.set(policy, (cache = new Map()));
  const key = `${code}|${date}`;
  let day = cache.get(key);
  if (!day) {
    day = buildShiftDay(date, { code, sessions: versionOn(policy.shifts[code], date).sessions }, policy.timeZone);
    cache.set(key, day);
  }
  return day;
}
