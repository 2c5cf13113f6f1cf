import { classifyDay } from './rules/classify-day';
import { assignPunches, punchWindows } from './rules/schedule';
import type { DayResult, ExemptionCover, LeaveCover, Punch, PunchWindow, ShiftDay } from './rules/types';
import { addDays, datesBetween } from '../calendar/calendar-day';
import { EmploymentSpan, Policy, ScheduledDate, scheduleOn } from '../schedule/policy';
import { versionOn } from '../settings/settings.types';
import { localDate } from '../common/company-time';

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
  const scheduled = schedules.filter((day): day is ScheduledDate & { shift: ShiftDay } => day.shift !== null);
  const windows = punchWindows(
    scheduled.map((day) => day.shift),
    (date) => versionOn(policy.settings, date).punchWindowOpenMinutes,
    (date) => versionOn(policy.settings, date).punchWindowCloseMinutes,
  );
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
