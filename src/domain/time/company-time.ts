import { DateTime } from 'luxon';
import { fastZone } from './fast-zone';

/** The handbook's default company time zone (H-ATT-3); every local date and time is read in it. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The calendar date of an instant in the given zone, `YYYY-MM-DD`. */
export function localDate(instant: Date, zone: string = DEFAULT_TIME_ZONE): string {
  return DateTime.fromJSDate(instant, { zone: fastZone(zone) }).toISODate() as string;
}
