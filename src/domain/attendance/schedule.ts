import { DateTime } from 'luxon';
import type { Punch, PunchWindow, Session, ShiftDay, ShiftDefinition } from './types';
import { fastZone } from '../time/fast-zone';
import { fromWallClockMs, toWallClockMs } from '../time/wall-clock';

const CLOCK = /^(\d{2}):(\d{2})$/;
const MINUTE_MS = 60_000;

interface ClockTime {
  hour: number;
  minute: number;
}

/** Parses 'HH:mm'; '24:00' only where an end is meant (the duty shift ends at midnight, H-ATT-4). */
function parseClock(text: string, isEnd: boolean): ClockTime {
  const match = CLOCK.exec(text);
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  const midnightEnd = isEnd && hour === 24 && minute === 0;
  if (!midnightEnd && !(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    throw new RangeError(`invalid ${isEnd ? 'end' : 'start'} time '${text}', expected HH:mm`);
  }
  return { hour, minute };
}

/** Local midnight at the start of `date` in `zone`; refuses malformed dates and unknown zones. */
export function startOfLocalDay(date: string, zone: string): DateTime {
  const key = `${zone}|${date}`;
  const known = dayStarts.get(key);
  if (known) return known;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`invalid date '${date}', expected YYYY-MM-DD`);
  const day = DateTime.fromISO(date, { zone: fastZone(zone) });
  if (!day.isValid) throw new RangeError(`invalid date '${date}' or time zone '${zone}': ${day.invalidReason ?? ''}`);
  if (dayStarts.size >= 100_000) dayStarts.clear();
  dayStarts.set(key, day.startOf('day'));
  return dayStarts.get(key) as DateTime;
}

// DateTimes are immutable, so a day's start can be shared: every explanation sentence asks for it.
const dayStarts = new Map<string, DateTime>();

/**
 * A wall-clock time on a local day. Luxon resolves it in the zone's rules for that very day, so a
 * DST change moves the instant, never the local time the handbook speaks of. A time inside a
 * spring-forward gap moves forward by the gap; an ambiguous fall-back time takes luxon's choice.
 */
function wallClock(day: DateTime, time: ClockTime): DateTime {
  if (time.hour === 24) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
}

/**
 * Turns a shift's local sessions into absolute instants on `date` in `zone` (H-ATT-3, H-ATT-4).
 * An end of '24:00' is midnight at the start of the next calendar day; an end at or before the
 * start in local clock time also falls on the next day (a night session).
 */
export function buildShiftDay(date: string, shift: ShiftDefinition, zone: string): ShiftDay {
  if (shift.sessions.length === 0) throw new RangeError(`shift '${shift.code}' has no sessions`);
  const day = startOfLocalDay(date, zone);
  const sessions: Session[] = shift.sessions.map((local) => {
    const startTime = parseClock(local.start, false);
    const endTime = parseClock(local.end, true);
    const startsAt = wallClock(day, startTime);
    const endsSameDay = endTime.hour * 60 + endTime.minute > startTime.hour * 60 + startTime.minute;
    // '24:00' is handled by wallClock itself; other "end <= start" ends are read on the next day.
    const endsAt = endsSameDay || endTime.hour === 24 ? wallClock(day, endTime) : wallClock(day.plus({ days: 1 }), endTime);
    return { start: startsAt.toJSDate(), end: endsAt.toJSDate() };
  });
  sessions.sort((a, b) => a.start.getTime() - b.start.getTime());
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i].start.getTime() < sessions[i - 1].end.getTime()) {
      throw new RangeError(`shift '${shift.code}' has overlapping sessions on ${date}`);
    }
  }
  return { date, shiftCode: shift.code, sessions, zone };
}

export function shiftStart(day: ShiftDay): Date {
  return day.sessions[0].start;
}

export function shiftEnd(day: ShiftDay): Date {
  return day.sessions[day.sessions.length - 1].end;
}

/**
 * An instant's local wall-clock reading as milliseconds on a zone-less line. Window margins and
 * midpoints are taken on this line, so they mean the same local times in every zone and on DST
 * nights too (the duty/office split is 04:15 local even when the clocks change at 02:00).
 */
function toWallClock(instant: Date, zone: string): number {
  return toWallClockMs(instant.getTime(), zone);
}

/** Back from the wall-clock line; a time in a spring-forward gap moves forward by the gap. */
function fromWallClock(wall: number, zone: string): Date {
  return new Date(fromWallClockMs(wall, zone));
}

function shiftWallClock(instant: Date, minutes: number, zone: string): Date {
  return fromWallClock(toWallClock(instant, zone) + minutes * MINUTE_MS, zone);
}

/**
 * The punch windows of one person's consecutive scheduled days (sorted by date): from `openBefore`
 * minutes before the first session to `closeAfter` minutes after the last, in wall-clock minutes of
 * the day's zone. Where neighbouring windows overlap (duty until 24:00, office from 08:30 next
 * morning), both are cut at the midpoint between the earlier shift's end and the later shift's
 * start, so that a clock-out shortly after midnight still belongs to the duty of the day before
 * (H-ATT-4) and no instant belongs to two days.
 */
export function punchWindows(
  days: ShiftDay[],
  openBeforeMinutes: number | ((date: string) => number),
  closeAfterMinutes: number | ((date: string) => number),
): PunchWindow[] {
  // Margins may differ by date: each day uses the settings in force on it.
  const openOf = typeof openBeforeMinutes === 'number' ? () => openBeforeMinutes : openBeforeMinutes;
  const closeOf = typeof closeAfterMinutes === 'number' ? () => closeAfterMinutes : closeAfterMinutes;
  const windows: PunchWindow[] = days.map((day, i) => {
    if (day.sessions.length === 0) throw new RangeError(`shift day ${day.date} has no sessions`);
    if (i > 0 && days[i - 1].date >= day.date) throw new RangeError('shift days must be sorted by date, one per date');
    const open = openOf(day.date);
    const close = closeOf(day.date);
    if (!(open >= 0) || !(close >= 0)) throw new RangeError('punch window margins must be non-negative minutes');
    return {
      date: day.date,
      open: shiftWallClock(shiftStart(day), -open, day.zone),
      close: shiftWallClock(shiftEnd(day), close, day.zone),
    };
  });
  for (let i = 1; i < windows.length; i++) {
    const earlier = windows[i - 1];
    const later = windows[i];
    if (earlier.close.getTime() <= later.open.getTime()) continue;
    const earlierEnd = shiftEnd(days[i - 1]);
    const laterStart = shiftStart(days[i]);
    if (laterStart.getTime() < earlierEnd.getTime()) throw new RangeError(`shifts of ${earlier.date} and ${later.date} overlap`);
    const zone = days[i].zone;
    // Floor keeps the split on a whole millisecond; with minute-based shifts it is exact anyway.
    const wallMidpoint = Math.floor((toWallClock(earlierEnd, zone) + toWallClock(laterStart, zone)) / 2);
    // A midpoint in a DST gap could land outside the two shifts; clamp it between them.
    const midpoint = new Date(Math.min(Math.max(fromWallClock(wallMidpoint, zone).getTime(), earlierEnd.getTime()), laterStart.getTime()));
    windows[i - 1] = { ...earlier, close: midpoint };
    windows[i] = { ...later, open: midpoint };
  }
  return windows;
}

function byInstant(a: Punch, b: Punch): number {
  return a.at.getTime() - b.at.getTime() || (a.id ?? '').localeCompare(b.id ?? '');
}

/**
 * Gives each punch to the window with open <= at < close. Every window's date is a key (possibly
 * with no punches); punches outside all windows are returned as unassigned, never dropped, so that
 * someone can look at them. Lists are in time order.
 */
export function assignPunches(
  windows: PunchWindow[],
  punches: Punch[],
): { byDate: Map<string, Punch[]>; unassigned: Punch[] } {
  const byDate = new Map<string, Punch[]>();
  for (const window of windows) {
    if (byDate.has(window.date)) throw new RangeError(`two punch windows for ${window.date}`);
    byDate.set(window.date, []);
  }
  const unassigned: Punch[] = [];
  for (const punch of [...punches].sort(byInstant)) {
    const at = punch.at.getTime();
    const window = windows.find((w) => w.open.getTime() <= at && at < w.close.getTime());
    if (window) byDate.get(window.date)?.push(punch);
    else unassigned.push(punch);
  }
  return { byDate, unassigned };
}
