import fc from 'fast-check';
import { datesBetween } from '../../src/domain/calendar/calendar-day';
import type { LedgerEntry } from '../../src/domain/leave-balance/ledger-entry';

/**
 * Ledgers of 2027 as the service writes them: a grant, perhaps days carried in from 2026 that
 * expire on 31 March, the office's adjustments, and requests through their life (reserved, then
 * rejected, approved, or approved and cancelled after it started). Requests are not checked
 * against the balance here, so a ledger may be overspent: the properties read any ledger.
 */
export const YEAR = 2027;
export const CARRIED_EXPIRES_ON = '2027-03-31';
export const AFTER_CARRIED_EXPIRY = '2027-04-01';

export const halfDays = (min: number, max: number) => fc.integer({ min: min * 2, max: max * 2 }).map((halves) => halves / 2);
const DATES_2027 = datesBetween('2027-01-01', '2027-12-31');
const dayBetween = (min: number, max: number) => fc.integer({ min, max }).map((offset) => DATES_2027[offset]);
export const dayOf2027 = dayBetween(0, 364);
/** 1 January – 31 March (the carried days' expiry date), and 1 April – 31 December. */
export const dayUpToExpiry = dayBetween(0, 89);
export const dayAfterExpiry = dayBetween(90, 364);

type Outcome = 'pending' | 'rejected' | 'withdrawn' | 'approved' | 'cancelled_after_start';
export interface RequestLife {
  days: number;
  date: string;
  outcome: Outcome;
  /** For a cancellation after the start: the untaken days given back (0.5 … days). */
  untaken: number;
}

export const requestLife: fc.Arbitrary<RequestLife> = fc
  .record({ days: halfDays(0.5, 5), date: dayOf2027, outcome: fc.constantFrom<Outcome>('pending', 'rejected', 'withdrawn', 'approved', 'cancelled_after_start'), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ days, date, outcome, share }) => ({ days, date, outcome, untaken: Math.max(0.5, Math.floor(days * share * 2) / 2) }));

/** The entries a request writes over its life (the release carries the date of what it gives back). */
export function entriesOf(life: RequestLife): LedgerEntry[] {
  const { days, date } = life;
  const reserved: LedgerEntry = { kind: 'reservation', days: -days, date };
  const released: LedgerEntry = { kind: 'release', of: 'reservation', days, date };
  const consumed: LedgerEntry = { kind: 'consumption', days: -days, date };
  switch (life.outcome) {
    case 'pending':
      return [reserved];
    case 'rejected':
    case 'withdrawn':
      return [reserved, released];
    case 'approved':
      return [reserved, released, consumed];
    case 'cancelled_after_start':
      return [reserved, released, consumed, { kind: 'release', of: 'consumption', days: life.untaken, date }];
  }
}

export interface LedgerWorld {
  entries: LedgerEntry[];
  carried: number;
  granted: number;
}

/** A ledger of 2027; `carried` 0 means no carried days. */
export const ledger2027: fc.Arbitrary<LedgerWorld> = fc
  .record({
    granted: fc.integer({ min: 1, max: 15 }),
    carried: fc.oneof(fc.constant(0), halfDays(0.5, 5)),
    adjustments: fc.array(halfDays(-3, 3).filter((days) => days !== 0), { maxLength: 2 }),
    requests: fc.array(requestLife, { maxLength: 8 }),
  })
  .map(({ granted, carried, adjustments, requests }) => ({
    granted,
    carried,
    entries: [
      { kind: 'grant', days: granted, date: '2027-01-01' } as LedgerEntry,
      ...(carried > 0 ? [{ kind: 'carry_over', direction: 'in', days: carried, date: '2027-01-01', expiresOn: CARRIED_EXPIRES_ON } as LedgerEntry] : []),
      ...adjustments.map((days): LedgerEntry => ({ kind: 'adjustment', days, date: '2027-02-01', reason: 'correction' })),
      ...requests.flatMap(entriesOf),
    ],
  }));

export const sumOfDays = (entries: readonly LedgerEntry[]) => entries.reduce((total, entry) => total + entry.days, 0);
