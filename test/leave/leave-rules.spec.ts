import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isOneDayAhead, LeaveSpan, partOn, slotsOf, spanProblem, workingDays } from '../../src/domain/leave-rules';

const span = (startDate: string, startHalf: LeaveSpan['startHalf'], endDate: string, endHalf: LeaveSpan['endHalf']): LeaveSpan => ({ startDate, startHalf, endDate, endHalf });
const overlap = (a: LeaveSpan, b: LeaveSpan) => {
  const [a0, a1] = slotsOf(a);
  const [b0, b1] = slotsOf(b);
  return a0 < b1 && b0 < a1;
};

describe('Leave rules (H-ATT-10)', () => {
  it('H-ATT-10: the first day must be after the day of the request', () => {
    expect(isOneDayAhead('2026-11-28', '2026-11-27')).toBe(true);
    expect(isOneDayAhead('2026-11-27', '2026-11-27')).toBe(false);
    expect(isOneDayAhead('2026-11-26', '2026-11-27')).toBe(false);
  });

  it('H-ATT-10: half days follow the two office sessions', () => {
    expect(partOn(span('2026-11-03', 'am', '2026-11-03', 'am'), '2026-11-03')).toBe('am');
    expect(partOn(span('2026-11-03', 'pm', '2026-11-03', null), '2026-11-03')).toBe('pm');
    const longer = span('2026-11-03', 'pm', '2026-11-05', 'am');
    expect(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map((date) => partOn(longer, date))).toEqual([null, 'pm', 'full', 'am', null]);
  });

  it('H-ATT-10: two halves of one day are not an overlap; the same half is', () => {
    const morning = span('2026-11-03', 'am', '2026-11-03', 'am');
    const afternoon = span('2026-11-03', 'pm', '2026-11-03', 'pm');
    expect(overlap(morning, afternoon)).toBe(false);
    expect(overlap(morning, span('2026-11-03', null, '2026-11-03', null))).toBe(true);
    expect(overlap(span('2026-11-01', null, '2026-11-03', 'am'), afternoon)).toBe(false);
  });

  it('refuses spans that end before they start or cover nothing', () => {
    expect(spanProblem(span('2026-11-03', null, '2026-11-02', null))?.field).toBe('endDate');
    expect(spanProblem(span('2026-11-03', 'pm', '2026-11-03', 'am'))?.field).toBe('endHalf');
    expect(spanProblem(span('2026-01-01', null, '2027-06-01', null))?.field).toBe('endDate');
    expect(spanProblem(span('2026-11-03', 'am', '2026-11-03', 'am'))).toBeNull();
  });

  it('H-ATT-10: counts working days only, half days as 0.5', () => {
    const dates = ['2026-09-30', '2026-10-01', '2026-10-02', '2026-10-08'];
    const scheduled = (date: string) => !date.startsWith('2026-10-0') || date === '2026-10-08';
    expect(workingDays(span('2026-09-30', 'pm', '2026-10-08', 'am'), dates, scheduled)).toBe(1);
    expect(workingDays(span('2026-09-30', null, '2026-10-08', null), dates, scheduled)).toBe(2);
  });

  it('H-ATT-10: slots overlap exactly when some date has a half covered by both (property)', () => {
    const day = fc.integer({ min: 0, max: 20 }).map((n) => DateTime.fromISO('2026-11-01', { zone: 'UTC' }).plus({ days: n }).toISODate()!);
    const half = fc.constantFrom<'am' | 'pm' | null>('am', 'pm', null);
    const spanArb = fc.tuple(day, half, day, half).map(([a, ah, b, bh]) => (a <= b ? span(a, ah, b, bh) : span(b, bh, a, ah))).filter((s) => spanProblem(s) === null);
    fc.assert(
      fc.property(spanArb, spanArb, (a, b) => {
        const dates = Array.from({ length: 21 }, (_, n) => DateTime.fromISO('2026-11-01', { zone: 'UTC' }).plus({ days: n }).toISODate()!);
        const shared = dates.some((date) => {
          const pa = partOn(a, date);
          const pb = partOn(b, date);
          return pa !== null && pb !== null && (pa === 'full' || pb === 'full' || pa === pb);
        });
        return overlap(a, b) === shared;
      }),
      { numRuns: 1000 },
    );
  });
});
