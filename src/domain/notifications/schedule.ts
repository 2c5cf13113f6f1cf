import { DateTime } from 'luxon';

/**
 * The day whose problems the daily digest reports at `now`: yesterday in company time, once the
 * company's clock has reached the digest hour; before that hour, null (today's digest is not due).
 */
export function digestDate(now: Date, zone: string, digestHour: number): string | null {
  const local = DateTime.fromJSDate(now, { zone });
  if (local.hour < digestHour) return null;
  return local.minus({ days: 1 }).toISODate();
}

/** The month before the one `now` is in, in company time (YYYY-MM), with its first and last day. */
export function previousMonth(now: Date, zone: string): { month: string; from: string; to: string } {
  const start = DateTime.fromJSDate(now, { zone }).startOf('month').minus({ months: 1 });
  return { month: start.toFormat('yyyy-MM'), from: start.toISODate()!, to: start.endOf('month').toISODate()! };
}
