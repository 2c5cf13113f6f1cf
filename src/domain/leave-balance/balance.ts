import { ledgerEntryProblem, type LedgerEntry } from './ledger-entry';

/**
 * A balance of one leave type for one person and year, read from its ledger. In days (halves):
 *   available = entitled + adjusted + carried − carriedOut − taken − reserved − expired − lapsed
 * and `available` is also the plain sum of the entries' days.
 */
export interface Balance {
  /** Granted (grants). */
  entitled: number;
  /** The office's adjustments, net. */
  adjusted: number;
  /** Brought in from last year, net. */
  carried: number;
  /** Sent on to next year, net. */
  carriedOut: number;
  /** Consumed by approved leave, net of the untaken days given back. */
  taken: number;
  /** Held by pending requests. */
  reserved: number;
  /** Carried days that expired unused. */
  expired: number;
  /** Unused days that lapsed at the end of the year. */
  lapsed: number;
  available: number;
  /**
   * Carried days that leave on or before their expiry date did not use: what the expiry of the
   * carried days comes to (0 without carried days).
   */
  carriedUnused: number;
  /** When the carried days expire (null without carried days). */
  carriedExpiresOn: string | null;
  /** The carried days still in `available` that lapse after `on` (a past `on`: the expiry is due). */
  expiring: { days: number; on: string } | null;
}

/** A ledger that breaks its own rules is a bug or tampering: refuse to read a balance from it. */
class InconsistentLedger extends Error {
  constructor(reason: string) {
    super(`The leave ledger is inconsistent: ${reason}`);
    this.name = 'InconsistentLedger';
  }
}

const USES_DAYS = new Set<LedgerEntry['kind']>(['reservation', 'consumption', 'release']);

/** The one expiry date of the carried days; a year takes carried days from one year only (条例 第五条). */
function carriedExpiryDate(entries: readonly LedgerEntry[]): string | null {
  const dates = new Set(entries.flatMap((entry) => (entry.kind === 'carry_over' && entry.direction === 'in' ? [entry.expiresOn] : [])));
  if (dates.size > 1) throw new InconsistentLedger(`carried days with different expiry dates (${[...dates].join(', ')})`);
  return dates.size === 1 ? [...dates][0] : null;
}

/** The balance a ledger sums to. Pure; throws on a ledger that is not consistent. */
export function balanceOf(entries: readonly LedgerEntry[]): Balance {
  const sum = { entitled: 0, adjusted: 0, carried: 0, carriedOut: 0, taken: 0, reserved: 0, expired: 0, lapsed: 0, available: 0 };
  for (const entry of entries) {
    const problem = ledgerEntryProblem(entry);
    if (problem) throw new InconsistentLedger(`${entry.kind} on ${entry.date}: ${problem.message}`);
    sum.available += entry.days;
    switch (entry.kind) {
      case 'grant':
        sum.entitled += entry.days;
        break;
      case 'adjustment':
        sum.adjusted += entry.days;
        break;
      case 'reservation':
        sum.reserved -= entry.days;
        break;
      case 'consumption':
        sum.taken -= entry.days;
        break;
      case 'release':
        if (entry.of === 'reservation') sum.reserved -= entry.days;
        else sum.taken -= entry.days;
        break;
      case 'carry_over':
        if (entry.direction === 'in') sum.carried += entry.days;
        else sum.carriedOut -= entry.days;
        break;
      case 'expiry':
        if (entry.of === 'carried') sum.expired -= entry.days;
        else sum.lapsed -= entry.days;
        break;
    }
  }
  if (sum.reserved < 0) throw new InconsistentLedger('more days released than reserved');
  if (sum.taken < 0) throw new InconsistentLedger('more days given back than consumed');

  const expiresOn = carriedExpiryDate(entries);
  if (expiresOn === null) return { ...sum, carriedUnused: 0, carriedExpiresOn: null, expiring: null };
  // Carried days pay for leave first, but only for leave on or before their expiry date.
  const usedByThen = -entries.reduce((total, entry) => (USES_DAYS.has(entry.kind) && entry.date <= expiresOn ? total + entry.days : total), 0);
  const carriedUnused = Math.max(0, Math.min(sum.carried, sum.carried - usedByThen));
  const stillToExpire = carriedUnused - sum.expired;
  return { ...sum, carriedUnused, carriedExpiresOn: expiresOn, expiring: stillToExpire > 0 ? { days: stillToExpire, on: expiresOn } : null };
}
