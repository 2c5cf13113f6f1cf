import fc from 'fast-check';
import type { AnnualLeaveFacts } from '../../src/domain/leave-balance/annual-leave-facts';
import { statutoryAnnualLeave } from '../../src/domain/leave-balance/annual-leave';
import { fullYearDays, serviceYearsOn } from '../../src/domain/leave-balance/service-years';

/**
 * Statutory annual leave over every person and year (issue 16): whole days, never negative, never
 * more than the full year of the band reached (条例 第三条, 实施办法 第五条、第十二条), and never
 * less for longer service (实施办法 第四条).
 */
const RUNS = { numRuns: 1000 };
const BASE = Date.UTC(1975, 0, 1);
const dateAt = (days: number) => new Date(BASE + days * 86_400_000).toISOString().slice(0, 10);
const halfDays = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((halves) => halves / 2);

interface Person {
  facts: AnnualLeaveFacts;
  /** A second, later start of work (still on or before the hire date), for the monotonicity property. */
  laterStart: string;
}

/** Mostly the ordinary cases, often enough the edges: the years of hiring, leaving, and the 10th and 20th anniversaries. */
const person: fc.Arbitrary<Person> = fc
  .record({
    start: fc.integer({ min: 0, max: 50 * 365 }),
    hiredAfter: fc.oneof(fc.integer({ min: 0, max: 2 * 365 }), fc.integer({ min: 0, max: 30 * 365 })),
    laterBy: fc.double({ min: 0, max: 1, noNaN: true }),
    leftAfter: fc.option(fc.oneof(fc.integer({ min: 0, max: 2 * 365 }), fc.integer({ min: 0, max: 20 * 365 })), { nil: null }),
    year: fc.oneof(
      fc.record({ from: fc.constant('hired' as const), shift: fc.integer({ min: -1, max: 3 }) }),
      fc.record({ from: fc.constant('started' as const), shift: fc.constantFrom(1, 10, 20, 21) }),
    ),
    takenDays: halfDays(20),
    personal: fc.oneof({ weight: 5, arbitrary: halfDays(19.5) }, { weight: 1, arbitrary: halfDays(30) }),
    sick: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 59 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 150 }) }),
    takenBefore: fc.boolean(),
    excludedByPreviousYear: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  })
  .map((p) => {
    const hired = p.start + p.hiredAfter;
    const hiredOn = dateAt(hired);
    const workStartedOn = dateAt(p.start);
    const year = Math.min(2099, Number((p.year.from === 'hired' ? hiredOn : workStartedOn).slice(0, 4)) + p.year.shift);
    return {
      laterStart: dateAt(p.start + Math.floor(p.hiredAfter * p.laterBy)),
      facts: {
        year,
        workStartedOn,
        hiredOn,
        leftOn: p.leftAfter === null ? null : dateAt(hired + p.leftAfter),
        takenDays: p.takenDays,
        exclusion: { personalLeaveDaysWithoutDeduction: p.personal, sickLeaveCalendarDays: p.sick, leaveTakenBeforeExclusion: p.takenBefore },
        excludedByPreviousYear: p.excludedByPreviousYear,
      },
    };
  });

const lastCountedDay = (facts: AnnualLeaveFacts) => (facts.leftOn !== null && facts.leftOn < `${facts.year}-12-31` ? facts.leftOn : `${facts.year}-12-31`);

describe('Statutory annual leave (properties)', () => {
  it('is whole days and never negative; a leaver is never owed more than the year gives (实施办法 第五条、第十二条)', () => {
    fc.assert(
      fc.property(person, ({ facts }) => {
        const result = statutoryAnnualLeave(facts);
        expect(Number.isInteger(result.days) && result.days >= 0).toBe(true);
        if (result.leaving) {
          expect(Number.isInteger(result.leaving.untakenDays) && result.leaving.untakenDays >= 0).toBe(true);
          expect(result.leaving.untakenDays).toBeLessThanOrEqual(result.days);
        }
      }),
      RUNS,
    );
  });

  it('prorated is never more than the full year of the band reached (条例 第三条), and a whole year is exactly that', () => {
    fc.assert(
      fc.property(person, ({ facts }) => {
        const result = statutoryAnnualLeave(facts);
        const band = fullYearDays(serviceYearsOn(facts.workStartedOn, lastCountedDay(facts)));
        expect(result.days).toBeLessThanOrEqual(band);
        if (result.steps.some((step) => step.kind === 'full_year')) expect(result.days).toBe(band);
      }),
      RUNS,
    );
  });

  it('longer service never gives fewer days (实施办法 第四条, 条例 第三条、第四条)', () => {
    fc.assert(
      fc.property(person, ({ facts, laterStart }) => {
        const longer = statutoryAnnualLeave(facts);
        const shorter = statutoryAnnualLeave({ ...facts, workStartedOn: laterStart });
        expect(longer.days).toBeGreaterThanOrEqual(shorter.days);
        expect(longer.leaving?.untakenDays ?? 0).toBeGreaterThanOrEqual(shorter.leaving?.untakenDays ?? 0);
      }),
      RUNS,
    );
  });

  it('every step cites an article, and the prorated days are the floor of its numbers (实施办法 第五条)', () => {
    fc.assert(
      fc.property(person, ({ facts }) => {
        const result = statutoryAnnualLeave(facts);
        for (const step of result.steps) expect(step.article).toMatch(/^(条例|实施办法) 第.+条$/);
        const bands = result.steps.flatMap((step) => (step.kind === 'band' ? [step.calendarDays * step.fullYearDays] : []));
        for (const step of result.steps) {
          if (step.kind === 'prorated') expect([step.days, step.dayUnits]).toEqual([Math.floor(step.dayUnits / 365), bands.reduce((a, b) => a + b, 0)]);
        }
      }),
      RUNS,
    );
  });
});
