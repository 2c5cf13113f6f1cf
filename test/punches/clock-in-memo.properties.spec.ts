import fc from 'fast-check';
import { assignedDateOf } from '../../src/domain/attendance/person-days';
import { addDays } from '../../src/domain/calendar/calendar-day';
import type { EmploymentSpan } from '../../src/domain/policy';
import { localDate } from '../../src/domain/time/company-time';
import { localTimeOf } from '../../src/punches/dto/punch.dto';
import { ClockInMemo } from '../../src/punches/clock-in-memo';

/**
 * A clock-in's answer remembers the Policy built from its text, the assigned date and the local
 * time (issue 20). Whatever the person, the rules around the date and the instant, the memo must
 * answer exactly what assignedDateOf and the formatter answer for the same inputs — also when a
 * different person, or the same person with other dates, asked first.
 */
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];
const PEOPLE = ['6f1c1c8e-0c39-4d5e-9c40-1d0a7e3b9a01', '0b8e6a57-2d0f-4f3e-8a0c-9e4b1f2d3c02', 'c3d9f0a1-7b2e-4c5d-8e6f-a0b1c2d3e403'];
const START = Date.UTC(2026, 9, 24);

const settings = (effectiveFrom: string, workWeek: number[], open: number, close: number) => ({
  effectiveFrom, workWeek, punchWindowOpenMinutes: open, punchWindowCloseMinutes: close,
  graceMinutes: 5, seriousLateMinutes: null, absentAfterLateMinutes: null, missingClockOutIsEarlyLeave: true, missingClockInIsAbsence: true,
  correctionMonthlyLimit: 3, correctionDaysBack: 30, correctionKinds: ['missing_punch'], overtimeCounting: 'approved_only', overtimeUnitMinutes: 30,
  overtimeBreakAfterMinutes: null, overtimeBreakMinutes: null, overtimeDailyCapMinutes: 240, overtimeMonthlyCapMinutes: 2160, overtimeDaysAfter: 3,
});

const date = fc.integer({ min: 0, max: 13 }).map((days) => new Date(START + days * 86_400_000).toISOString().slice(0, 10));

const situation = fc.record({
  zone: fc.constantFrom(...ZONES),
  // Any second of two weeks around a month's end (and a DST change in two of the zones).
  at: fc.integer({ min: 0, max: 14 * 86_400 }).map((seconds) => new Date(START + seconds * 1000)),
  workWeek: fc.constantFrom([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7], [2, 4, 6]).map((days) => [...days]),
  open: fc.constantFrom(60, 120, 240),
  close: fc.constantFrom(60, 240, 480),
  office: fc.constantFrom([{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }], [{ start: '22:00', end: '24:00' }]),
  overrides: fc.array(fc.record({ date, kind: fc.constantFrom('holiday', 'makeup_workday', 'workday'), name: fc.constant(null) }), { maxLength: 3 }),
  roster: fc.array(fc.record({ date, staffId: fc.constantFrom(...PEOPLE) }), { maxLength: 3 }),
  asker: fc.integer({ min: 0, max: 2 }),
  hiredOn: fc.option(date, { nil: '2020-01-01' }),
  leftOn: fc.option(date, { nil: null }),
  before: fc.array(fc.record({ person: fc.integer({ min: 0, max: 2 }), hiredOn: date, leftOn: fc.option(date, { nil: null }) }), { maxLength: 3 }),
});

describe('Clock-in answers: the memo agrees with the rules (issue 20)', () => {
  it('any person, rules and second: the same assigned date and local time as computed afresh', () => {
    const memo = new ClockInMemo();
    fc.assert(
      fc.property(situation, (s) => {
        const day = localDate(s.at, s.zone);
        const [first, last] = [addDays(day, -2), addDays(day, 2)];
        // As the clock-in statement loads it: overrides and roster of [day - 2, day + 2] only.
        const within = <T extends { date: string }>(rows: T[]) => {
          const kept = [...new Map(rows.filter((row) => row.date >= first && row.date <= last).map((row) => [row.date, row])).values()];
          return kept.length > 0 ? kept : null;
        };
        const text = JSON.stringify({
          time_zone: s.zone,
          settings: [settings('2000-01-01', s.workWeek, s.open, s.close)],
          shifts: [
            { code: 'duty', effectiveFrom: '2000-01-01', sessions: [{ start: '16:00', end: '24:00' }] },
            { code: 'office', effectiveFrom: '2000-01-01', sessions: s.office },
          ],
          overrides: within(s.overrides),
          roster: within(s.roster),
        });
        const policy = memo.policyOf(text);
        expect(memo.policyOf(text)).toBe(policy);
        // Others ask first, at the same second: their answers must not leak into this one.
        for (const other of s.before) memo.assignedDate(policy, { id: PEOPLE[other.person], hiredOn: other.hiredOn, leftOn: other.leftOn }, s.at, first, last);
        const staff: EmploymentSpan = { id: PEOPLE[s.asker], hiredOn: s.hiredOn, leftOn: s.leftOn };
        expect(memo.assignedDate(policy, staff, s.at, first, last)).toBe(assignedDateOf(policy, staff, s.at));
        expect(memo.localTime(s.at, s.zone)).toBe(localTimeOf(s.at, s.zone));
      }),
      { numRuns: 400 },
    );
  });
});
