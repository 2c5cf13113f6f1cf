import { DateTime } from 'luxon';
import { buildShiftDay, punchWindows } from '../../../src/domain/attendance/schedule';
import {
  DEFAULT_RULE_SETTINGS,
  type CalendarKind,
  type DayInput,
  type ExemptionCover,
  type LeaveCover,
  type Punch,
  type RuleSettings,
  type ShiftDefinition,
} from '../../../src/domain/attendance/types';

/** The handbook's setting for the scenarios: company zone, H-ATT-3 office shift, H-ATT-4 duty shift. */
export const ZONE = 'Asia/Shanghai';
export const BERLIN = 'Europe/Berlin';
export const OFFICE: ShiftDefinition = { code: 'office', sessions: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }] };
export const DUTY: ShiftDefinition = { code: 'duty', sessions: [{ start: '16:00', end: '24:00' }] };
export const OPEN_BEFORE = 180;
export const CLOSE_AFTER = 360;

export const PERSONAL_AM: LeaveCover = { typeCode: 'personal', typeName: { zh: '事假', en: 'Personal leave' }, part: 'am' };
export const PERSONAL_PM: LeaveCover = { typeCode: 'personal', typeName: { zh: '事假', en: 'Personal leave' }, part: 'pm' };
export const SICK_FULL: LeaveCover = { typeCode: 'sick', typeName: { zh: '病假', en: 'Sick leave' }, part: 'full' };

/** A local wall-clock time ('HH:mm' or 'HH:mm:ss') on a date, as an instant. */
export function at(date: string, time: string, zone: string = ZONE): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) throw new Error(`bad local time ${date} ${time}`);
  return local.toJSDate();
}

/** The calendar date `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** Local wall-clock seconds after the start of `date` (may run into the next day), as an instant. */
export function atSecondOfDay(date: string, secondOfDay: number, zone: string): Date {
  const dayOffset = Math.floor(secondOfDay / 86400);
  const rest = secondOfDay - dayOffset * 86400;
  const day = DateTime.fromISO(addDays(date, dayOffset), { zone });
  return day.set({ hour: Math.floor(rest / 3600), minute: Math.floor((rest % 3600) / 60), second: rest % 60 }).toJSDate();
}

export function punchesAt(date: string, ...times: string[]): Punch[] {
  return times.map((time, i) => ({ id: `p${i}`, at: at(date, time) }));
}

export interface DayOptions {
  date?: string;
  zone?: string;
  shift?: ShiftDefinition | null;
  calendarKind?: CalendarKind;
  holidayName?: string | null;
  employed?: boolean;
  punches?: Punch[];
  leave?: LeaveCover[];
  exemptions?: ExemptionCover[];
  settings?: Partial<RuleSettings>;
  now?: Date;
}

/** A day input with the scenarios' defaults: an office workday in Shanghai, judged three days later. */
export function dayInput(options: DayOptions = {}): DayInput {
  const date = options.date ?? '2026-05-06';
  const zone = options.zone ?? ZONE;
  const shift = options.shift === undefined ? OFFICE : options.shift;
  const schedule = shift ? buildShiftDay(date, shift, zone) : null;
  return {
    date,
    zone,
    employed: options.employed ?? true,
    calendarKind: options.calendarKind ?? 'workday',
    holidayName: options.holidayName ?? null,
    schedule,
    window: schedule ? punchWindows([schedule], OPEN_BEFORE, CLOSE_AFTER)[0] : null,
    punches: options.punches ?? [],
    leave: options.leave ?? [],
    exemptions: options.exemptions ?? [],
    settings: { ...DEFAULT_RULE_SETTINGS, ...options.settings },
    now: options.now ?? at(addDays(date, 3), '12:00', zone),
  };
}
