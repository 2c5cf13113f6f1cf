import fc from 'fast-check';
import { factsJson } from '../../../src/domain/attendance/day-rows';
import type { DayFact } from '../../../src/domain/attendance/facts';

const clock = fc.record({ date: fc.constantFrom('2026-11-02', '2026-11-03'), time: fc.constantFrom('08:30', '12:00', '13:30', '17:30', '23:59:59') });
const shift = fc.record({
  kind: fc.constant('shift'),
  clause: fc.constantFrom('H-ATT-2', 'H-ATT-3', 'H-ATT-4'),
  shiftCode: fc.string({ unit: 'grapheme', maxLength: 12 }),
  sessions: fc.array(fc.record({ start: clock, end: clock }), { maxLength: 3 }),
});
const other = fc.record({ kind: fc.constantFrom('arrived_late', 'left_on_time', 'verdict_present'), clause: fc.constantFrom('H-ATT-1', 'H-ATT-5'), at: clock, lateMinutes: fc.nat(600) });
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

/**
 * The facts a stored day keeps (H-ATT-3/H-ATT-4: the shift that applied): the shift's fact is one
 * frozen object shared by everyone on the shift that date, and its JSON is made once (issue 20).
 * What is stored must be exactly JSON.stringify of the day's facts, shared or not, first or again.
 */
describe('factsJson (issue 20: the shared shift fact serialised once)', () => {
  it('H-ATT-3: is JSON.stringify of the facts, with shared frozen shift facts used by many days', () => {
    fc.assert(
      fc.property(fc.array(shift.map(deepFreeze), { minLength: 1, maxLength: 3 }), fc.array(fc.array(fc.oneof(shift, other, fc.nat(2)), { maxLength: 6 }), { maxLength: 8 }), (shared, days) => {
        for (const day of days) {
          // A day's facts: its own, with a shared shift fact where a number stands (one of `shared`).
          const facts = day.map((fact) => (typeof fact === 'number' ? shared[fact % shared.length] : fact)) as unknown as DayFact[];
          expect(factsJson(facts)).toBe(JSON.stringify(facts));
          expect(factsJson(facts)).toBe(JSON.stringify(facts));
        }
      }),
      { numRuns: 500 },
    );
  });
});
