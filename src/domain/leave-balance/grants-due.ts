import type { ExclusionFacts } from './annual-leave-facts';
import { statutoryAnnualLeave } from './annual-leave';
import type { AnnualLeaveStep } from './annual-leave-steps';
import { balanceOf } from './balance';
import { earlierOf, laterOf, yearBounds } from './calendar-days';
import type { LedgerEntry } from './ledger-entry';
import { eligibleFrom } from './service-years';

/** Why the sweep wrote an entitlement entry: the due date of the year's opening grant, a leaver's settlement, a recomputation. */
export type OpeningCause = 'year_start' | 'hire' | 'eligibility';
export type EntitlementCause = OpeningCause | 'leaving' | 'revision';
export const ENTITLEMENT_CAUSES: readonly string[] = ['year_start', 'hire', 'eligibility', 'leaving', 'revision'];

/** How an entitlement entry was worked out, stored beside it: the statutory steps, or the fixed rule. */
export type GrantStep = AnnualLeaveStep | { kind: 'fixed_per_year'; days: number; ruleFrom: string };

export interface EntitlementEntry {
  entry: LedgerEntry;
  cause: EntitlementCause;
  explanation: GrantStep[];
}

/** A ledger entry as stored, with why it was written. */
export interface CausedEntry {
  entry: LedgerEntry;
  cause: string;
}

export interface Employment {
  workStartedOn: string;
  hiredOn: string;
  leftOn: string | null;
}

/**
 * When a year's entitlement falls due and why: 1 January; the hire date for a newcomer; for
 * statutory leave, the day 12 months of service are complete when that is later (实施办法 第三条,
 * AL-D2). Null when the person is not in the company from then on in the year.
 */
export function openingOf(year: number, person: Employment, statutory: boolean): { cause: OpeningCause; date: string } | null {
  const { start, end } = yearBounds(year);
  let date = laterOf(start, person.hiredOn);
  let cause: OpeningCause = date === person.hiredOn ? 'hire' : 'year_start';
  const eligible = statutory ? eligibleFrom(person.workStartedOn) : date;
  if (eligible > date) {
    date = eligible;
    cause = 'eligibility';
  }
  if (date > end || (person.leftOn !== null && person.leftOn < date)) return null;
  return { cause, date };
}

const sum = (entries: readonly { entry: LedgerEntry }[]) => entries.reduce((total, { entry }) => total + entry.days, 0);

function written(ledger: readonly CausedEntry[]) {
  const entitlement = ledger.filter((caused) => ENTITLEMENT_CAUSES.includes(caused.cause));
  return { days: sum(entitlement), opened: ledger.some((caused) => caused.entry.kind === 'grant'), settled: ledger.some((caused) => caused.cause === 'leaving') };
}

const grant = (opening: { cause: OpeningCause; date: string }, days: number, explanation: GrantStep[]): EntitlementEntry => ({
  entry: { kind: 'grant', days, date: opening.date },
  cause: opening.cause,
  explanation,
});

// System adjustments give their cause as the reason; the explanation holds the computation.
const adjustment = (cause: 'leaving' | 'revision', days: number, date: string, explanation: GrantStep[]): EntitlementEntry => ({
  entry: { kind: 'adjustment', days, date, reason: cause },
  cause,
  explanation,
});

/** A fixed number of days a calendar year: granted once when it falls due, never recomputed. */
export function fixedEntriesDue(input: { year: number; today: string; person: Employment; days: number; ruleFrom: string; ledger: readonly CausedEntry[] }): EntitlementEntry[] {
  const opening = openingOf(input.year, input.person, false);
  if (opening === null || input.today < opening.date || written(input.ledger).opened) return [];
  return [grant(opening, input.days, [{ kind: 'fixed_per_year', days: input.days, ruleFrom: input.ruleFrom }])];
}

export interface StatutoryYear {
  year: number;
  /** Company today: what has fallen due by then is written. */
  today: string;
  person: Employment;
  exclusion: ExclusionFacts;
  excludedByPreviousYear: boolean;
  /** The year's ledger as written so far. */
  ledger: readonly CausedEntry[];
}

/**
 * The entries that bring a year's statutory annual leave to what is due on `today`, written as
 * differences from what earlier runs wrote, so that a sweep that missed days catches up and a
 * second run writes nothing:
 * - the opening grant on its due date, the whole year's days as known then (条例 第三条, 实施办法 第五条);
 * - while the person stays: a revision when the year's days change (an exclusion arises, 条例 第四条;
 *   the office corrects workStartedOn or hiredOn);
 * - once the leaving date has come: the settlement that leaves exactly the untaken days to be paid
 *   (实施办法 第十二条, AL-D6), plus carried days still unexpired on that date; days taken beyond
 *   the share are not clawed back, so it never takes the balance below zero on its own. Later
 *   changes (leave approved afterwards for a day before leaving) revise it.
 */
export function statutoryEntriesDue(input: StatutoryYear): EntitlementEntry[] {
  const { year, today, person } = input;
  const opening = openingOf(year, person, true);
  if (opening === null || today < opening.date) return [];
  const { end } = yearBounds(year);
  const facts = { year, workStartedOn: person.workStartedOn, hiredOn: person.hiredOn, leftOn: null, takenDays: 0, exclusion: input.exclusion, excludedByPreviousYear: input.excludedByPreviousYear };
  const whole = statutoryAnnualLeave(facts);
  const before = written(input.ledger);
  const due: EntitlementEntry[] = [];
  if (!before.opened && before.days === 0 && whole.days > 0) due.push(grant(opening, whole.days, whole.steps));

  const leftOn = person.leftOn;
  if (leftOn === null || leftOn > end || leftOn > today) {
    const change = whole.days - before.days - sum(due);
    if (change !== 0) due.push(adjustment('revision', change, earlierOf(today, end), whole.steps));
    return due;
  }
  const balance = balanceOf([...input.ledger, ...due].map(({ entry }) => entry));
  const leaving = statutoryAnnualLeave({ ...facts, leftOn, takenDays: balance.taken });
  const carriedKept = balance.expiring !== null && leftOn <= balance.expiring.on ? balance.expiring.days : 0;
  const change = (leaving.leaving?.untakenDays ?? 0) + carriedKept - (balance.available + balance.reserved);
  if (change !== 0) due.push(adjustment(before.settled ? 'revision' : 'leaving', change, leftOn, leaving.steps));
  return due;
}
