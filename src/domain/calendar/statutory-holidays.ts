import chineseDays from 'chinese-days/dist/chinese-days.json';

/**
 * China's statutory holidays and make-up workdays (调休), as published in the pinned
 * `chinese-days` package (2004 onwards). Read from its data file rather than its date helpers,
 * which parse dates in the server process's time zone.
 */
export interface StatutoryDay {
  kind: 'holiday' | 'makeup_workday';
  /** Chinese name, e.g. 国庆节. */
  name: string;
  nameEn: string;
}

const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

// Entries look like "National Day,国庆节,3": English name, Chinese name, length in days.
function parse(entry: string): { name: string; nameEn: string } {
  const [nameEn, name] = entry.split(',');
  return { name: name ?? nameEn, nameEn };
}

export function statutoryDay(date: string): StatutoryDay | null {
  const holiday = data.holidays[date];
  if (holiday) return { kind: 'holiday', ...parse(holiday) };
  const workday = data.workdays[date];
  if (workday) return { kind: 'makeup_workday', ...parse(workday) };
  return null;
}

/** The last date the package knows about (its holidays are published a year at a time). */
export const STATUTORY_DATA_UNTIL = Object.keys(data.holidays).sort().at(-1) as string;
