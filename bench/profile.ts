import type { INestApplication } from '@nestjs/common';
import { Session } from 'node:inspector';
import { relative } from 'node:path';
import { DataSource } from 'typeorm';
import { AttendanceRepository } from '../src/attendance/attendance.repository';
import { AttendanceService } from '../src/attendance/attendance.service';
import { DayComputePool } from '../src/attendance/day-compute-pool';
import { computeSlice, type SliceTask } from '../src/domain/attendance/day-rows';
import { AuditService } from '../src/audit/audit.service';
import { AuthService } from '../src/auth/auth.service';
import { MonthLockService } from '../src/policy/month-lock.service';
import { PunchIngestService } from '../src/punches/punch-ingest.service';
import { MonthlyReportRepository } from '../src/reports/monthly-report.repository';
import { MonthlyReportService } from '../src/reports/monthly-report.service';
import { ExportSourceService } from '../src/reports/export/export-source.service';
import { MonthsService } from '../src/months/months.service';
import { MonthSnapshotsRepository } from '../src/policy/month-snapshots.repository';
import { PunchesRepository } from '../src/punches/punches.repository';
import { PunchesService } from '../src/punches/punches.service';
import { PolicyRepository } from '../src/policy/policy.repository';
import { SettingsRepository } from '../src/policy/settings.repository';
import { StaffRepository } from '../src/staff/staff.repository';
import { table } from './report';

interface Total {
  ms: number;
  calls: number;
  failures: number;
  firstFailure?: string;
}

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * `--profile`: wraps methods of the running service's singletons (instance properties only; the
 * classes are untouched) and its DataSource's `query`, and sums the time spent in each, per phase.
 * Concurrent calls overlap, so sums can exceed the wall time of a phase.
 */
export class Profiler {
  private readonly methods = new Map<string, Total>();
  private readonly statements = new Map<string, Total>();
  /** Methods named here that the service no longer has (src changes; the profile just skips them). */
  readonly missing: string[] = [];
  /** The largest slice handed to the worker threads so far, to compute again on this thread (profileSlice). */
  largestSlice: SliceTask | null = null;

  constructor(app: INestApplication) {
    const targets: [object, string, string[]][] = [
      [app.get(PunchesService), 'PunchesService', ['clock']],
      [app.get(PunchIngestService), 'PunchIngestService', ['ingest']],
      [app.get(AuthService), 'AuthService', ['actorForToken']],
      [app.get(StaffRepository), 'StaffRepository', ['findById']],
      [app.get(PunchesRepository), 'PunchesRepository', ['staffByEmployeeNo', 'insertNew', 'findAt']],
      [app.get(MonthLockService), 'MonthLockService', ['shareLock', 'closedAmong']],
      [app.get(AttendanceService), 'AttendanceService', ['compute', 'recompute', 'ensureFresh']],
      [app.get(MonthlyReportService), 'MonthlyReportService', ['context', 'full']],
      [app.get(ExportSourceService), 'ExportSourceService', ['snapshotExtras']],
      [app.get(MonthsService), 'MonthsService', ['close', 'reopen']],
      [app.get(MonthSnapshotsRepository), 'MonthSnapshotsRepository', ['insert']],
      [app.get(DayComputePool), 'DayComputePool', ['compute']],
      [app.get(PolicyRepository), 'PolicyRepository', ['load']],
      [app.get(AttendanceRepository), 'AttendanceRepository', ['employedBetween', 'punchesBetween', 'sliceReads', 'writeDays', 'removeDaysNotEmployed']],
      [app.get(AuditService), 'AuditService', ['record']],
      [app.get(SettingsRepository), 'SettingsRepository', ['timeZone']],
    ];
    const pool = app.get(DayComputePool) as unknown as { compute: (task: SliceTask) => Promise<unknown> };
    const compute = pool.compute.bind(pool);
    pool.compute = (task: SliceTask) => {
      if (this.largestSlice === null || task.people.length > this.largestSlice.people.length) this.largestSlice = task;
      return compute(task);
    };
    for (const [instance, className, names] of targets) for (const name of names) this.wrap(instance, name, `${className}.${name}`, this.methods);
    const dataSource = app.get(DataSource);
    this.wrap(dataSource, 'query', null, this.statements);
  }

  private wrap(instance: object, name: string, label: string | null, into: Map<string, Total>): void {
    const holder = instance as Record<string, AnyMethod>;
    if (typeof holder[name] !== 'function') {
      this.missing.push(label ?? name);
      return;
    }
    const original = holder[name].bind(instance);
    holder[name] = (...args: unknown[]) => {
      const key = label ?? Profiler.statementKey(args[0]);
      const started = performance.now();
      const record = (error?: unknown) => {
        const total = into.get(key) ?? { ms: 0, calls: 0, failures: 0 };
        total.ms += performance.now() - started;
        total.calls += 1;
        if (error !== undefined) {
          total.failures += 1;
          total.firstFailure ??= Profiler.describeError(error);
        }
        into.set(key, total);
      };
      const result = original(...args);
      if (result instanceof Promise) {
        return result.then(
          (value: unknown) => {
            record();
            return value;
          },
          (error: unknown) => {
            record(error ?? 'rejected');
            throw error;
          },
        );
      }
      record();
      return result;
    };
  }

  private static describeError(error: unknown): string {
    if (typeof error !== 'object' || error === null) return String(error);
    const e = error as { message?: string; code?: string; constraint?: string; driverError?: { code?: string; constraint?: string; detail?: string } };
    const driver = e.driverError ?? (e as { code?: string; constraint?: string; detail?: string });
    return [e.message, driver.code && `code ${driver.code}`, driver.constraint && `constraint ${driver.constraint}`, driver.detail].filter(Boolean).join('; ');
  }

  private static statementKey(sql: unknown): string {
    const text = typeof sql === 'string' ? sql.replace(/\s+/g, ' ').trim() : String(sql);
    return text.length > 90 ? `${text.slice(0, 90)}…` : text;
  }

  reset(): void {
    this.methods.clear();
    this.statements.clear();
  }

  /** The phase so far, as printable lines; then starts over. */
  take(phase: string, wallSeconds: number): { section: string; lines: string[] } {
    const rows = (totals: Map<string, Total>, limit: number) =>
      [...totals]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, limit)
        .map(([key, total]) => [
          key,
          total.calls.toLocaleString('en-US'),
          total.failures.toLocaleString('en-US'),
          (total.ms / 1000).toFixed(2),
          (total.ms / total.calls).toFixed(2),
          `${((total.ms / 1000 / wallSeconds) * 100).toFixed(0)}%`,
        ]);
    const header = ['calls', 'failed', 's', 'ms/call', 'of wall'];
    const aligned = [false, true, true, true, true, true];
    const failures = [...this.methods, ...this.statements].filter(([, total]) => total.firstFailure).map(([key, total]) => `${key} failed ${total.failures}×, first: ${total.firstFailure}`);
    const lines = [
      ...table(['method (sum over calls)', ...header], rows(this.methods, 30), aligned).split('\n'),
      '',
      ...table(['SQL statement (DataSource.query)', ...header], rows(this.statements, 15), aligned).split('\n'),
      ...(failures.length > 0 ? ['', ...failures] : []),
      ...(this.missing.length > 0 ? ['', `not profiled (no longer in src): ${this.missing.join(', ')}`] : []),
    ];
    this.reset();
    return { section: `profile: ${phase} (wall ${wallSeconds.toFixed(2)} s; concurrent calls overlap)`, lines };
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Samples the CPU of this process (the service runs in it) through the inspector; top self time by function and by file. */
export class CpuProfiler {
  private readonly session = new Session();

  private post<T>(method: string, params?: object): Promise<T> {
    return new Promise((resolve, reject) => this.session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
  }

  async start(): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.post('Profiler.start');
  }

  async stop(phase: string): Promise<{ section: string; lines: string[] }> {
    const { profile } = await this.post<{ profile: CpuProfile }>('Profiler.stop');
    await this.post('Profiler.disable');
    this.session.disconnect();
    const totalMs = (profile.endTime - profile.startTime) / 1000;
    const samples = profile.samples?.length ?? 0;
    const msPerSample = samples > 0 ? totalMs / samples : 0;
    const where = (url: string) => {
      const path = url.startsWith('file://') ? url.slice(7) : url;
      if (path === '') return '(native/idle)';
      const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      return modules ? `node_modules/${modules[1]}` : path.startsWith('/') ? relative(process.cwd(), path) : path;
    };
    const nameOf = (node: CpuProfile['nodes'][number]) => {
      const file = where(node.callFrame.url);
      return `${node.callFrame.functionName || '(anonymous)'}  ${file}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    };
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const isOurs = (url: string) => url.includes('/dist/src/');
    const byFunction = new Map<string, number>();
    const byFile = new Map<string, number>();
    // Library time (luxon, pg…) charged to the nearest caller in our own code.
    const byOurCaller = new Map<string, number>();
    for (const node of profile.nodes) {
      const ms = (node.hitCount ?? 0) * msPerSample;
      if (ms === 0) continue;
      const file = where(node.callFrame.url);
      byFunction.set(nameOf(node), (byFunction.get(nameOf(node)) ?? 0) + ms);
      byFile.set(file, (byFile.get(file) ?? 0) + ms);
      let cursor: CpuProfile['nodes'][number] | undefined = node;
      while (cursor && !isOurs(cursor.callFrame.url)) cursor = byId.get(parent.get(cursor.id) ?? -1);
      if (cursor) byOurCaller.set(nameOf(cursor), (byOurCaller.get(nameOf(cursor)) ?? 0) + ms);
    }
    const top = (totals: Map<string, number>, limit: number) =>
      [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([key, ms]) => [key, (ms / 1000).toFixed(2), `${((ms / totalMs) * 100).toFixed(0)}%`]);
    return {
      section: `profile: CPU of the bench process during ${phase} (${(totalMs / 1000).toFixed(2)} s sampled, self time)`,
      lines: [
        ...table(['function (dist line)', 's', 'share'], top(byFunction, 20), [false, true, true]).split('\n'),
        '',
        ...table(['file or package', 's', 'share'], top(byFile, 12), [false, true, true]).split('\n'),
        '',
        ...table(['nearest caller in src (its own time + the library time it calls)', 's', 'share'], top(byOurCaller, 15), [false, true, true]).split('\n'),
      ],
    };
  }
}

/** EXPLAIN ANALYZE of the statements that dominate a month recompute (the DELETE is rolled back). */
export async function explainRecompute(app: INestApplication, month: string, zone: string): Promise<{ section: string; lines: string[] }> {
  const dataSource = app.get(DataSource);
  const runner = dataSource.createQueryRunner();
  const lines: string[] = [];
  const explain = async (title: string, sql: string, params: unknown[]) => {
    const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    lines.push(`${title}:`);
    for (const row of plan) lines.push(`  ${row['QUERY PLAN'].length > 160 ? `${row['QUERY PLAN'].slice(0, 160)}…` : row['QUERY PLAN']}`);
  };
  try {
    const from = `${month}-01`;
    const [{ to }]: { to: string }[] = await runner.query(`SELECT (date_trunc('month', $1::date) + interval '1 month - 1 day')::date::text AS "to"`, [from]);
    await explain(
      'punchesBetween (everyone, the month ± margin)',
      `SELECT id, staff_id, at FROM punch WHERE at >= ($1::date - 2)::timestamp AT TIME ZONE $3 AND at < ($2::date + 3)::timestamp AT TIME ZONE $3 AND voided_at IS NULL AND ($4::uuid[] IS NULL OR staff_id = ANY($4::uuid[]))`,
      [from, to, zone, null],
    );
    await runner.startTransaction();
    await explain(
      'removeDaysNotEmployed (everyone, every date of the month)',
      `DELETE FROM attendance_day d USING staff s WHERE s.id = d.staff_id AND d.date = ANY($2::date[]) AND ($1::uuid[] IS NULL OR d.staff_id = ANY($1::uuid[])) AND (d.date < s.hired_on OR d.date > s.left_on)`,
      [null, (await runner.query(`SELECT array_agg(d::date::text) AS dates FROM generate_series($1::date, $2::date, interval '1 day') d`, [from, to]))[0].dates],
    );
    await runner.rollbackTransaction();
  } finally {
    await runner.release();
  }
  return { section: 'profile: EXPLAIN ANALYZE of the recompute statements', lines };
}

/** EXPLAIN ANALYZE of the monthly report's statements, as finance runs them (everyone). */
export async function explainReport(app: INestApplication, month: string): Promise<{ section: string; lines: string[] }> {
  const dataSource = app.get(DataSource);
  const runner = dataSource.createQueryRunner();
  const lines: string[] = [];
  const explain = async (title: string, sql: string, params: unknown[]) => {
    const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    lines.push(`${title}:`);
    for (const row of plan) lines.push(`  ${row['QUERY PLAN'].length > 160 ? `${row['QUERY PLAN'].slice(0, 160)}…` : row['QUERY PLAN']}`);
  };
  try {
    const from = `${month}-01`;
    const [{ to }]: { to: string }[] = await runner.query(`SELECT (date_trunc('month', $1::date) + interval '1 month - 1 day')::date::text AS "to"`, [from]);
    await explain('the report query (MonthlyReportRepository.reportSql, everyone)', app.get(MonthlyReportRepository).reportSql(), [from, to, null]);
  } catch (error) {
    lines.push(`EXPLAIN failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await runner.release();
  }
  return { section: 'profile: EXPLAIN ANALYZE of the monthly report query', lines };
}

/**
 * The rules alone, on this thread: the largest slice of the recompute computed again a few times
 * (its first run warms the JIT up), its cost per stored day and where its CPU goes. The worker
 * threads run the same computeSlice; this shows it without PostgreSQL or the pool around it.
 */
export async function profileSlice(task: SliceTask): Promise<{ section: string; lines: string[] }[]> {
  computeSlice(task);
  const runs = 5;
  const cpu = new CpuProfiler();
  await cpu.start();
  const started = performance.now();
  let days = 0;
  for (let i = 0; i < runs; i++) days += computeSlice(task).computed;
  const ms = performance.now() - started;
  const report = await cpu.stop(`computeSlice × ${runs} on the main thread`);
  return [
    {
      section: 'profile: computeSlice alone (the largest slice of the recompute, on this thread)',
      lines: [
        `${task.people.length} people, ${(days / runs).toLocaleString('en-US')} days computed, ${(ms / runs).toFixed(1)} ms per run: ${((ms * 1000) / days).toFixed(1)} µs per day`,
      ],
    },
    report,
  ];
}
