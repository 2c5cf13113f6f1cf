import type { ErrorDetail } from '../errors/domain-error';
import { isCalendarDate } from './calendar-days';

/**
 * One immutable change to a person's balance of one leave type in one calendar year (issue 16).
 * Nothing edits or deletes an entry; a correction is a new entry.
 *
 * Sign convention: `days` is the signed change to the days available, in half days, so the
 * balance is the plain sum of the entries. Each kind has its usual sign:
 *   grant        +  the entitlement falling due (its explanation is stored beside it)
 *   reservation  −  a pending request holds the days
 *   consumption  −  an approved request takes them
 *   release      +  gives back a reservation (rejected, withdrawn, or turned into a consumption
 *                   on approval) or a consumption (the untaken days of a cancelled request)
 *   carry_over   +  days brought in from last year (`direction: 'in'`, with their expiry date)
 *                −  days sent on to next year (`direction: 'out'`)
 *   expiry       −  carried days that were not used by their date (`of: 'carried'`), or the
 *                   year's unused days lapsing at its end (`of: 'unused'`)
 *   adjustment   ±  the office's correction, with a reason
 * carry_over and expiry entries are written by the year-end and expiry computations
 * (./carry-over.ts) as the difference between what is due and what has been written; when a late
 * entry lowers what is due, that difference has the other sign.
 *
 * `date`: for a grant, adjustment, carry-over or expiry, the day it takes effect. For a
 * reservation, consumption or release, the first leave day the days are charged to — the same
 * on the release as on what it gives back — because whether carried days may pay for leave
 * depends on when the leave is, not on when it was asked for. A request whose days straddle the
 * expiry date of carried days is charged as two entries, split at that date.
 */
export type LedgerEntry =
  | { kind: 'grant'; days: number; date: string }
  | { kind: 'reservation'; days: number; date: string }
  | { kind: 'consumption'; days: number; date: string }
  | { kind: 'release'; days: number; date: string; of: 'reservation' | 'consumption' }
  | { kind: 'carry_over'; days: number; date: string; direction: 'in'; expiresOn: string }
  | { kind: 'carry_over'; days: number; date: string; direction: 'out' }
  | { kind: 'expiry'; days: number; date: string; of: 'carried' | 'unused' }
  | { kind: 'adjustment'; days: number; date: string; reason: string };

export type LedgerEntryKind = LedgerEntry['kind'];

/** The sign `days` must have: 1 positive, -1 negative, 0 either (never zero itself). */
const SIGN: Record<LedgerEntryKind, 1 | -1 | 0> = {
  grant: 1,
  reservation: -1,
  consumption: -1,
  release: 1,
  carry_over: 0,
  expiry: 0,
  adjustment: 0,
};

/** Why an entry cannot be written, or null. */
export function ledgerEntryProblem(entry: LedgerEntry): ErrorDetail | null {
  if (!Number.isFinite(entry.days) || !Number.isInteger(entry.days * 2) || entry.days === 0) {
    return { field: 'days', message: 'days must be a non-zero number of half days' };
  }
  const sign = SIGN[entry.kind];
  if (sign !== 0 && Math.sign(entry.days) !== sign) return { field: 'days', message: `a ${entry.kind} must have ${sign > 0 ? 'positive' : 'negative'} days` };
  if (!isCalendarDate(entry.date)) return { field: 'date', message: 'date must be a real date written YYYY-MM-DD' };
  // Carried days may wait one year at most (条例 第五条): they expire within the year they were carried into.
  if (entry.kind === 'carry_over' && entry.direction === 'in' && !(isCalendarDate(entry.expiresOn) && entry.expiresOn >= entry.date && entry.expiresOn.slice(0, 4) === entry.date.slice(0, 4))) {
    return { field: 'expiresOn', message: 'expiresOn must be a real date from the carry-over to the end of its year' };
  }
  if (entry.kind === 'adjustment' && entry.reason.trim() === '') return { field: 'reason', message: 'an adjustment needs a reason' };
  return null;
}
