import type { Language } from '../i18n/language-store';

/**
 * Dates and times in the company's zone, whatever zone the browser is in: the service decides which
 * day a punch belongs to in that zone, so the console must show the same clock. Intl does the zone
 * arithmetic; no date library's notion of "local" is used.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, { timeZone: zone, ...options });
    formatters.set(key, found);
  }
  return found;
}

/** 09:02 — the time of an instant on the company's clock. */
export function formatTime(instant: string | Date, zone: string, language: Language): string {
  return formatter(language, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** 2026-11-30 09:02 — date and time of an instant on the company's clock. */
export function formatDateTime(instant: string | Date, zone: string, language: Language): string {
  return `${localDateOf(instant, zone)} ${formatTime(instant, zone, language)}`;
}

/** The company-zone calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: string | Date, zone: string): string {
  const parts = formatter('en', zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Today's date in the company zone. */
export const todayIn = (zone: string, now: Date = new Date()): string => localDateOf(now, zone);

/** A plain date (YYYY-MM-DD) as the reader writes dates: 11月30日 周一 / Mon 30 Nov. The date has no zone. */
export function formatDay(date: string, language: Language, options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', weekday: 'short' }): string {
  return formatter(language, 'UTC', options).format(new Date(`${date}T00:00:00Z`));
}

/** YYYY-MM of a date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The month before or after YYYY-MM. */
export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every date of a month, YYYY-MM-DD. */
export function datesOfMonth(month: string): string[] {
  const [year, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** Adds days to a plain date. */
export function addDays(date: string, delta: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday, as the Chinese week starts. */
export const weekdayIndex = (date: string): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
