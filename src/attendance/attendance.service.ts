import { Injectable, OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, datesBetween } from '../domain/calendar/calendar-day';
import { Clock } from '../policy/clock';
import { CompanyClock } from '../policy/company-clock';
import { ChangedDays, ChangedFrom, DayChangeListener, DayChanges } from '../policy/day-changes';
import { InjectBackgroundDataSource } from '../database/background-data-source';
import { MonthLockService } from '../policy/month-lock.service';
import type { EmploymentSpan, Policy } from '../domain/policy';
import { PolicyRepository } from '../policy/policy.repository';
import { AttendanceRepository } from './attendance.repository';
import { CoversRepository } from './covers.repository';
import { ComputedDay, computePersonDays, PersonDays } from '../domain/attendance/person-days';
import type { SliceRows, SlicePerson } from '../domain/attendance/day-rows';
import { DayComputePool } from './day-compute-pool';
import { expectedSessionIndexes } from '../domain/attendance/classify-day';
import type { Punch } from '../domain/attendance/types';
import { StaleDaysRepository, StaleSpan } from '../policy/stale-days.repository';

/** One person's day as judged now and, with some punches added, as it would be judged: stores nothing. */
export interface JudgedDay {
  day: ComputedDay;
  /** The sessions still expected (not covered by leave or business trips), by index. */
  expectedSessions: number[];
  /** The same day with the extra punches; equal to `day` when none were given. */
  withExtra: ComputedDay;
}

export interface RecomputeScope {
  /** Null: everyone employed in the range. */
  staffIds: string[] | null;
  from: string;
  to: string;
}

/** People whose queued spans fit in one range of at most this many days are recomputed together. */
const JOINT_RANGE_DAYS = 62;
/** People recomputed per transaction of the queue: small enough to keep the event loop responsive. */
const QUEUE_SLICE_PEOPLE = 100;
/** Person-days computed per slice: a worker task of a few tens of milliseconds, a write of one statement. */
const SLICE_PERSON_DAYS = 6000;

interface PunchSpan {
  fromInstant: Date;
  toInstant: Date;
}

/** The instants whose punches can fall in the windows of [from, to]: two days of margin on each side cover any window that reaches over midnight. */
function punchSpanOf(policy: Policy, from: string, to: string): PunchSpan {
  return {
    fromInstant: DateTime.fromISO(addDays(from, -2), { zone: policy.timeZone }).toJSDate(),
    toInstant: DateTime.fromISO(addDays(to, 3), { zone: policy.timeZone }).toJSDate(),
  };
}

/** People per slice for a range of `days` dates (a month: about 200). */
function sliceSize(days: number): number {
  return Math.max(1, Math.floor(SLICE_PERSON_DAYS / Math.max(days, 1)));
}

/**
 * Keeps the materialised day results equal to what the rules say about the current inputs.
 * Writes of leave, exemptions, rules and voids announce their days (DayChanges), and this service,
 * listening, recomputes them inside the writer's transaction;
 * punches, which arrive by the thousand, queue their days as stale (attendance_stale) and the queue
 * is worked off by `drainQueue` in the background; `ensureFresh` brings queued days up to date
 * before anything reads them, so a reader never sees a result older than the punches.
 */
@Injectable()
export class AttendanceService implements OnModuleInit, DayChangeListener {
  constructor(
    private readonly dataSource: DataSource,
    /** The queue and the sweep run on a pool of their own, which requests cannot exhaust. */
    @InjectBackgroundDataSource() private readonly background: DataSource,
    private readonly days: AttendanceRepository,
    private readonly covers: CoversRepository,
    private readonly stale: StaleDaysRepository,
    private readonly policies: PolicyRepository,
    private readonly monthLock: MonthLockService,
    private readonly clock: Clock,
    private readonly companyClock: CompanyClock,
    private readonly dayChanges: DayChanges,
    private readonly pool: DayComputePool,
  ) {}

  onModuleInit(): void {
    this.dayChanges.listen(this);
  }

  /** Days are stored up to today; later ones are computed when read, so an announcement stops at today. */
  async daysChanged(manager: EntityManager, changed: ChangedDays): Promise<void> {
    const today = await this.companyClock.today(manager);
    const to = changed.to < today ? changed.to : today;
    if (changed.from <= to) await this.recompute(manager, { ...changed, to });
  }

  daysChangedFrom(manager: EntityManager, changed: ChangedFrom): Promise<void> {
    return this.recomputeFrom(manager, changed.staffIds, changed.from, changed.until);
  }

  async openDaysChanged(manager: EntityManager): Promise<void> {
    const first = await this.days.firstOpenDate(manager);
    if (first) await this.recomputeFrom(manager, null, first);
  }

  /** Computes people's days without storing them (also the core of `recompute`). */
  async compute(manager: EntityManager, scope: RecomputeScope, preloaded?: Policy): Promise<{ policy: Policy; people: Map<string, PersonDays> }> {
    // A caller may pass a Policy it loaded for at least [from - 1, to + 1].
    const policy = preloaded ?? (await this.policies.load(manager, addDays(scope.from, -1), addDays(scope.to, 1)));
    const staff = await this.days.employedBetween(manager, scope.staffIds, scope.from, scope.to);
    const ids = scope.staffIds === null ? null : staff.map((person) => person.id);
    const { fromInstant, toInstant } = punchSpanOf(policy, scope.from, scope.to);
    // One after the other: the manager may be a transaction, i.e. a single connection.
    const punches = await this.days.punchesBetween(manager, ids, fromInstant, toInstant);
    const covers = await this.covers.coversBetween(manager, ids, scope.from, scope.to, policy.timeZone);
    const now = this.clock.now();
    const people = new Map<string, PersonDays>();
    for (const person of staff) {
      people.set(person.id, computePersonDays(policy, person, scope.from, scope.to, punches.get(person.id) ?? [], (date) => covers.on(person.id, date), now));
    }
    return { policy, people };
  }

  /**
   * One person's day by the pure rules, now and with `extra` punches added (a make-up punch's
   * predicted effect): a read that stores nothing. Null when the person was not employed that day.
   */
  async judgeDay(manager: EntityManager, staffId: string, date: string, extra: Punch[] = []): Promise<JudgedDay | null> {
    return (await this.judgeDays(manager, staffId, date, date, extra)).get(date) ?? null;
  }

  /**
   * One person's days from `from` to `to`, judged as judgeDay judges one, with the policy, punches
   * and covers read once for the whole range. Days the person was not employed are left out.
   */
  async judgeDays(manager: EntityManager, staffId: string, from: string, to: string, extra: Punch[] = []): Promise<Map<string, JudgedDay>> {
    const policy = await this.policies.load(manager, addDays(from, -3), addDays(to, 3));
    const [person] = await this.days.employedBetween(manager, [staffId], from, to);
    if (!person) return new Map();
    const { fromInstant, toInstant } = punchSpanOf(policy, from, to);
    const punches = (await this.days.punchesBetween(manager, [staffId], fromInstant, toInstant)).get(staffId) ?? [];
    const covers = await this.covers.coversBetween(manager, [staffId], from, to, policy.timeZone);
    const now = this.clock.now();
    const judge = (list: Punch[]) => computePersonDays(policy, person, from, to, list, (on) => covers.on(staffId, on), now).days;
    const days = judge(punches);
    const withExtra = extra.length > 0 ? judge([...punches, ...extra]) : days;
    const judged = new Map<string, JudgedDay>();
    days.forEach((day, index) => {
      if (!day.schedule.employed) return;
      const shift = day.schedule.shift;
      const { leave, exemptions } = covers.on(staffId, day.result.date);
      const expectedSessions = shift ? expectedSessionIndexes(shift.sessions, leave, exemptions, policy.timeZone) : [];
      judged.set(day.result.date, { day, expectedSessions, withExtra: withExtra[index] });
    });
    return judged;
  }

  /**
   * Recomputes and stores the days in scope; days of closed months stay as they were closed.
   *
   * A slice of people at a time (issue 20): their punches and covers are read, the rules run in a
   * worker thread, and the results are written while the next slice is read and computed, so the
   * event loop stays free and memory holds a slice or two, never the month of everyone.
   */
  async recompute(manager: EntityManager, scope: RecomputeScope): Promise<void> {
    await this.lockPeople(manager, scope.staffIds);
    // After the lock and before the punches are read: what is queued now is covered by this compute.
    await this.stale.take(manager, scope.staffIds, scope.from, scope.to);
    const dates = datesBetween(scope.from, scope.to);
    const closed = await this.monthLock.closedAmong(manager, [...new Set(dates.map((date) => date.slice(0, 7)))]);
    const openDates = dates.filter((date) => !closed.has(date.slice(0, 7)));
    if (openDates.length === 0) return;
    const policy = await this.policies.load(manager, addDays(scope.from, -1), addDays(scope.to, 1));
    const staff = await this.days.employedBetween(manager, scope.staffIds, scope.from, scope.to);
    await this.days.removeDaysNotEmployed(manager, scope.staffIds, openDates);
    const now = this.clock.now().toISOString();
    const span = punchSpanOf(policy, scope.from, scope.to);
    const closedMonths = [...closed];
    const size = sliceSize(dates.length);
    // Computing one slice ahead of the one being written: the worker and PostgreSQL work side by side.
    let computing: Promise<SliceRows> | null = null;
    for (let offset = 0; offset < staff.length; offset += size) {
      const { people, punchesJson, storedDigestsJson } = await this.sliceInputs(manager, policy.timeZone, staff.slice(offset, offset + size), scope, span);
      const next = this.pool.compute({ policy, from: scope.from, to: scope.to, now, people, punchesJson, closedMonths, storedDigestsJson });
      // A failed slice must not leave the next one's rejection unobserved.
      next.catch(() => undefined);
      if (computing) await this.days.writeDays(manager, await computing);
      computing = next;
    }
    if (computing) await this.days.writeDays(manager, await computing);
  }

  /**
   * The punches and covers of one slice of people, read for the span their windows can reach, and
   * the digests of their stored days (the rules send only the days that changed).
   */
  private async sliceInputs(
    manager: EntityManager,
    zone: string,
    staff: EmploymentSpan[],
    scope: RecomputeScope,
    span: PunchSpan,
  ): Promise<{ people: SlicePerson[]; punchesJson: string; storedDigestsJson: string }> {
    const ids = staff.map((person) => person.id);
    const { punchesJson, storedDigestsJson } = await this.days.sliceReads(manager, ids, span.fromInstant, span.toInstant, scope.from, scope.to);
    const covers = await this.covers.coversBetween(manager, ids, scope.from, scope.to, zone);
    return { people: staff.map((person) => ({ staff: person, covers: covers.of(person.id) })), punchesJson, storedDigestsJson };
  }

  /**
   * Serialises the recomputes of the same people across transactions and instances: taken before
   * their punches are read, so that of two writers touching one person's days the second computes
   * with the first's committed punches (and stores after it, not beside it). In id order, so two
   * writers over overlapping people cannot deadlock. Compatible with the key-share locks that
   * inserting punches takes on the staff rows.
   */
  async lockPeople(manager: EntityManager, staffIds: string[] | null): Promise<void> {
    if (staffIds !== null && staffIds.length === 0) return;
    await this.days.lockPeople(manager, staffIds);
  }

  /**
   * Recomputes everyone (or `staffIds`) from `from` to the later of today and the last stored day:
   * for changes of rules that apply from a date on (settings, shifts, time zone).
   */
  async recomputeFrom(manager: EntityManager, staffIds: string[] | null, from: string, until?: string): Promise<void> {
    const last = await this.days.lastStoredDate(manager);
    const today = await this.companyClock.today(manager);
    let to = last !== null && last > today ? last : today;
    if (until !== undefined && until < to) to = until;
    if (from <= to) await this.recompute(manager, { staffIds, from, to });
  }

  /** How many days between two dates are still pending (a month with any cannot be closed). */
  pendingDays(manager: EntityManager, from: string, to: string): Promise<number> {
    return this.days.pendingCount(manager, from, to);
  }

  /**
   * Before reading stored days: brings incomplete or expired-pending people up to date. A recompute
   * must be one transaction (its person lock held from the read to the insert), so a manager that
   * is not inside one (the data source's own) gets a transaction of its own: run statement by
   * statement, the lock would end at once and a concurrent recompute of the same days (the queue's
   * sweep) could insert between this one's delete and insert, which then fails on the primary key.
   */
  async ensureFresh(scope: RecomputeScope, manager?: EntityManager): Promise<void> {
    const stale = await this.days.staleStaff(manager ?? this.dataSource.manager, scope.staffIds, scope.from, scope.to, this.clock.now());
    if (stale.length === 0) return;
    const inTransaction = manager?.queryRunner?.isTransactionActive ? manager : undefined;
    if (inTransaction) await this.recompute(inTransaction, { ...scope, staffIds: stale });
    else await this.dataSource.transaction((manager) => this.recompute(manager, { ...scope, staffIds: stale }));
  }

  /**
   * One pass over the queue of stale days: up to `maxPeople` people, longest waiting first, in one
   * transaction. Returns how many people it recomputed (0: the queue is empty).
   */
  async drainQueue(maxPeople = QUEUE_SLICE_PEOPLE): Promise<number> {
    return this.background.transaction(async (manager) => {
      const spans = await this.stale.next(manager, maxPeople);
      for (const group of jointRanges(spans)) await this.recompute(manager, group);
      return spans.length;
    });
  }

  /** The background sweep: pending days whose punch window has closed become final. */
  async finalizeExpiredPending(): Promise<number> {
    return this.background.transaction(async (manager) => {
      const spans = await this.days.expiredPending(manager, this.clock.now());
      for (const span of spans) await this.recompute(manager, { staffIds: [span.staffId], from: span.from, to: span.to });
      return spans.length;
    });
  }
}

/**
 * Groups queued spans into recompute scopes: one scope for all when their joint range is short
 * (a batch touching everyone's month), else one per person (an old punch far from the rest should
 * not make everyone's range long).
 */
function jointRanges(spans: StaleSpan[]): RecomputeScope[] {
  if (spans.length === 0) return [];
  const from = spans.reduce((min, span) => (span.from < min ? span.from : min), spans[0].from);
  const to = spans.reduce((max, span) => (span.to > max ? span.to : max), spans[0].to);
  if (to < addDays(from, JOINT_RANGE_DAYS)) return [{ staffIds: spans.map((span) => span.staffId), from, to }];
  return spans.map((span) => ({ staffIds: [span.staffId], from: span.from, to: span.to }));
}
