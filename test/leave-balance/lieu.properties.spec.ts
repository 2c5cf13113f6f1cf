import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar/calendar-day';
import { allocateLieu, checkLieuSpend, lieuExpiresOn, lieuMonth, type LieuLot, type LieuUse } from '../../src/domain/leave-balance/lieu';

/**
 * Time off in lieu over every history (issue 22): minutes are conserved, the oldest valid grant
 * pays first, no grant pays outside [earned, expiry], and a grant expires by its own earning date alone.
 */
const RUNS = { numRuns: 500 };
const START = '2026-10-01';
const day = fc.integer({ min: 0, max: 240 }).map((offset) => addDays(START, offset));

const lots = fc
  .array(fc.record({ earnedOn: day, minutes: fc.integer({ min: 1, max: 960 }), days: fc.constantFrom(30, 60, 90) }), { maxLength: 8 })
  .map((items) => items.map((item, index): LieuLot => ({ id: `lot${String(index).padStart(2, '0')}`, earnedOn: item.earnedOn, expiresOn: lieuExpiresOn(item.earnedOn, item.days), minutes: item.minutes })));
const uses = fc
  .array(fc.record({ date: day, minutes: fc.integer({ min: 1, max: 600 }), state: fc.constantFrom<LieuUse['state']>('taken', 'reserved') }), { maxLength: 10 })
  .map((items) => items.map((item, index): LieuUse => ({ id: `use${String(index).padStart(2, '0')}`, ...item })));
const older = (a: LieuLot, b: LieuLot) => a.earnedOn < b.earnedOn || (a.earnedOn === b.earnedOn && a.id < b.id);

describe('Time off in lieu (properties, issue 22)', () => {
  it('conservation: granted = taken + reserved + remaining + expired, per grant and in all; and what was asked = funded + unfunded', () => {
    fc.assert(
      fc.property(lots, uses, day, (ls, us, asOf) => {
        const a = allocateLieu(ls, us, asOf);
        for (const state of a.lots) {
          expect(state.taken + state.reserved + state.remaining + state.expired).toBe(state.lot.minutes);
          expect(Math.min(state.taken, state.reserved, state.remaining, state.expired)).toBeGreaterThanOrEqual(0);
        }
        expect(a.taken + a.reserved + a.remaining + a.expired).toBe(a.granted);
        const asked = us.reduce((total, use) => total + use.minutes, 0);
        expect(a.parts.reduce((total, part) => total + part.minutes, 0) + a.unfunded).toBe(asked);
      }),
      RUNS,
    );
  });

  it('nothing is funded outside its grant\'s validity, and the oldest grant valid on the date pays first', () => {
    fc.assert(
      fc.property(lots, uses, (ls, us) => {
        const a = allocateLieu(ls, us, '2099-01-01');
        const left = new Map(a.lots.map((state) => [state.lot.id, state.lot.minutes - state.taken - state.reserved]));
        for (const part of a.parts) {
          const use = us.find((u) => u.id === part.useId)!;
          const lot = ls.find((l) => l.id === part.lotId)!;
          expect(lot.earnedOn <= use.date && use.date <= lot.expiresOn).toBe(true);
          // Every older grant valid that day was used up (what is used never comes back within an allocation).
          for (const other of ls) if (older(other, lot) && other.earnedOn <= use.date && use.date <= other.expiresOn) expect(left.get(other.id)).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('a grant expires by its own earning date alone: other grants never change when, or whether, it expires', () => {
    fc.assert(
      fc.property(lots, lots, day, (ls, extra, asOf) => {
        const renamed = extra.map((lot) => ({ ...lot, id: `x${lot.id}` }));
        const alone = allocateLieu(ls, [], asOf);
        const together = allocateLieu([...ls, ...renamed], [], asOf);
        for (const state of alone.lots) {
          const same = together.lots.find((other) => other.lot.id === state.lot.id)!;
          expect(same.expired).toBe(state.expired);
          expect(state.expired > 0).toBe(state.lot.expiresOn < asOf);
        }
      }),
      RUNS,
    );
  });

  it('a spend the check allows leaves nothing newly unfunded; one it refuses would', () => {
    fc.assert(
      fc.property(lots, uses, day, fc.integer({ min: 1, max: 600 }), (ls, us, date, minutes) => {
        const added: LieuUse = { id: 'new', date, minutes, state: 'reserved' };
        const before = allocateLieu(ls, us, START).unfunded;
        const after = allocateLieu(ls, [...us, added], START).unfunded;
        const check = checkLieuSpend(ls, us, [added], START);
        expect(check.ok).toBe(after <= before);
        if (!check.ok) expect(check.available).toBe(minutes - (after - before));
      }),
      RUNS,
    );
  });

  it('the months add up: what is left after a month is what was left before it, plus earned, less taken and expired', () => {
    fc.assert(
      fc.property(lots, uses, (ls, us) => {
        // Only funded uses keep the identity exact: take those the allocation funds in full.
        const taken = us.map((use) => ({ ...use, state: 'taken' as const }));
        const a = allocateLieu(ls, taken, '2099-01-01');
        const fundedIds = new Set(taken.filter((use) => a.parts.filter((p) => p.useId === use.id).reduce((t, p) => t + p.minutes, 0) === use.minutes).map((use) => use.id));
        const funded = taken.filter((use) => fundedIds.has(use.id));
        let before = 0;
        for (const [from, to] of [['2026-10-01', '2026-10-31'], ['2026-11-01', '2026-11-30'], ['2026-12-01', '2026-12-31'], ['2027-01-01', '2027-01-31'], ['2027-02-01', '2027-02-28']]) {
          const month = lieuMonth(ls, funded, from, to);
          expect(month.remaining).toBe(before + month.earned - month.taken - month.expired);
          before = month.remaining;
        }
      }),
      RUNS,
    );
  });
});
