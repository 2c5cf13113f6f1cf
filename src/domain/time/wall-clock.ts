import { fastZone } from './fast-zone';

/**
 * Local wall-clock arithmetic on epoch milliseconds, for the hot paths of the attendance rules
 * (issue 20): building a luxon DateTime for every punch, window and fact made luxon most of a month
 * recompute. The zone's offsets come from the same quarter-hour cache luxon reads through
 * (fast-zone), and each function reproduces luxon's own algorithm step by step, so the answers are
 * luxon's to the millisecond (test/time/wall-clock.properties.spec.ts proves it over DST zones).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(ms: number, zone: string): number {
  return fastZone(zone).offset(ms);
}

/**
 * An instant's local wall-clock reading as milliseconds on a zone-less line (as if the local time
 * were UTC): luxon's `fromJSDate(instant, { zone }).setZone('UTC', { keepLocalTime: true })`.
 */
export function toWallClockMs(ms: number, zone: string): number {
  return ms + offsetMinutes(ms, zone) * MINUTE_MS;
}

/**
 * Back from the wall-clock line to an instant, as luxon's `setZone(zone, { keepLocalTime: true })`
 * does it (its `fixOffset`): a time in a spring-forward gap moves forward by the gap, an ambiguous
 * fall-back time takes the earlier offset's reading.
 */
export function fromWallClockMs(wall: number, zone: string): number {
  const guess = offsetMinutes(wall, zone);
  let utc = wall - guess * MINUTE_MS;
  const second = offsetMinutes(utc, zone);
  if (guess === second) return utc;
  utc -= (second - guess) * MINUTE_MS;
  const third = offsetMinutes(utc, zone);
  if (second === third) return utc;
  return wall - Math.min(second, third) * MINUTE_MS;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), for years 0–9999. */
export function isoDateOfDay(day: number): string {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  return `${String(year).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** The local calendar date and clock reading of an instant in a zone. */
export function localReading(ms: number, zone: string): { date: string; hour: number; minute: number; second: number } {
  const wall = toWallClockMs(ms, zone);
  const day = Math.floor(wall / DAY_MS);
  const ofDay = wall - day * DAY_MS;
  return {
    date: isoDateOfDay(day),
    hour: Math.floor(ofDay / 3_600_000),
    minute: Math.floor(ofDay / MINUTE_MS) % 60,
    second: Math.floor(ofDay / 1000) % 60,
  };
}

/** The calendar date of an instant in a zone, 'YYYY-MM-DD'. */
export function localDateOf(ms: number, zone: string): string {
  return isoDateOfDay(Math.floor(toWallClockMs(ms, zone) / DAY_MS));
}

/** 'HH:mm', or 'HH:mm:ss' when the seconds are not zero, of a local reading. */
export function clockText(reading: { hour: number; minute: number; second: number }): string {
  const hm = `${pad2(reading.hour)}:${pad2(reading.minute)}`;
  return reading.second === 0 ? hm : `${hm}:${pad2(reading.second)}`;
}
