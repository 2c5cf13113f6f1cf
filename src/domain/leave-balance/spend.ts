import type { Balance } from './balance';

/** Whether a request may take its days; when not, what the 422 LEAVE_BALANCE_INSUFFICIENT reports. */
export type SpendCheck = { ok: true } | { ok: false; available: number; shortfall: number };

const isHalfDays = (value: number) => Number.isFinite(value) && value >= 0 && Number.isInteger(value * 2);

/**
 * Whether `days` more may be reserved from `balance` (issue 16: a request that would take a type
 * below zero when its rule forbids it is refused, saying how many days are available).
 *
 * Carried days pay only for leave on or before their expiry date, so the caller says how many of
 * the days fall after it (`daysAfterExpiry`, 0 when there are no carried days or none after it).
 * With own = the days that are not carried, the request fits when
 *   daysAfterExpiry ≤ own   and   days ≤ own + carriedUnused.
 * Carried days count for leave on or before their date even once their expiry has been written:
 * that expiry is then corrected (./carry-over.ts), so where a sweep stands never changes the answer.
 * `available` is the most this request could take: days − shortfall.
 */
export function checkSpend(balance: Balance, days: number, allowNegative: boolean, daysAfterExpiry = 0): SpendCheck {
  if (!isHalfDays(days) || !isHalfDays(daysAfterExpiry) || daysAfterExpiry > days) {
    throw new RangeError(`checkSpend: ${days} days, ${daysAfterExpiry} after the expiry, is not a request in half days`);
  }
  if (allowNegative) return { ok: true };
  const own = balance.available + balance.expired - balance.carriedUnused;
  const shortfall = Math.max(0, daysAfterExpiry - own, days - own - balance.carriedUnused);
  return shortfall === 0 ? { ok: true } : { ok: false, available: Math.max(0, days - shortfall), shortfall };
}
