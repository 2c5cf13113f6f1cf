import { addDays } from '../calendar/calendar-day';
import { validationFailed } from '../errors/domain-error';
import { annualLeaveFactsProblems, type AnnualLeaveFacts } from './annual-leave-facts';
import type { AnnualLeaveStep } from './annual-leave-steps';
import { PRORATION_DIVISOR, UNTAKEN_PAY_PERCENT } from './articles';
import { anniversary, calendarDaysInclusive, laterOf, yearBounds } from './calendar-days';
import { exclusionOf, type Exclusion } from './exclusions';
import { BAND_CHANGES_AT_YEARS, eligibleFrom, fullYearDays, serviceYearsOn } from './service-years';

/** The untaken days a leaver is paid for (实施办法 第十条、第十二条). */
export interface LeavingSettlement {
  leftOn: string;
  takenDays: number;
  untakenDays: number;
  payPercent: number;
}

export interface AnnualLeaveResult {
  year: number;
  /** Whole days of statutory annual leave for the year. */
  days: number;
  /** An exclusion arose after leave was taken: pass this as next year's `excludedByPreviousYear` (实施办法 第八条). */
  excludesNextYear: boolean;
  /** Set in the year of leaving. */
  leaving: LeavingSettlement | null;
  steps: AnnualLeaveStep[];
}

type BandStep = Extract<AnnualLeaveStep, { kind: 'band' }>;

/** The counted days [from, to] split where 10 or 20 years of service are reached (条例 第三条, AL-D1). */
function bandsBetween(workStartedOn: string, from: string, to: string): BandStep[] {
  const starts = [from, ...BAND_CHANGES_AT_YEARS.map((years) => anniversary(workStartedOn, years)).filter((date) => date > from && date <= to)];
  const bands = starts.map((start, index): BandStep => {
    const end = index + 1 < starts.length ? addDays(starts[index + 1], -1) : to;
    const serviceYears = serviceYearsOn(workStartedOn, start);
    return { kind: 'band', article: '条例 第三条', from: start, to: end, serviceYears, fullYearDays: fullYearDays(serviceYears), calendarDays: calendarDaysInclusive(start, end) };
  });
  return bands.length > 1 ? bands.map((band) => ({ ...band, decision: 'AL-D1' })) : bands;
}

/**
 * The days for the counted stretch [from, to], its steps appended to `steps`: a whole year is the
 * full-year days as such (条例 第三条); any other stretch is Σ calendar days × full-year days ÷ 365,
 * fraction dropped (实施办法 第五条 on joining, 第十二条 on leaving, AL-D1, AL-D2).
 */
function entitlement(workStartedOn: string, from: string, to: string, leaving: boolean, steps: AnnualLeaveStep[]): { days: number; dayUnits: number } {
  const bands = bandsBetween(workStartedOn, from, to);
  steps.push(...bands);
  const dayUnits = bands.reduce((sum, band) => sum + band.calendarDays * band.fullYearDays, 0);
  // `from` lies in the year, so 1 January is the year's start.
  if (!leaving && from.endsWith('-01-01') && bands.length === 1) {
    steps.push({ kind: 'full_year', article: '条例 第三条', days: bands[0].fullYearDays });
    return { days: bands[0].fullYearDays, dayUnits };
  }
  const days = Math.floor(dayUnits / PRORATION_DIVISOR);
  const exact = Math.round((dayUnits / PRORATION_DIVISOR) * 100) / 100;
  steps.push({ kind: 'prorated', article: leaving ? '实施办法 第十二条' : '实施办法 第五条', decision: 'AL-D4', dayUnits, divisor: PRORATION_DIVISOR, exact, days });
  return { days, dayUnits };
}

const causeOf = ({ reason, days, thresholdDays }: Exclusion) => ({ reason, days, thresholdDays });

const excludedStep = (exclusion: Exclusion): AnnualLeaveStep => ({
  kind: 'excluded',
  article: '条例 第四条',
  ...causeOf(exclusion),
  ...(exclusion.reason === 'sick_leave' ? { decision: 'AL-D5' as const } : {}),
});

/**
 * The statutory paid annual leave (带薪年休假) of one person for one calendar year, with the steps
 * that explain it. Pure: the same facts always give the same result. Bad facts are a
 * VALIDATION_FAILED naming the field.
 *
 * Order of the rules: not in the company that year → none (条例 第二条); not yet 12 months of
 * service by the last day counted → none (实施办法 第三条); the previous year's exclusion →
 * none (实施办法 第八条); an exclusion of the year before any leave was taken → none (条例 第四条);
 * otherwise the full-year days of the service band (条例 第三条), prorated by calendar days ÷ 365
 * when the counted days are not the whole year (实施办法 第五条, AL-D1, AL-D2), and on leaving the
 * untaken days payable at 300% (实施办法 第十条、第十二条).
 */
export function statutoryAnnualLeave(facts: AnnualLeaveFacts): AnnualLeaveResult {
  const problems = annualLeaveFactsProblems(facts);
  if (problems.length > 0) throw validationFailed(problems, 'The facts of the annual leave are not valid');
  const { year, workStartedOn, hiredOn, leftOn } = facts;
  const { start, end } = yearBounds(year);
  const leavesThisYear = leftOn !== null && leftOn >= start && leftOn <= end;
  const from = laterOf(start, hiredOn);
  const to = leftOn !== null && leftOn < end ? leftOn : end;
  const settle = (days: number, untakenDays: number, steps: AnnualLeaveStep[], excludesNextYear = false): AnnualLeaveResult => {
    const leaving = leavesThisYear && leftOn !== null ? { leftOn, takenDays: facts.takenDays, untakenDays, payPercent: UNTAKEN_PAY_PERCENT } : null;
    return { year, days, excludesNextYear, leaving, steps };
  };

  if (from > to) return settle(0, 0, [{ kind: 'not_employed', article: '条例 第二条', year, hiredOn, leftOn }]);
  const steps: AnnualLeaveStep[] = [{ kind: 'service', article: '实施办法 第四条', decision: 'AL-D3', workStartedOn, on: to, serviceYears: serviceYearsOn(workStartedOn, to) }];
  const eligible = eligibleFrom(workStartedOn);
  if (eligible > to) return settle(0, 0, [...steps, { kind: 'not_yet_eligible', article: '实施办法 第三条', eligibleFrom: eligible }]);
  const countedFrom = laterOf(from, eligible);
  steps.push({ kind: 'eligible', article: '实施办法 第三条', eligibleFrom: eligible, ...(countedFrom > from ? { decision: 'AL-D2' as const } : {}) });

  if (facts.excludedByPreviousYear) return settle(0, 0, [...steps, { kind: 'excluded_by_previous_year', article: '实施办法 第八条', previousYear: year - 1 }]);
  const exclusion = exclusionOf(facts.exclusion, serviceYearsOn(workStartedOn, to));
  if (exclusion && !exclusion.afterLeaveTaken) return settle(0, 0, [...steps, excludedStep(exclusion)]);

  const { days, dayUnits } = entitlement(workStartedOn, countedFrom, to, leavesThisYear, steps);
  if (exclusion) steps.push({ kind: 'excludes_next_year', article: '实施办法 第八条', decision: 'AL-D7', ...causeOf(exclusion), nextYear: year + 1 });
  if (!leavesThisYear) return settle(days, 0, steps, exclusion !== null);

  // 实施办法 第十二条 (AL-D6): the fraction of the whole difference is dropped; never negative, so
  // days taken beyond the share are not clawed back.
  const untakenDays = Math.max(0, Math.floor((dayUnits - facts.takenDays * PRORATION_DIVISOR) / PRORATION_DIVISOR));
  const takenBeyondShare = facts.takenDays * PRORATION_DIVISOR > dayUnits;
  steps.push({ kind: 'leaving', article: '实施办法 第十二条', decision: 'AL-D6', leftOn, dayUnits, takenDays: facts.takenDays, untakenDays, takenBeyondShare });
  steps.push({ kind: 'untaken_pay', article: '实施办法 第十条', untakenDays, payPercent: UNTAKEN_PAY_PERCENT });
  return settle(days, untakenDays, steps, exclusion !== null);
}
