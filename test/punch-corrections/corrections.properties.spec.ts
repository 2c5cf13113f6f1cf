import fc from 'fast-check';
import { classifyDay, expectedSessionIndexes } from '../../src/domain/attendance/classify-day';
import { correctablePunches, correctionFor, countedInMonth, earliestCorrectable, requestsLeft, withinDeadline } from '../../src/domain/attendance/corrections';
import { datesBetween } from '../../src/domain/calendar/calendar-day';
import { addDays, at, atSecondOfDay, dayInput, PERSONAL_PM, ZONE } from '../attendance/rules/fixtures';

/**
 * The pure rules of make-up punches (补卡, issue 17): the deadline window, the monthly count, and
 * which punch of a day may be corrected. H-ATT-7: what the clock recorded decides, so a correction
 * may only fill a missing record or (when allowed) replace a late or early one.
 */
const day = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'filed', 'cancelled'];

describe('Make-up punch rules (H-ATT-7)', () => {
  it('H-ATT-7: the deadline window holds exactly `daysBack` dates, ends today and never reaches a day to come', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 62 }), fc.integer({ min: -80, max: 10 }), (today, daysBack, offset) => {
        const window = datesBetween(earliestCorrectable(today, daysBack), today);
        expect(window.length).toBe(daysBack);
        const date = addDays(today, offset);
        expect(withinDeadline(date, today, daysBack)).toBe(window.includes(date));
      }),
    );
  });

  it('H-ATT-7: the monthly count is the live requests (pending, approved, filed) of days in that month, whenever they were made', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ date: day, status: fc.constantFrom(...STATUSES) }), { maxLength: 30 }), day, fc.integer({ min: 0, max: 31 }), (requests, some, limit) => {
        const month = some.slice(0, 7);
        const counted = countedInMonth(requests, month);
        expect(counted).toBe(requests.filter((r) => r.date.startsWith(month) && ['pending', 'approved', 'filed'].includes(r.status)).length);
        // Months never share their count: the months of all requests add up to all live ones.
        const months = [...new Set(requests.map((r) => r.date.slice(0, 7)))];
        expect(months.reduce((sum, m) => sum + countedInMonth(requests, m), 0)).toBe(requests.filter((r) => ['pending', 'approved', 'filed'].includes(r.status)).length);
        expect(requestsLeft(limit, counted)).toBe(Math.max(0, limit - counted));
      }),
    );
  });

  it('H-ATT-7: a correction that is accepted is read as the punch it names, and the day it predicts has that punch no longer missing, late or early', () => {
    const D = '2026-05-06';
    const now = at(addDays(D, 3), '10:00');
    // Any two clock records inside the day's window (05:30–23:30), or fewer.
    const second = fc.integer({ min: 5.5 * 3600, max: 23.5 * 3600 - 1 });
    fc.assert(
      fc.property(fc.array(second, { maxLength: 2 }), second, fc.constantFrom<'in' | 'out'>('in', 'out'), fc.boolean(), (records, claimed, direction, halfDay) => {
        const leave = halfDay ? [PERSONAL_PM] : [];
        const input = dayInput({ date: D, punches: records.map((s, i) => ({ id: `p${i}`, at: atSecondOfDay(D, s, ZONE) })), leave, now });
        const result = classifyDay(input);
        const sessions = input.schedule!.sessions;
        const expected = expectedSessionIndexes(sessions, leave, [], ZONE);
        const correctable = correctablePunches(sessions, expected, result, now);
        // Never a punch between sessions: with the afternoon on leave the clock-out is the morning's.
        for (const punch of correctable) expect(punch.session).toBe(punch.direction === 'in' ? expected[0] : expected[expected.length - 1]);
        const claim = atSecondOfDay(D, claimed, ZONE);
        for (const punch of correctable) {
          const accepted = correctionFor(correctable, punch.session, direction, claim);
          if (!accepted) continue;
          if (accepted.problem === 'late') expect(claim.getTime()).toBeLessThan(accepted.recorded!.getTime());
          if (accepted.problem === 'early') expect(claim.getTime()).toBeGreaterThan(accepted.recorded!.getTime());
          const predicted = classifyDay({ ...input, punches: [...input.punches, { at: claim }] });
          const readAs = direction === 'in' ? predicted.firstIn : predicted.lastOut;
          // The service refuses a claim not read as that punch (CORRECTION_NOT_NEEDED); when it is, the problem is gone.
          if (readAs?.getTime() !== claim.getTime()) continue;
          if (direction === 'in') expect(predicted.firstIn).not.toBeNull();
          if (direction === 'out') expect(predicted.lastOut).not.toBeNull();
          if (accepted.problem === 'late') expect(predicted.lateMinutes).toBeLessThanOrEqual(result.lateMinutes);
        }
      }),
    );
  });

  it('H-ATT-3: a day with nothing wrong, or wholly on leave, has nothing to correct', () => {
    const D = '2026-05-06';
    const now = at(addDays(D, 1), '10:00');
    const fine = dayInput({ date: D, punches: [{ at: at(D, '08:20') }, { at: at(D, '17:40') }], now });
    expect(correctablePunches(fine.schedule!.sessions, [0, 1], classifyDay(fine), now)).toEqual([]);
    const onLeave = dayInput({ date: D, leave: [{ ...PERSONAL_PM, part: 'full' }], now });
    expect(correctablePunches(onLeave.schedule!.sessions, expectedSessionIndexes(onLeave.schedule!.sessions, onLeave.leave, [], ZONE), classifyDay(onLeave), now)).toEqual([]);
  });
});
