import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { datesBetween } from '../domain/calendar/calendar-day';
import { DomainError } from '../domain/errors/domain-error';
import { type AllowanceRule, carryOverClosing, type CarryOverVersion, keepsYearBalance, ruleOn } from '../domain/leave-balance/allowance';
import { statutoryAnnualLeave } from '../domain/leave-balance/annual-leave';
import { laterOf, yearBounds } from '../domain/leave-balance/calendar-days';
import { carriedExpiryDue, closeYear, DEFAULT_CARRY_OVER } from '../domain/leave-balance/carry-over';
import { type CountedLeave, exclusionFactsOf } from '../domain/leave-balance/exclusion-facts';
import { SICK_LEAVE_DAYS_PER_MONTH } from '../domain/leave-balance/exclusions';
import { type CausedEntry, type Employment, fixedEntriesDue, statutoryEntriesDue } from '../domain/leave-balance/grants-due';
import type { LedgerEntry } from '../domain/leave-balance/ledger-entry';
import { serviceYearsOn, sickLeaveThresholdMonths } from '../domain/leave-balance/service-years';
import { MonthLockService } from '../policy/month-lock.service';
import { AllowanceRulesRepository } from './allowance-rules.repository';
import { CarryOverRepository } from './carry-over.repository';
import { CountedLeaveRepository } from './counted-leave.repository';
import type { GrantProblem } from './grant-runs.repository';
import { LeaveBalanceRepository } from './leave-balance.repository';
import { LedgerRow, NewLedgerEntry, toLedgerEntry } from './ledger-rows';

/** A person the sweep settles, from which year on. */
export interface SettleTarget extends Employment {
  id: string;
  fromYear: number;
}

/** A step of a balance's year: written whole or not at all (its entries may fall in a closed month). */
interface Step {
  entries: { entry: LedgerEntry; cause: string; explanation: unknown[] }[];
}

interface Settled {
  entries: NewLedgerEntry[];
  problems: GrantProblem[];
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Brings balances up to what is due on a day (issue 16): the entitlements that fell due (year
 * start, hire, eligibility, leaving) and their revisions, the expiry of carried days, and the close
 * of each finished year (carry-over and lapse). Every step is computed from what the ledger already
 * holds (as a difference), so running again writes nothing and a late run catches up. Steps dated in
 * a closed month are not written; they are reported as problems of the run.
 */
@Injectable()
export class LeaveGrantService {
  constructor(
    private readonly ledger: LeaveBalanceRepository,
    private readonly rules: AllowanceRulesRepository,
    private readonly carryOver: CarryOverRepository,
    private readonly counted: CountedLeaveRepository,
    private readonly monthLock: MonthLockService,
  ) {}

  /** The first year any leave type kept a balance (the sweep never reaches further back), or null. */
  async firstTrackedYear(manager: EntityManager): Promise<number | null> {
    const years = [...(await this.rules.versions(manager)).values()].flat().filter(keepsYearBalance).map((rule) => yearOf(rule.effectiveFrom));
    return years.length === 0 ? null : Math.min(...years);
  }

  /** Settles a slice of people on `today` in the caller's transaction; returns what was written and what could not be. */
  async settle(manager: EntityManager, people: SettleTarget[], today: string, runId: number | null): Promise<{ written: number; problems: GrantProblem[] }> {
    const versions = await this.rules.versions(manager);
    const tracked = [...versions.entries()].filter(([, rules]) => rules.some(keepsYearBalance));
    if (tracked.length === 0 || people.length === 0) return { written: 0, problems: [] };
    const fromYear = Math.min(...people.map((person) => person.fromYear));
    // The month lock first, as every writer takes it: everything the sweep writes is dated by today.
    const closed = await this.monthLock.shareLock(manager, datesBetween(`${fromYear}-01-01`, today));
    await this.ledger.lock(manager, people.flatMap((person) => tracked.map(([leaveType]) => ({ staffId: person.id, leaveType }))));
    const rows = await this.ledger.entriesOfPeople(manager, people.map((person) => person.id), fromYear - 1);
    // Approved leave counts for its year however far ahead it lies (条例 第四条 judges the year).
    const leaves = await this.counted.ofPeople(manager, people.map((person) => person.id), `${fromYear - 1}-01-01`, `${yearOf(today)}-12-31`);
    const carry = await this.carryOver.versions(manager);
    const settled: Settled = { entries: [], problems: [] };
    // Grouped once: a slice holds hundreds of people, each with a few types.
    const byBalance = new Map<string, LedgerRow[]>();
    for (const row of rows) {
      const key = `${row.staff_id}|${row.leave_type_code}`;
      const list = byBalance.get(key);
      if (list) list.push(row);
      else byBalance.set(key, [row]);
    }
    for (const person of people) {
      for (const [leaveType, rules] of tracked) {
        const ledger = byBalance.get(`${person.id}|${leaveType}`) ?? [];
        this.settleBalance({ person, leaveType, rules, carry, ledger, leaves: leaves.get(person.id) ?? [], today, closed, runId }, settled);
      }
    }
    await this.ledger.insert(manager, settled.entries);
    return { written: settled.entries.length, problems: settled.problems };
  }

  /** One person's balance of one type, year by year from the person's `fromYear` to today's. */
  private settleBalance(
    input: { person: SettleTarget; leaveType: string; rules: AllowanceRule[]; carry: CarryOverVersion[]; ledger: LedgerRow[]; leaves: CountedLeave[]; today: string; closed: Set<string>; runId: number | null },
    settled: Settled,
  ): void {
    const { person, leaveType, today } = input;
    const years = new Map<number, CausedEntry[]>();
    const yearLedger = (year: number) => years.get(year) ?? years.set(year, []).get(year)!;
    for (const row of input.ledger) yearLedger(row.year).push({ entry: toLedgerEntry(row), cause: row.cause });
    for (let year = person.fromYear; year <= yearOf(today); year++) {
      const steps = () => this.stepsOf({ ...input, year, yearLedger });
      try {
        for (const step of steps()) {
          const closedMonth = step.entries.map(({ entry }) => entry.date.slice(0, 7)).find((month) => input.closed.has(month));
          if (closedMonth) {
            settled.problems.push({ staffId: person.id, leaveType, year, code: 'MONTH_CLOSED', message: `${step.entries[0].cause} dated in ${closedMonth}, which finance has closed` });
            continue;
          }
          for (const { entry, cause, explanation } of step.entries) {
            yearLedger(yearOf(entry.date)).push({ entry, cause });
            settled.entries.push({ staffId: person.id, leaveType, entry, cause, explanation, runId: input.runId });
          }
        }
      } catch (error) {
        // A ledger that breaks its rules, or facts that cannot be judged: reported, never guessed around.
        settled.problems.push({ staffId: person.id, leaveType, year, code: error instanceof DomainError ? error.code : 'LEAVE_LEDGER_INCONSISTENT', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /**
   * The steps due in one year, in order, each computed after the previous one is in the ledger:
   * the entitlement, the carried days' expiry, the close. A generator, so that each step sees the
   * entries the one before it wrote.
   */
  private *stepsOf(input: { person: SettleTarget; rules: AllowanceRule[]; carry: CarryOverVersion[]; leaves: CountedLeave[]; today: string; year: number; yearLedger: (year: number) => CausedEntry[] }): Generator<Step> {
    const { person, year, today, yearLedger } = input;
    const { start, end } = yearBounds(year);
    // The rule of the year: the one in force on 1 January, or on the hire date for a newcomer.
    const rule = ruleOn(input.rules, laterOf(start, person.hiredOn));
    if (rule.kind === 'per_year' && rule.days !== null) {
      yield { entries: fixedEntriesDue({ year, today, person, days: rule.days, ruleFrom: rule.effectiveFrom, ledger: yearLedger(year) }) };
    } else if (rule.kind === 'statutory') {
      const exclusion = this.exclusionOf(year, person, input.leaves, yearLedger(year));
      const previous = this.exclusionOf(year - 1, person, input.leaves, yearLedger(year - 1));
      const excludedByPreviousYear = previous !== null && statutoryAnnualLeave({ ...previous.facts, excludedByPreviousYear: false }).excludesNextYear;
      if (exclusion !== null) {
        yield { entries: statutoryEntriesDue({ year, today, person, exclusion: exclusion.facts.exclusion, excludedByPreviousYear, ledger: yearLedger(year) }) };
      }
    }
    const entries = () => yearLedger(year).map(({ entry }) => entry);
    const expiry = carriedExpiryDue(entries(), today);
    if (expiry) yield { entries: [{ entry: expiry, cause: 'carried_expiry', explanation: [{ kind: 'carried_expiry' }] }] };
    if (today <= end || entries().length === 0) return;
    // A leaver carries nothing into a year they are not employed in.
    const leaves = person.leftOn !== null && person.leftOn <= end;
    const setting = leaves ? DEFAULT_CARRY_OVER : carryOverClosing(input.carry, year);
    const close = closeYear(entries(), year, setting);
    const explanation = [{ kind: 'year_end', year, setting, carriedOut: close.carriedOut, lapsed: close.lapsed }];
    // The close holds the carried days' expiry too when that step could not be written (a closed month): all or nothing.
    const closing = [...close.closing, ...close.opening].map((entry) => ({ entry, cause: entry.kind === 'expiry' && entry.of === 'carried' ? 'carried_expiry' : 'year_end', explanation }));
    if (closing.length > 0) yield { entries: closing };
  }

  /**
   * The facts of 条例 第四条 for the year, with what statutoryAnnualLeave needs besides, or null
   * when the person was not in the company that year.
   */
  private exclusionOf(year: number, person: SettleTarget, leaves: CountedLeave[], ledger: CausedEntry[]) {
    const { start, end } = yearBounds(year);
    if (person.hiredOn > end || (person.leftOn !== null && person.leftOn < start)) return null;
    const leftOn = person.leftOn !== null && person.leftOn <= end ? person.leftOn : null;
    const threshold = sickLeaveThresholdMonths(serviceYearsOn(person.workStartedOn, leftOn ?? end)) * SICK_LEAVE_DAYS_PER_MONTH;
    const takenBefore = (date: string) => ledger.reduce((total, { entry }) => (entry.date < date && (entry.kind === 'consumption' || (entry.kind === 'release' && entry.of === 'consumption')) ? total - entry.days : total), 0) > 0;
    const exclusion = exclusionFactsOf(year, leaves, threshold, takenBefore);
    return { facts: { year, workStartedOn: person.workStartedOn, hiredOn: person.hiredOn, leftOn, takenDays: 0, exclusion } };
  }
}
