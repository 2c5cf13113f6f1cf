import { classifyDay } from './classify-day';
import { assignPunches, punchWindows } from './schedule';
import type { DayResult, ExemptionCover, LeaveCover, Punch, PunchWindow, ShiftDay } from './types';
import { addDays, datesBetween } from '../calendar/calendar-day';
import { EmploymentSpan, Policy, ScheduledDate, scheduleOn } from '../policy';
import { versionOn } from '../settings';
import { localDate } from '../time/company-time';
import type { ApprovedWindow } from '../overtime/policy';

export interface DayCovers {
  leave: LeaveCover[];
  exemptions: ExemptionCover[];
  /** Approved overtime windows of the date (issue 22). */
  overtime: ApprovedWindow[];
}

export const NO_COVERS: DayCovers = Object.freeze({ leave: [], exemptions: [], overtime: [] }) as DayCovers;

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
 * What the punch windows are built around on a date: the shift, stretched over the approved overtime
 * windows so that records of extended hours belong to the day; on a day off, the overtime windows
 * alone (issue 22: punches on a rest day or holiday inside approved overtime are read for it).
 */
function workSpanOf(day: ScheduledDate, overtime: readonly ApprovedWindow[], zone: string): ShiftDay | null {
  if (!day.employed || overtime.length === 0) return day.shift;
  const instants = [...(day.shift?.sessions ?? []), ...overtime].flatMap((span) => [span.start.getTime(), span.end.getTime()]);
  const span = { start: new Date(Math.min(...instants)), end: new Date(Math.max(...instants)) };
  return { date: day.date, shiftCode: day.shift?.shiftCode ?? 'overtime', sessions: [span], zone: day.shift?.zone ?? zone };
}

function windowsOf(policy: Policy, schedules: ScheduledDate[], overtimeOn: (date: string) => readonly ApprovedWindow[] = () => []): PunchWindow[] {
  const spans: ShiftDay[] = [];
  for (const day of schedules) {
    const stretched = workSpanOf(day, overtimeOn(day.date), policy.timeZone);
    // A stretched day must not reach into its neighbour's work (overtime requests never overlap shifts,
    // but a later change of the shifts could make them): then the shift alone decides.
    const previous = spans[spans.length - 1];
    const fits = stretched !== null && (!previous || previous.sessions[previous.sessions.length - 1].end.getTime() <= stretched.sessions[0].start.getTime());
    const chosen = fits ? stretched : day.shift;
    if (chosen) spans.push(chosen);
  }
  return punchWindows(
    spans,
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
  const windows = windowsOf(policy, schedules, (date) => coversOn(date).overtime);
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
      const covers = coversOn(schedule.date);
      const judged = schedule.shift || window ? dayPunches : (offDayPunches.get(schedule.date) ?? []);
      const settings = versionOn(policy.settings, schedule.date);
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
        settings,
        overtime: { windows: covers.overtime, policy: settings },
        now,
      });
      return { schedule, window, punches: dayPunches, result };
    });
  return { days, unassigned };
}
