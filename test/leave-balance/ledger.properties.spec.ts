import fc from 'fast-check';
import { balanceOf } from '../../src/domain/leave-balance/balance';
import { carriedExpiryDue, closeYear, type CarryOverSetting } from '../../src/domain/leave-balance/carry-over';
import type { LedgerEntry } from '../../src/domain/leave-balance/ledger-entry';
import { checkSpend } from '../../src/domain/leave-balance/spend';
import { AFTER_CARRIED_EXPIRY, dayAfterExpiry, dayOf2027, dayUpToExpiry, halfDays, ledger2027, requestLife, entriesOf, sumOfDays, YEAR } from './ledger-arbitraries';

/**
 * The ledger stays consistent over every history (issue 16): the balance is the sum of its
 * entries, a released reservation leaves no trace, a spend the check allows never takes the
 * balance below zero, and closing a year is exact however often and late it runs.
 */
const RUNS = { numRuns: 1000 };

/** A 2027 ledger, and perhaps the sweep has already written the carried days' expiry. */
const ledger = fc.tuple(ledger2027, fc.boolean()).map(([world, swept]) => {
  const expiry = swept ? carriedExpiryDue(world.entries, AFTER_CARRIED_EXPIRY) : null;
  return expiry ? [...world.entries, expiry] : world.entries;
});

/** The ledger once the expiry sweep has caught up after the carried days' date. */
const reconciled = (entries: LedgerEntry[]) => {
  const expiry = carriedExpiryDue(entries, AFTER_CARRIED_EXPIRY);
  return expiry ? [...entries, expiry] : entries;
};

describe('The leave ledger (properties)', () => {
  it('the balance is the sum of the entries, and its parts add up to it', () => {
    fc.assert(
      fc.property(ledger, (entries) => {
        const b = balanceOf(entries);
        expect(b.available).toBe(sumOfDays(entries));
        expect(b.entitled + b.adjusted + b.carried - b.carriedOut - b.taken - b.reserved - b.expired - b.lapsed).toBe(b.available);
        expect(b.taken).toBeGreaterThanOrEqual(0);
        expect(b.reserved).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(b.available * 2)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the order in which the entries are read does not matter', () => {
    fc.assert(
      fc.property(ledger.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }))), ([entries, shuffled]) => {
        expect(balanceOf(shuffled)).toEqual(balanceOf(entries));
      }),
      RUNS,
    );
  });

  it('a reservation and its release restore the balance exactly', () => {
    fc.assert(
      fc.property(ledger, halfDays(0.5, 10), dayOf2027, (entries, days, date) => {
        const held: LedgerEntry[] = [...entries, { kind: 'reservation', days: -days, date }];
        expect(balanceOf(held).available).toBe(balanceOf(entries).available - days);
        expect(balanceOf([...held, { kind: 'release', of: 'reservation', days, date }])).toEqual(balanceOf(entries));
      }),
      RUNS,
    );
  });

  it('a spend is allowed exactly when it leaves nothing below zero, before and after the carried days expire', () => {
    fc.assert(
      fc.property(ledger, halfDays(0, 8), halfDays(0, 8), dayUpToExpiry, dayAfterExpiry, (entries, before, after, beforeDate, afterDate) => {
        fc.pre(before + after > 0);
        const check = checkSpend(balanceOf(entries), before + after, false, after);
        const spent: LedgerEntry[] = [
          ...entries,
          ...(before > 0 ? [{ kind: 'reservation', days: -before, date: beforeDate } as LedgerEntry] : []),
          ...(after > 0 ? [{ kind: 'reservation', days: -after, date: afterDate } as LedgerEntry] : []),
        ];
        const finalAvailable = balanceOf(reconciled(spent)).available;
        expect(check.ok).toBe(finalAvailable >= 0);
        if (check.ok) {
          // Until the expiry is written the carried days are still in the balance: it never dips either.
          if (balanceOf(entries).expired === 0) expect(balanceOf(spent).available).toBeGreaterThanOrEqual(0);
        } else {
          expect(check.shortfall).toBe(-finalAvailable);
          expect(check.available).toBe(Math.max(0, before + after - check.shortfall));
        }
      }),
      RUNS,
    );
  });

  it('a type that may go negative is never refused', () => {
    fc.assert(fc.property(ledger, halfDays(0, 30), (entries, days) => checkSpend(balanceOf(entries), days, true).ok), RUNS);
  });

  it('the carried days expire exactly once, however often the sweep runs', () => {
    fc.assert(
      fc.property(ledger, (entries) => {
        const once = reconciled(entries);
        expect(carriedExpiryDue(once, '2027-12-31')).toBeNull();
        const b = balanceOf(once);
        expect(b.expired).toBe(b.carriedUnused);
        expect(b.expiring).toBeNull();
      }),
      RUNS,
    );
  });

  it('closing a year carries at most N days, lapses the rest, and closing again after late entries stays exact', () => {
    const setting: fc.Arbitrary<CarryOverSetting> = fc.oneof(fc.constant({ kind: 'lapse' as const }), halfDays(0.5, 10).map((maxDays) => ({ kind: 'carry' as const, maxDays, expiresOn: '06-30' })));
    fc.assert(
      fc.property(ledger, fc.array(requestLife, { maxLength: 3 }), setting, (entries, late, carry) => {
        const first = closeYear(entries, YEAR, carry);
        const closed = [...entries, ...first.closing];
        const ownLeft = balanceOf(reconciled(entries)).available;
        expect(first.carriedOut + first.lapsed).toBe(Math.max(0, ownLeft));
        expect(first.carriedOut).toBeLessThanOrEqual(carry.kind === 'carry' ? carry.maxDays : 0);
        expect(sumOfDays(first.opening)).toBe(first.carriedOut);
        expect(balanceOf(closed).available).toBe(Math.min(0, ownLeft));
        expect(closeYear(closed, YEAR, carry)).toEqual({ closing: [], opening: [], carriedOut: first.carriedOut, lapsed: first.lapsed });

        const later = [...closed, ...late.flatMap(entriesOf)];
        const second = closeYear(later, YEAR, carry);
        const all = [...later, ...second.closing];
        expect(balanceOf(all).available).toBe(Math.min(0, balanceOf(reconciled([...entries, ...late.flatMap(entriesOf)])).available));
        expect(sumOfDays([...first.opening, ...second.opening])).toBe(second.carriedOut);
      }),
      RUNS,
    );
  });
});
