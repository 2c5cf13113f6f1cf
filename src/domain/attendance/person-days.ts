import { classifyDay } from './classify-day';
import { assignPunches, punchWindows } from './schedule';
import type { DayResult, ExemptionCover, LeaveCover, Punch, PunchWindow, ShiftDay } from './types';
import { addDays, datesBetween } from '../calendar/calendar-day';
import { EmploymentSpan, Policy, ScheduledDate, scheduleOn } from '../policy';
import { versionOn } from '../settings';
import { localDate } from '../time/company-time';

export interface DayCovers {
  leave: LeaveCover[];
  exemptions: ExemptionCover[];
}

export const NO_COVERS: DayCovers = Object.freeze({ leave: [], exemptions: [] }) as DayCovers;

export interface ComputedDay {
  schedule: ScheduledDate;
  window: PunchWindow | null;
  punches: Punch[];
  result: DayResult;
}

export interface PersonDays {
  days: ComputedDay[];
  /** Punches in the loaded span that fall in no window (kept and shown, never dropped). */
  unassigned: Punch[];
}

function windowsOf(policy: Policy, schedules: ScheduledDate[]): PunchWindow[] {
  const scheduled = schedules.filter((day): day is ScheduledDate & { shift: ShiftDay } => day.shift !== null);
  return punchWindows(
    scheduled.map((day) => day.shift),
    (date) => versionOn(policy.settings, date).punchWindowOpenMinutes,
    (date) => versionOn(policy.settings, date).punchWindowCloseMinutes,
  );
}

/**
 * The date whose punch window holds one punch (null: none does), as `computePersonDays` assigns
 * it: a punch's window depends only on the schedules around its local date, never on other
 * punches, so this needs no punches and no leave.
 */
export function assignedDateOf(policy: Policy, staff: EmploymentSpan, at: Date): string | null {
  const date = localDate(at, policy.timeZone);
  // The same span computePersonDays schedules for [date - 1, date + 1]: every window that can hold an
  // instant of this local date, with the neighbours that decide where it is split.
  const schedules = datesBetween(addDays(date, -2), addDays(date, 2)).map((day) => scheduleOn(policy, staff, day));
  const instant = at.getTime();
  const window = windowsOf(policy, schedules).find((w) => w.open.getTime() <= instant && instant < w.close.getTime());
  return window ? window.date : null;
}

/**
 * One person's schedules, punch windows, punch assignment and day results for [from, to]. The
 * neighbouring dates are scheduled too, because a duty shift's window reaches past midnight and
 * the split between two windows depends on both shifts (H-ATT-4).
 */
export function computePersonDays(
  policy: Policy,
  staff: EmploymentSpan,
  from: string,
  to: string,
  punches: Punch[],
  coversOn: (date: string) => DayCovers,
  now: Date,
): PersonDays {
  const span = datesBetween(addDays(from, -1), addDays(to, 1));
  const schedules = span.map((date) => scheduleOn(policy, staff, date));
  const windows = windowsOf(policy, schedules);
  const windowByDate = new Map(windows.map((window) => [window.date, window]));
  const { byDate, unassigned } = assignPunches(windows, punches);
  // A day off has no window: the records of its local date are shown there, as ignored (H-ATT-7).
  const offDayPunches = new Map<string, Punch[]>();
  for (const punch of unassigned) {
    const date = localDate(punch.at, policy.timeZone);
    offDayPunches.set(date, [...(offDayPunches.get(date) ?? []), punch]);
  }
  const days = schedules
    .filter((schedule) => schedule.date >= from && schedule.date <= to)
    .map((schedule): ComputedDay => {
      const window = windowByDate.get(schedule.date) ?? null;
      const dayPunches = byDate.get(schedule.date) ?? [];
      const judged = schedule.shift ? dayPunches : (offDayPunches.get(schedule.date) ?? []);
      const covers = coversOn(schedule.date);
      const result = classifyDay({
        date: schedule.date,
        zone: policy.timeZone,
        employed: schedule.employed,
        calendarKind: schedule.calendar.kind,
        holidayName: schedule.calendar.name,
        schedule: schedule.shift,
        window,
        punches: judged,
        leave: covers.leave,
        exemptions: covers.exemptions,
        settings: versionOn(policy.settings, schedule.date),
        now,
      });
      return { schedule, window, punches: dayPunches, result };
    });
  return { days, unassigned };
}
