import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { InjectBackgroundDataSource } from '../database/background-data-source';
import { Clock } from '../policy/clock';
import { CompanyClock } from '../policy/company-clock';
import { StaffAccessService } from '../staff/staff-access.service';
import { CountedLeaveRepository } from './counted-leave.repository';
import { GrantProblem, GrantRunsRepository } from './grant-runs.repository';
import { LeaveBalanceRepository } from './leave-balance.repository';
import { LeaveGrantService, SettleTarget } from './leave-grant.service';

// Beside the attendance sweep's key (7_441_302_218): one instance grants at a time.
const GRANT_LOCK_KEY = 7_441_302_219;
const SLICE = 100;
/** Problems kept per run; past it, one more says how many were left out. */
const PROBLEMS_KEPT = 500;

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * The grant sweep (issue 16): every LEAVE_GRANT_SWEEP_SECONDS, and once at start, one instance —
 * under a session advisory lock, as the attendance sweep coordinates — brings every balance up to
 * what is due today (LeaveGrantService), a hundred people per transaction, and records the run
 * (GET /leave-balances/grant-runs). It catches up from the day the last finished run stood on, and
 * also settles earlier years where something changed since then: a late entry, a staff member's
 * dates, approved sick or personal leave. Works on the background DataSource.
 */
@Injectable()
export class LeaveGrantSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LeaveGrantSweeper');
  private readonly timers: NodeJS.Timeout[] = [];
  private running = false;
  private stopping = false;

  constructor(
    @InjectBackgroundDataSource() private readonly dataSource: DataSource,
    private readonly grants: LeaveGrantService,
    private readonly runs: GrantRunsRepository,
    private readonly ledger: LeaveBalanceRepository,
    private readonly counted: CountedLeaveRepository,
    private readonly access: StaffAccessService,
    private readonly companyClock: CompanyClock,
    private readonly clock: Clock,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.leaveGrantSweepSeconds <= 0) return;
    const pass = () => void this.run().catch((error: unknown) => this.logger.warn(`Grant sweep failed, will retry: ${error instanceof Error ? error.message : String(error)}`));
    // Soon after start, so that a service that was down catches up without waiting a whole period.
    this.timers.push(setTimeout(pass, 5000).unref(), setInterval(pass, this.config.leaveGrantSweepSeconds * 1000).unref());
  }

  onModuleDestroy(): void {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** One run; its id, or null when this process or another instance is running one already. */
  async run(): Promise<number | null> {
    if (this.running) return null;
    this.running = true;
    const session = this.dataSource.createQueryRunner();
    try {
      const locked: { ok: boolean }[] = await session.query('SELECT pg_try_advisory_lock($1) AS ok', [GRANT_LOCK_KEY]);
      if (!locked[0].ok) return null;
      try {
        return await this.pass();
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [GRANT_LOCK_KEY]);
      }
    } finally {
      await session.release();
      this.running = false;
    }
  }

  private async pass(): Promise<number> {
    const manager = this.dataSource.manager;
    const today = await this.companyClock.today(manager);
    const last = await this.runs.lastDone(manager);
    const firstYear = (await this.grants.firstTrackedYear(manager)) ?? yearOf(today);
    const fromYear = Math.max(firstYear, last ? yearOf(last.through_date) : firstYear);
    const runId = await this.runs.start(manager, { startedAt: this.clock.now(), throughDate: today, fromYear });
    const result = { people: 0, entries: 0, problems: [] as GrantProblem[] };
    try {
      // Everyone employed from the catch-up year on…
      for (let afterId: string | null = null; !this.stopping; ) {
        const page = await this.access.employedBetween(manager, `${fromYear}-01-01`, today, afterId, SLICE);
        if (page.length === 0) break;
        await this.slice(page.map((person) => ({ ...person, fromYear })), today, runId, result);
        afterId = page[page.length - 1].id;
      }
      // …and earlier years of those whose facts changed since the last run.
      if (last) {
        const earlier = await this.changedEarlier(manager, last.started_at, fromYear);
        const people = await this.access.employmentsOf(manager, [...earlier.keys()]);
        for (let index = 0; index < people.length && !this.stopping; index += SLICE) {
          await this.slice(people.slice(index, index + SLICE).map((person) => ({ ...person, fromYear: Math.max(firstYear, earlier.get(person.id)!) })), today, runId, result);
        }
      }
      await this.finish(runId, result, this.stopping ? 'failed' : 'done');
    } catch (error) {
      result.problems.push({ staffId: null, leaveType: null, year: yearOf(today), code: 'LEAVE_GRANT_RUN_FAILED', message: error instanceof Error ? error.message : String(error) });
      await this.finish(runId, result, 'failed');
      throw error;
    }
    return runId;
  }

  private async slice(people: SettleTarget[], today: string, runId: number, result: { people: number; entries: number; problems: GrantProblem[] }): Promise<void> {
    const settled = await this.dataSource.transaction((manager) => this.grants.settle(manager, people, today, runId));
    result.people += people.length;
    result.entries += settled.written;
    result.problems.push(...settled.problems);
  }

  /** People with changes since `since` that touch years before `fromYear`, and the earliest such year. */
  private async changedEarlier(manager: EntityManager, since: Date, fromYear: number): Promise<Map<string, number>> {
    const earliest = new Map<string, number>();
    const note = (staffId: string, year: number) => {
      if (year < fromYear) earliest.set(staffId, Math.min(year, earliest.get(staffId) ?? year));
    };
    for (const late of await this.ledger.lateEntries(manager, since, fromYear)) note(late.staffId, late.year);
    for (const decided of await this.counted.decidedSince(manager, since)) note(decided.staffId, yearOf(decided.from));
    // A changed start-of-work, hire or leaving date can change any year of the person's.
    for (const staffId of await this.access.changedSince(manager, since)) note(staffId, 1970);
    return earliest;
  }

  private async finish(runId: number, result: { people: number; entries: number; problems: GrantProblem[] }, outcome: 'done' | 'failed'): Promise<void> {
    const kept = result.problems.slice(0, PROBLEMS_KEPT);
    if (result.problems.length > PROBLEMS_KEPT) kept.push({ staffId: null, leaveType: null, year: yearOf(this.clock.now().toISOString()), code: 'LEAVE_GRANT_PROBLEMS_CUT', message: `${result.problems.length - PROBLEMS_KEPT} more not listed` });
    await this.runs.finish(this.dataSource.manager, runId, { finishedAt: this.clock.now(), people: result.people, entries: result.entries, problems: kept, outcome });
  }
}
