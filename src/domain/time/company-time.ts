import { DateTime } from 'luxon';
import { fastZone } from './fast-zone';
import { localDateOf, toWallClockMs } from './wall-clock';

/** The handbook's default company time zone (H-ATT-3); every local date and time is read in it. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The calendar date of an instant in the given zone, `YYYY-MM-DD`. */
export function localDate(instant: Date, zone: string = DEFAULT_TIME_ZONE): string {
  const ms = instant.getTime();
  // Epoch arithmetic (issue 20) for real instants in known zones; luxon answers the rest as before.
  if (Number.isFinite(toWallClockMs(ms, zone))) return localDateOf(ms, zone);
  return DateTime.fromJSDate(instant, { zone: fastZone(zone) }).toISODate() as string;
}
