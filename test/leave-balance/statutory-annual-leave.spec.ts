import { DomainError } from '../../src/domain/errors/domain-error';
import type { AnnualLeaveFacts } from '../../src/domain/leave-balance/annual-leave-facts';
import { statutoryAnnualLeave } from '../../src/domain/leave-balance/annual-leave';

/**
 * Statutory paid annual leave (issue 16), one worked example per article. The expected numbers are
 * worked out in the comments: calendar days × full-year days ÷ 365, fraction dropped.
 */
const facts = (overrides: Partial<AnnualLeaveFacts>): AnnualLeaveFacts => ({
  year: 2026,
  workStartedOn: '2010-01-01',
  hiredOn: '2010-01-01',
  leftOn: null,
  takenDays: 0,
  exclusion: { personalLeaveDaysWithoutDeduction: 0, sickLeaveCalendarDays: 0, leaveTakenBeforeExclusion: false },
  excludedByPreviousYear: false,
  ...overrides,
});
const kinds = (result: { steps: { kind: string }[] }) => result.steps.map((step) => step.kind);

describe('Statutory annual leave: the full year (条例 第三条, 实施办法 第三条、第四条)', () => {
  it('条例 第三条: 25 years of service give 15 days for a whole year in the company', () => {
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2001-07-01', hiredOn: '2015-03-02' }));
    expect(result).toMatchObject({ days: 15, excludesNextYear: false, leaving: null });
    expect(result.steps).toEqual([
      { kind: 'service', article: '实施办法 第四条', decision: 'AL-D3', workStartedOn: '2001-07-01', on: '2026-12-31', serviceYears: 25 },
      { kind: 'eligible', article: '实施办法 第三条', eligibleFrom: '2002-07-01' },
      { kind: 'band', article: '条例 第三条', from: '2026-01-01', to: '2026-12-31', serviceYears: 24, fullYearDays: 15, calendarDays: 365 },
      { kind: 'full_year', article: '条例 第三条', days: 15 },
    ]);
  });

  it('条例 第三条: 1 to under 10 years give 5 days, 10 to under 20 give 10, 20 and more 15', () => {
    // Service on 1 January 2026 (whole years, AL-D3): started 2025-01-01 → 1; 2016-01-01 → 10; 2006-01-01 → 20.
    const days = (workStartedOn: string) => statutoryAnnualLeave(facts({ workStartedOn, hiredOn: '2025-01-01' })).days;
    expect([days('2025-01-01'), days('2017-01-01'), days('2016-01-01'), days('2007-01-01'), days('2006-01-01')]).toEqual([5, 5, 10, 10, 15]);
  });

  it('实施办法 第四条: service at other employers counts — the same person hired this year on 1 January gets the full year', () => {
    expect(statutoryAnnualLeave(facts({ workStartedOn: '2011-05-01', hiredOn: '2026-01-01' })).days).toBe(10);
  });

  it('实施办法 第三条: no annual leave before 12 continuous months of service', () => {
    const result = statutoryAnnualLeave(facts({ year: 2026, workStartedOn: '2026-02-01', hiredOn: '2026-02-01' }));
    expect(result.days).toBe(0);
    expect(result.steps.at(-1)).toEqual({ kind: 'not_yet_eligible', article: '实施办法 第三条', eligibleFrom: '2027-02-01' });
  });

  it('AL-D4: 365 is the divisor even in a leap year, and a whole leap year still gives exactly the full-year days', () => {
    // 2028 has 366 days; hired 2 January: 365 × 15 ÷ 365 = 15.00 → 15. A whole year is 15 as such.
    expect(statutoryAnnualLeave(facts({ year: 2028, workStartedOn: '2001-07-01', hiredOn: '2028-01-02' })).steps.at(-1)).toMatchObject({ kind: 'prorated', dayUnits: 5475, divisor: 365, exact: 15, days: 15 });
    expect(statutoryAnnualLeave(facts({ year: 2028, workStartedOn: '2001-07-01', hiredOn: '2020-01-01' })).days).toBe(15);
  });

  it('条例 第二条: a person who is not in the company in the year has no annual leave for it', () => {
    expect(kinds(statutoryAnnualLeave(facts({ hiredOn: '2027-01-04' })))).toEqual(['not_employed']);
    expect(statutoryAnnualLeave(facts({ hiredOn: '2020-01-01', leftOn: '2025-12-31' }))).toMatchObject({ days: 0, leaving: null });
  });
});

describe('Statutory annual leave: the year of joining (实施办法 第五条)', () => {
  it('实施办法 第五条: joining in September with 8 years of service — (122 ÷ 365) × 5 = 1.67 → 1 day', () => {
    // Remaining calendar days in the company: 1 September – 31 December = 30 + 31 + 30 + 31 = 122 (AL-D4).
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2018-03-01', hiredOn: '2026-09-01' }));
    expect(result.days).toBe(1);
    expect(result.steps.slice(2)).toEqual([
      { kind: 'band', article: '条例 第三条', from: '2026-09-01', to: '2026-12-31', serviceYears: 8, fullYearDays: 5, calendarDays: 122 },
      { kind: 'prorated', article: '实施办法 第五条', decision: 'AL-D4', dayUnits: 610, divisor: 365, exact: 1.67, days: 1 },
    ]);
  });

  it('实施办法 第五条: fractions of a day are dropped, whole days are kept', () => {
    // Hired 19 February with 25 years: 316 days × 15 = 4740 ÷ 365 = 12.99 → 12. Hired 18 February: 317 × 15 = 4755 ÷ 365 = 13.03 → 13.
    expect(statutoryAnnualLeave(facts({ workStartedOn: '2001-01-01', hiredOn: '2026-02-19' })).days).toBe(12);
    expect(statutoryAnnualLeave(facts({ workStartedOn: '2001-01-01', hiredOn: '2026-02-18' })).days).toBe(13);
  });

  it('AL-D2: becoming eligible during the year prorates the days from the eligibility date', () => {
    // First job on 2025-07-01; 12 months complete on 2026-06-30, eligible from 2026-07-01: 184 days × 5 = 920 ÷ 365 = 2.52 → 2.
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2025-07-01', hiredOn: '2025-07-01' }));
    expect(result.days).toBe(2);
    expect(result.steps).toContainEqual({ kind: 'eligible', article: '实施办法 第三条', eligibleFrom: '2026-07-01', decision: 'AL-D2' });
    expect(result.steps.at(-1)).toMatchObject({ kind: 'prorated', dayUnits: 920, days: 2 });
  });

  it('AL-D1: crossing the 10-year line during the year prorates each part with its own days', () => {
    // Started 2016-07-01: 1 Jan – 30 Jun at 9 years (181 days × 5 = 905), 1 Jul – 31 Dec at 10 years (184 × 10 = 1840);
    // (905 + 1840) ÷ 365 = 7.52 → 7.
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2016-07-01', hiredOn: '2020-01-01' }));
    expect(result.days).toBe(7);
    expect(result.steps.filter((step) => step.kind === 'band')).toEqual([
      { kind: 'band', article: '条例 第三条', from: '2026-01-01', to: '2026-06-30', serviceYears: 9, fullYearDays: 5, calendarDays: 181, decision: 'AL-D1' },
      { kind: 'band', article: '条例 第三条', from: '2026-07-01', to: '2026-12-31', serviceYears: 10, fullYearDays: 10, calendarDays: 184, decision: 'AL-D1' },
    ]);
  });

  it('AL-D1: crossing the 20-year line, and the anniversary day itself counts at the higher band', () => {
    // Started 2006-12-31: 1 Jan – 30 Dec at 19 years (364 × 10 = 3640), 31 Dec at 20 (1 × 15 = 15); 3655 ÷ 365 = 10.01 → 10.
    expect(statutoryAnnualLeave(facts({ workStartedOn: '2006-12-31', hiredOn: '2020-01-01' })).steps.at(-1)).toMatchObject({ dayUnits: 3655, days: 10 });
  });

  it('AL-D3: service that began on 29 February completes its years on 1 March in a common year', () => {
    // Started 2016-02-29: 10 years complete on 2026-03-01 (2026 is a common year). 59 days × 5 + 306 × 10 = 3355 ÷ 365 = 9.19 → 9.
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2016-02-29', hiredOn: '2020-01-01' }));
    expect(result.steps.filter((step) => step.kind === 'band').map((step) => step.kind === 'band' && [step.from, step.calendarDays])).toEqual([['2026-01-01', 59], ['2026-03-01', 306]]);
    expect(result.days).toBe(9);
  });
});

describe('Statutory annual leave: the year of leaving (实施办法 第十条、第十二条)', () => {
  it('实施办法 第十二条: a leaver in June who took more than their share is paid nothing and nothing is clawed back', () => {
    // 14 years of service → 10 days. 1 January – 15 June = 166 days: 166 × 10 = 1660 ÷ 365 = 4.55; 6 days taken:
    // 4.55 − 6 < 0 → 0 untaken days, and the 1.45 days taken beyond the share stay taken.
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2012-04-01', hiredOn: '2020-01-01', leftOn: '2026-06-15', takenDays: 6 }));
    expect(result.days).toBe(4);
    expect(result.leaving).toEqual({ leftOn: '2026-06-15', takenDays: 6, untakenDays: 0, payPercent: 300 });
    expect(result.steps.slice(-3)).toEqual([
      { kind: 'prorated', article: '实施办法 第十二条', decision: 'AL-D4', dayUnits: 1660, divisor: 365, exact: 4.55, days: 4 },
      { kind: 'leaving', article: '实施办法 第十二条', decision: 'AL-D6', leftOn: '2026-06-15', dayUnits: 1660, takenDays: 6, untakenDays: 0, takenBeyondShare: true },
      { kind: 'untaken_pay', article: '实施办法 第十条', untakenDays: 0, payPercent: 300 },
    ]);
  });

  it('实施办法 第十条、第十二条 (AL-D6): the untaken days are paid at 300%, the fraction of the whole difference dropped', () => {
    // The same leaver with 1.5 days taken: (1660 − 1.5 × 365) ÷ 365 = 1112.5 ÷ 365 = 3.05 → 3 days at 300%
    // (dropping the fraction first would give 4 − 1.5 = 2.5).
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2012-04-01', hiredOn: '2020-01-01', leftOn: '2026-06-15', takenDays: 1.5 }));
    expect(result.leaving).toEqual({ leftOn: '2026-06-15', takenDays: 1.5, untakenDays: 3, payPercent: 300 });
  });

  it('实施办法 第十二条: joining and leaving in the same year counts the days in the company', () => {
    // 25 years of service, in the company 1 March – 31 August: 184 days × 15 = 2760 ÷ 365 = 7.56 → 7; nothing taken → 7 paid.
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2001-01-01', hiredOn: '2026-03-01', leftOn: '2026-08-31' }));
    expect([result.days, result.leaving?.untakenDays]).toEqual([7, 7]);
  });
});

describe('Statutory annual leave: exclusions (条例 第四条, 实施办法 第八条)', () => {
  const excluded = (workStartedOn: string, exclusion: Partial<AnnualLeaveFacts['exclusion']>) =>
    statutoryAnnualLeave(facts({ workStartedOn, hiredOn: '2020-01-01', exclusion: { personalLeaveDaysWithoutDeduction: 0, sickLeaveCalendarDays: 0, leaveTakenBeforeExclusion: false, ...exclusion } }));

  it('条例 第四条（三）–（五） (AL-D5): sick leave of 2, 3 or 4 months by service band takes the year\'s leave', () => {
    // 8 years: 60 days (2 months) excludes, 59 does not; 14 years: 90 / 89; 25 years: 120 / 119. "以上" includes the number.
    expect(excluded('2018-01-01', { sickLeaveCalendarDays: 60 }).days).toBe(0);
    expect(excluded('2018-01-01', { sickLeaveCalendarDays: 59 }).days).toBe(5);
    expect(excluded('2012-01-01', { sickLeaveCalendarDays: 89 }).days).toBe(10);
    expect(excluded('2012-01-01', { sickLeaveCalendarDays: 90 }).days).toBe(0);
    expect(excluded('2001-01-01', { sickLeaveCalendarDays: 119 }).days).toBe(15);
    expect(excluded('2001-01-01', { sickLeaveCalendarDays: 120 }).steps.at(-1)).toEqual({
      kind: 'excluded', article: '条例 第四条', reason: 'sick_leave', days: 120, thresholdDays: 120, decision: 'AL-D5',
    });
  });

  it('AL-D5: in a year that crosses the 10-year line the sick-leave threshold is that of the higher band', () => {
    // Started 2016-07-01: 10 years from 1 July, so 3 months (90 days) apply; 80 days do not exclude.
    expect(excluded('2016-07-01', { sickLeaveCalendarDays: 80 }).days).toBe(7);
  });

  it('条例 第四条（二）: 20 days of personal leave without pay deduction take the year\'s leave; 19.5 do not', () => {
    expect(excluded('2001-01-01', { personalLeaveDaysWithoutDeduction: 20 }).steps.at(-1)).toEqual({
      kind: 'excluded', article: '条例 第四条', reason: 'personal_leave', days: 20, thresholdDays: 20,
    });
    expect(excluded('2001-01-01', { personalLeaveDaysWithoutDeduction: 19.5 }).days).toBe(15);
  });

  it('实施办法 第八条: an exclusion arising after leave was taken keeps the year\'s leave and costs the next year\'s', () => {
    // 2026: 8 years of service, leave taken in spring, then 70 days of sick leave (≥ 60): 2026 keeps its 5 days.
    const year = statutoryAnnualLeave(facts({ workStartedOn: '2018-01-01', hiredOn: '2020-01-01', exclusion: { personalLeaveDaysWithoutDeduction: 0, sickLeaveCalendarDays: 70, leaveTakenBeforeExclusion: true } }));
    expect([year.days, year.excludesNextYear]).toEqual([5, true]);
    expect(year.steps.at(-1)).toEqual({ kind: 'excludes_next_year', article: '实施办法 第八条', decision: 'AL-D7', reason: 'sick_leave', days: 70, thresholdDays: 60, nextYear: 2027 });
    // 2027, the year after: none.
    const next = statutoryAnnualLeave(facts({ year: 2027, workStartedOn: '2018-01-01', hiredOn: '2020-01-01', excludedByPreviousYear: year.excludesNextYear }));
    expect(next.days).toBe(0);
    expect(next.steps.at(-1)).toEqual({ kind: 'excluded_by_previous_year', article: '实施办法 第八条', previousYear: 2026 });
  });

  it('条例 第四条: an excluded leaver is owed no untaken days', () => {
    const result = statutoryAnnualLeave(facts({ workStartedOn: '2018-01-01', hiredOn: '2020-01-01', leftOn: '2026-10-31', exclusion: { personalLeaveDaysWithoutDeduction: 25, sickLeaveCalendarDays: 0, leaveTakenBeforeExclusion: false } }));
    expect([result.days, result.leaving?.untakenDays, result.excludesNextYear]).toEqual([0, 0, false]);
  });
});

describe('Statutory annual leave: bad facts', () => {
  it('refuses facts that cannot be judged, naming each field', () => {
    const problems = (overrides: Partial<AnnualLeaveFacts>) => {
      try {
        statutoryAnnualLeave(facts(overrides));
        return [];
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        expect(error.code).toBe('VALIDATION_FAILED');
        return error.details.map((detail) => detail.field);
      }
    };
    expect(problems({ workStartedOn: '2026-02-30' })).toEqual(['workStartedOn']);
    expect(problems({ workStartedOn: '2021-01-01', hiredOn: '2020-01-01' })).toEqual(['workStartedOn']);
    expect(problems({ leftOn: '2009-12-31' })).toEqual(['leftOn']);
    expect(problems({ year: 2026.5, takenDays: 0.3 })).toEqual(['year', 'takenDays']);
    expect(problems({ exclusion: { personalLeaveDaysWithoutDeduction: -1, sickLeaveCalendarDays: Number.NaN, leaveTakenBeforeExclusion: false } })).toEqual([
      'exclusion.personalLeaveDaysWithoutDeduction',
      'exclusion.sickLeaveCalendarDays',
    ]);
    expect(problems({})).toEqual([]);
  });
});
