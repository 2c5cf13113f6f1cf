import type { DayCharge } from '../leave-rules';

/**
 * What a request charges one year's ledger as one entry: `days` (positive) dated the first leave
 * day charged (./ledger-entry.ts). Entries are per calendar year, and carried days pay only for
 * leave on or before their expiry date, so a request is charged one entry per year and, within a
 * year whose carried days expire during the request, one up to the expiry date and one after it.
 */
export interface Charge {
  year: number;
  date: string;
  days: number;
}

/**
 * The charges of a request's working days, date by date. `carriedExpiry(year)` is the expiry
 * date of that year's carried days, or null when it has none.
 */
export function chargesOf(days: readonly DayCharge[], carriedExpiry: (year: number) => string | null): Charge[] {
  const charges: Charge[] = [];
  let key = '';
  for (const day of [...days].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    if (day.days <= 0) continue;
    const year = Number(day.date.slice(0, 4));
    const expiry = carriedExpiry(year);
    const dayKey = `${year}|${expiry !== null && day.date > expiry}`;
    if (dayKey !== key) {
      charges.push({ year, date: day.date, days: 0 });
      key = dayKey;
    }
    charges[charges.length - 1].days += day.days;
  }
  return charges;
}

/** Days of `charges` in `year`, and how many of them fall after that year's carried days expire. */
export function yearShare(charges: readonly Charge[], year: number, expiry: string | null): { days: number; afterExpiry: number } {
  let days = 0;
  let afterExpiry = 0;
  for (const charge of charges) {
    if (charge.year !== year) continue;
    days += charge.days;
    if (expiry !== null && charge.date > expiry) afterExpiry += charge.days;
  }
  return { days, afterExpiry };
}

/**
 * What a cancellation gives back of a request's consumed charges: each consumed charge gives back
 * the untaken days (date by date) that fall in it — from its date to the next charge of its year —
 * and never more than it took, dated as the charge it gives back (./ledger-entry.ts).
 */
export function untakenOf(consumed: readonly Charge[], untaken: readonly DayCharge[]): Charge[] {
  const sorted = [...consumed].sort((a, b) => (a.date < b.date ? -1 : 1));
  return sorted.flatMap((charge, index) => {
    const next = sorted[index + 1];
    const until = next !== undefined && next.year === charge.year ? next.date : `${charge.year + 1}-01-01`;
    const days = untaken.filter((day) => day.date >= charge.date && day.date < until).reduce((total, day) => total + day.days, 0);
    const given = Math.min(charge.days, days);
    return given > 0 ? [{ ...charge, days: given }] : [];
  });
}
