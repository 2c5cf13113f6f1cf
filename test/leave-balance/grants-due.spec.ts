import fc from 'fast-check';
import { statutoryAnnualLeave } from '../../src/domain/leave-balance/annual-leave';
import { balanceOf } from '../../src/domain/leave-balance/balance';
import { chargesOf, untakenOf } from '../../src/domain/leave-balance/charges';
import { exclusionFactsOf } from '../../src/domain/leave-balance/exclusion-facts';
import { type CausedEntry, fixedEntriesDue, openingOf, statutoryEntriesDue, type StatutoryYear } from '../../src/domain/leave-balance/grants-due';
import type { LedgerEntry } from '../../src/domain/leave-balance/ledger-entry';
import { datesBetween } from '../../src/domain/calendar/calendar-day';

/** The entitlements the sweep writes (issue 16), as differences from what the ledger holds. */
const NO_EXCLUSION = { personalLeaveDaysWithoutDeduction: 0, sickLeaveCalendarDays: 0, leaveTakenBeforeExclusion: false };
const year2026 = (overrides: Partial<StatutoryYear>): StatutoryYear => ({
  year: 2026,
  today: '2026-01-05',
  person: { workStartedOn: '2012-04-01', hiredOn: '2020-01-01', leftOn: null },
  exclusion: NO_EXCLUSION,
  excludedByPreviousYear: false,
  ledger: [],
  ...overrides,
});
const written = (entries: { entry: LedgerEntry; cause: string }[]): CausedEntry[] => entries.map(({ entry, cause }) => ({ entry, cause }));
const taken = (days: number, date: string): CausedEntry[] => [
  { entry: { kind: 'reservation', days: -days, date }, cause: 'request' },
  { entry: { kind: 'release', of: 'reservation', days, date }, cause: 'request' },
  { entry: { kind: 'consumption', days: -days, date }, cause: 'request' },
];

describe('When an entitlement falls due (openingOf)', () => {
  it('1 January for the year; the hire date for a newcomer; the eligibility date when 12 months come later (AL-D2)', () => {
    const person = { workStartedOn: '2012-04-01', hiredOn: '2020-01-01', leftOn: null };
    expect(openingOf(2026, person, true)).toEqual({ cause: 'year_start', date: '2026-01-01' });
    expect(openingOf(2026, { ...person, hiredOn: '2026-09-01' }, true)).toEqual({ cause: 'hire', date: '2026-09-01' });
    expect(openingOf(2026, { workStartedOn: '2025-07-01', hiredOn: '2025-07-01', leftOn: null }, true)).toEqual({ cause: 'eligibility', date: '2026-07-01' });
    expect(openingOf(2026, { workStartedOn: '2025-07-01', hiredOn: '2025-07-01', leftOn: null }, false)).toEqual({ cause: 'year_start', date: '2026-01-01' });
    expect(openingOf(2026, { ...person, leftOn: '2025-12-31' }, true)).toBeNull();
  });
});

describe('Statutory entitlements due (statutoryEntriesDue)', () => {
  it('nothing before the due date; the opening grant with its steps once it has come', () => {
    expect(statutoryEntriesDue(year2026({ today: '2025-12-31', year: 2026 }))).toEqual([]);
    const [grant] = statutoryEntriesDue(year2026({}));
    expect(grant).toMatchObject({ entry: { kind: 'grant', days: 10, date: '2026-01-01' }, cause: 'year_start' });
    expect(grant.explanation).toEqual(statutoryAnnualLeave({ year: 2026, workStartedOn: '2012-04-01', hiredOn: '2020-01-01', leftOn: null, takenDays: 0, exclusion: NO_EXCLUSION, excludedByPreviousYear: false }).steps);
  });

  it('条例 第四条: an exclusion arising later revises the year to nothing', () => {
    const ledger = written(statutoryEntriesDue(year2026({})));
    const due = statutoryEntriesDue(year2026({ today: '2026-09-01', ledger, exclusion: { ...NO_EXCLUSION, sickLeaveCalendarDays: 90 } }));
    expect(due).toMatchObject([{ entry: { kind: 'adjustment', days: -10, date: '2026-09-01' }, cause: 'revision' }]);
  });

  it('实施办法 第十二条: the leaving settlement leaves exactly the untaken days — here 3 (AL-D6), more than 4 − 1.5', () => {
    // 1 January – 15 June: 166 × 10 = 1660; (1660 − 1.5 × 365) ÷ 365 = 3.05 → 3.
    const ledger = [...written(statutoryEntriesDue(year2026({}))), ...taken(1.5, '2026-03-02')];
    const due = statutoryEntriesDue(year2026({ today: '2026-06-16', ledger, person: { workStartedOn: '2012-04-01', hiredOn: '2020-01-01', leftOn: '2026-06-15' } }));
    expect(due).toMatchObject([{ entry: { kind: 'adjustment', days: -5.5, date: '2026-06-15' }, cause: 'leaving' }]);
    expect(balanceOf([...ledger, ...due].map(({ entry }) => entry)).available).toBe(3);
  });

  it('a leaving date still to come changes nothing yet', () => {
    const ledger = written(statutoryEntriesDue(year2026({})));
    expect(statutoryEntriesDue(year2026({ today: '2026-06-01', ledger, person: { workStartedOn: '2012-04-01', hiredOn: '2020-01-01', leftOn: '2026-06-15' } }))).toEqual([]);
  });

  const days = datesBetween('1996-01-01', '2027-12-31');
  const person = fc.record({ workStartedOn: fc.integer({ min: 0, max: 30 * 365 }), hiredAfter: fc.integer({ min: 0, max: 20 * 365 }), leaves: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }) }).map(({ workStartedOn, hiredAfter, leaves }) => {
    const start = days[Math.min(workStartedOn, days.length - 1)];
    const hired = days[Math.min(workStartedOn + hiredAfter, days.length - 1)];
    const left = leaves === null ? null : days[Math.min(days.indexOf(hired) + leaves, days.length - 1)];
    return { workStartedOn: start, hiredOn: hired, leftOn: left };
  });

  it('running again writes nothing; a leaver keeps exactly the untaken days, never below zero from the settlement itself (property)', () => {
    const days2026 = datesBetween('2026-01-01', '2026-12-31');
    fc.assert(
      fc.property(person, fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 150 }), (who, todayOffset, takenHalves, sickDays) => {
        const today = days2026[todayOffset];
        const exclusion = { ...NO_EXCLUSION, sickLeaveCalendarDays: sickDays };
        const first = statutoryEntriesDue(year2026({ today, person: who, exclusion }));
        const ledger = [...written(first), ...(takenHalves > 0 && first.length > 0 ? taken(takenHalves / 2, first[0].entry.date) : [])];
        const settled = [...ledger, ...written(statutoryEntriesDue(year2026({ today, person: who, exclusion, ledger })))];
        expect(statutoryEntriesDue(year2026({ today, person: who, exclusion, ledger: settled }))).toEqual([]);
        const balance = balanceOf(settled.map(({ entry }) => entry));
        if (who.leftOn !== null && who.leftOn >= '2026-01-01' && who.leftOn <= today && first.length > 0) expect(balance.available).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('A fixed number of days a year (fixedEntriesDue)', () => {
  it('granted once, on the due date, whatever runs come after', () => {
    const input = { year: 2026, today: '2026-03-01', person: { workStartedOn: '2026-02-01', hiredOn: '2026-02-01', leftOn: null }, days: 3, ruleFrom: '2026-01-01', ledger: [] as CausedEntry[] };
    const due = fixedEntriesDue(input);
    expect(due).toEqual([{ entry: { kind: 'grant', days: 3, date: '2026-02-01' }, cause: 'hire', explanation: [{ kind: 'fixed_per_year', days: 3, ruleFrom: '2026-01-01' }] }]);
    expect(fixedEntriesDue({ ...input, ledger: written(due) })).toEqual([]);
  });
});

describe('What a request charges (chargesOf, untakenOf)', () => {
  const days = (from: string, to: string) => datesBetween(from, to).map((date) => ({ date, days: 1 }));

  it('one entry per year, dated the first day charged, split at the carried days\' expiry', () => {
    const expiry = (year: number) => (year === 2027 ? '2027-03-31' : null);
    expect(chargesOf(days('2026-12-30', '2027-01-02'), expiry)).toEqual([{ year: 2026, date: '2026-12-30', days: 2 }, { year: 2027, date: '2027-01-01', days: 2 }]);
    expect(chargesOf([...days('2027-03-30', '2027-04-02'), { date: '2027-04-03', days: 0.5 }], expiry)).toEqual([{ year: 2027, date: '2027-03-30', days: 2 }, { year: 2027, date: '2027-04-01', days: 2.5 }]);
  });

  it('a cancellation after the start gives back only the untaken days, each to the charge it falls in', () => {
    const consumed = [{ year: 2027, date: '2027-03-30', days: 2 }, { year: 2027, date: '2027-04-01', days: 3 }];
    expect(untakenOf(consumed, days('2027-03-31', '2027-04-03'))).toEqual([{ year: 2027, date: '2027-03-30', days: 1 }, { year: 2027, date: '2027-04-01', days: 3 }]);
    expect(untakenOf(consumed, days('2027-04-03', '2027-04-03'))).toEqual([{ year: 2027, date: '2027-04-01', days: 1 }]);
  });

  it('the charges add up to the request\'s days, one a year, each dated the first day it charges (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (offset, length, halves) => {
        const charged = datesBetween('2027-01-01', '2028-02-28').slice(offset, offset + length).map((date, index) => ({ date, days: halves[index] ? 0.5 : 1 }));
        const charges = chargesOf(charged, () => null);
        expect(charges.reduce((total, charge) => total + charge.days, 0)).toBe(charged.reduce((total, day) => total + day.days, 0));
        expect(charges.map((charge) => charge.year)).toEqual([...new Set(charged.map((day) => Number(day.date.slice(0, 4))))]);
        for (const charge of charges) expect(charge.date).toBe(charged.find((day) => day.date.startsWith(String(charge.year)))!.date);
      }),
      { numRuns: 300 },
    );
  });
});

describe('The year\'s exclusion facts (exclusionFactsOf, AL-D5, AL-D7)', () => {
  const sick = (startDate: string, endDate: string) => ({ kind: 'sick' as const, startDate, startHalf: null, endDate, endHalf: null, workingDays: 0 });

  it('counts sick leave in calendar days within the year, and says whether annual leave came before the threshold', () => {
    // 1 July – 29 August: 60 days; the threshold is reached on 29 August.
    const before = (date: string) => date > '2026-06-23';
    expect(exclusionFactsOf(2026, [sick('2026-07-01', '2026-08-29')], 60, before)).toEqual({ personalLeaveDaysWithoutDeduction: 0, sickLeaveCalendarDays: 60, leaveTakenBeforeExclusion: true });
    expect(exclusionFactsOf(2026, [sick('2026-07-01', '2026-08-29')], 60, () => false).leaveTakenBeforeExclusion).toBe(false);
    // Across New Year, only this year's days count.
    expect(exclusionFactsOf(2026, [sick('2026-12-20', '2027-01-10')], 60, () => true)).toMatchObject({ sickLeaveCalendarDays: 12, leaveTakenBeforeExclusion: false });
  });
});
