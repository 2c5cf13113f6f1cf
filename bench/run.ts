import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { RunningService, startService } from '../src/bootstrap/start-service';
import { loadConfig } from '../src/config/app-config';
import { consoleFigures, firstScreenJavaScript, lighthouseScores, LighthouseScores, reportPageSmoothness, smoothnessFigures } from './console';
import { BenchDatabase, freshDatabase } from './database';
import { Api } from './http';
import { figuresOf, processFigures } from './figures';
import { clockDuringRecompute, clockDuringRecomputeLines } from './recompute-load';
import { hostileBodyLines, hostileBodyThroughApi } from './hostile-body';
import {
  clockLines,
  clockUnderLoad,
  ingestBaseline,
  IngestionRun,
  ingestionLines,
  ingestThroughApi,
  queueDrained,
  recomputeBaseline,
  recomputeLines,
  recomputeThroughApi,
  seedPunchesWithSql,
} from './measure';
import {
  closeLines,
  closeThroughApi,
  copyBaseline,
  exportLines,
  exportThroughApi,
  monthAggregateBaseline,
  monthAggregateSql,
  monthGridSql,
  reportLines,
  reportThroughApi,
  reportUncomputed,
  tableState,
} from './monthly';
import { parseOptions, UsageError } from './options';
import { CpuProfiler, explainRecompute, explainReport, profileSlice, Profiler } from './profile';
import { BenchReport, evaluate, printReport, RssSampler } from './report';
import { runScale, SCALE_RUN_ABOVE } from './scale';
import { seedCompany } from './seed';
import { clockWithStalledUploads, stalledClockLines } from './stalled-uploads';
import { clockWhileDelivering, deliveryLines } from './notifications';

/**
 * `npm run bench`: seeds a deterministic company into a fresh PostgreSQL and prints our figures
 * next to raw baselines measured in the same run. A benchmark, not a test: it never fails on timing.
 */

/** The service's own pool size (DATABASE_POOL_SIZE default); the bare-route baseline gets the same. */
const POOL_SIZE = 10;

/** The commit measured, and whether the working tree had uncommitted changes (figures depend on them). */
function sourceVersion(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'migrations'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().length > 0;
    return dirty ? `${commit}+uncommitted src changes` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const progress = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  // The console phase comes last: without a browser the run would fail minutes in and print nothing.
  const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (options.staff <= SCALE_RUN_ABOVE && !existsSync(browser)) {
    throw new UsageError(`no browser at ${browser} for the console figures: apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH`);
  }
  const startedAt = new Date();
  // Other work on the machine moves every figure: the 1-minute load average is printed with the options.
  const loadAtStart = loadavg()[0];
  const started = performance.now();
  const sampler = new RssSampler();
  const details: BenchReport['details'] = [];

  let database: BenchDatabase | null = null;
  let service: RunningService | null = null;
  let pool: pg.Pool | null = null;
  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    await pool?.end().catch(() => undefined);
    await service?.stop().catch((error: unknown) => progress(`stopping the service failed: ${String(error)}`));
    await database?.cleanup().catch((error: unknown) => progress(`removing the bench database failed: ${String(error)}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    progress(options.databaseUrl ? 'creating a fresh database on BENCH_DATABASE_URL' : 'starting a fresh embedded PostgreSQL');
    sampler.enter('start');
    database = await freshDatabase(options.databaseUrl);
    const adminPassword = randomBytes(12).toString('hex');
    service = await startService(
      loadConfig({
        ...database.env,
        PORT: '0',
        HOST: '127.0.0.1',
        JWT_SECRET: randomBytes(32).toString('hex'),
        ADMIN_PASSWORD: adminPassword,
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        RATE_LIMIT_PER_MINUTE: '100000000',
        LOGIN_MAX_FAILURES_PER_CLIENT: '100000',
        ATTENDANCE_SWEEP_SECONDS: '0',
        LEAVE_GRANT_SWEEP_SECONDS: '0',
        // The notification sweep (digests for every seeded person) would move the other figures; the deliverer stays on for step 10b.
        NOTIFY_SWEEP_SECONDS: '0',
        // The stalled uploads of step 9 must hang for the whole load run (10 s by default).
        HTTP_BODY_IDLE_TIMEOUT_MS: '120000',
        LOG_LEVEL: 'error',
      }),
    );
    const dataSource = service.app.get(DataSource);
    const databaseUrl = (dataSource.options as { url: string }).url;
    pool = new pg.Pool({ connectionString: databaseUrl, max: options.inFlight + 1 });
    // An idle connection the server ends (a stop on SIGINT/SIGTERM) must not crash the run.
    pool.on('error', (error) => progress(`baseline pool: ${error.message}`));
    const api = new Api(service.url);
    const adminToken = await api.login('admin', adminPassword);
    const profiler = options.profile ? new Profiler(service.app) : null;
    if (options.staff > SCALE_RUN_ABOVE || options.monthOnly) {
      await runScale(options, database, service, adminPassword, sampler, sourceVersion());
      return;
    }

    // Before the seed, on an idle service: the figure is the body's own cost.
    progress('0. a body of 150,000 unknown keys next to an ordinary 400 (issue 13)');
    sampler.enter('hostile body');
    details.push({ section: 'hostile body (issue 13)', lines: hostileBodyLines(await hostileBodyThroughApi(api)) });

    progress(`seeding ${options.staff} staff and the punches of ${options.month}`);
    sampler.enter('seed');
    const company = await seedCompany(api, dataSource, adminToken, { staff: options.staff, month: options.month, clockUsers: options.connections, seed: options.seed });
    const onDutyDates = company.duty.size;
    const workdays = [...company.calendar.values()].filter((kind) => kind === 'workday' || kind === 'makeup_workday').length;
    details.push({
      section: 'seed',
      lines: [
        `${company.staff.length} staff (${company.clockUsers.length} through the API with passwords, the rest with SQL), month ${company.month} in ${company.zone}: ` +
          `${workdays} workdays of ${company.calendar.size} dates, ${onDutyDates} dates with a duty person, ${company.punches.length.toLocaleString('en-US')} punches planned`,
        ...company.timings.map((timing) => `${timing.label}: ${timing.seconds.toFixed(2)} s`),
      ],
    });
    // Finance closes the month and reads the report (admin could read it too; only finance closes).
    // Hired today, so not employed in the seeded month: the report's rows stay the seeded staff.
    const financePassword = randomBytes(12).toString('hex');
    await api.ok('POST', '/staff', {
      token: adminToken,
      json: { employeeNo: 'BENCH-FIN', name: '财务', username: 'bench-finance', password: financePassword, roles: ['finance'], hiredOn: DateTime.now().setZone(company.zone).toISODate() },
    });
    const financeToken = await api.login('bench-finance', financePassword);
    profiler?.reset();

    progress(`1. batch ingestion: baseline (${options.batchSize}-row INSERT … unnest, ${options.inFlight} in flight)`);
    sampler.enter('batch ingestion');
    const ingestBase = await ingestBaseline(pool, company, options.batchSize, options.inFlight);
    let ingest: IngestionRun | null = null;
    if (options.punches === 'api') {
      progress(`1. batch ingestion: POST /punches/batch (${options.batchSize} lines, ${options.inFlight} in flight)`);
      const ingestCpu = options.profile ? new CpuProfiler() : null;
      await ingestCpu?.start();
      ingest = await ingestThroughApi(api, adminToken, company, options.batchSize, options.inFlight);
      const ingestCpuReport = await ingestCpu?.stop('batch ingestion (failed batches re-sent included)');
      details.push({ section: 'batch ingestion', lines: ingestionLines(ingest, ingestBase) });
      if (profiler) details.push(profiler.take('batch ingestion', ingest.seconds + ingest.retry.seconds));
      if (ingestCpuReport) details.push(ingestCpuReport);
    } else {
      progress('1. batch ingestion: NOT measured (--punches sql): the punches go straight into the table');
      sampler.enter('punches with SQL (--punches sql)');
      const seeded = await seedPunchesWithSql(pool, company, options.batchSize, options.inFlight);
      details.push({
        section: 'batch ingestion',
        lines: [
          `NOT MEASURED (--punches sql): ${seeded.inserted.toLocaleString('en-US')} punches inserted straight into punch with INSERT … unnest in ${seeded.seconds.toFixed(2)} s (not through the service)`,
          `baseline: ${ingestBase.inserted.toLocaleString('en-US')} rows into bench_punch_baseline in ${ingestBase.seconds.toFixed(2)} s`,
        ],
      });
    }

    progress('2. the queue computes the ingested days in the background: waiting until it is empty');
    sampler.enter('queue of stale days');
    const drained = await queueDrained(pool);
    details.push({ section: 'queue of stale days', lines: [`empty ${drained.seconds.toFixed(2)} s after the ingestion ended: every day of the month stored before the recompute`] });

    progress(`3. month recompute: POST /attendance/recompute ${options.month}`);
    sampler.enter('month recompute');
    const recomputeCpu = options.profile ? new CpuProfiler() : null;
    await recomputeCpu?.start();
    const recompute = await recomputeThroughApi(api, adminToken, options.month);
    const recomputeCpuReport = await recomputeCpu?.stop('month recompute');
    const recomputeBase = await recomputeBaseline(pool, options.month, company.zone);
    // Again at once: nothing changed in between, so every day is computed and none is sent (issue 20's digests).
    const unchanged = await recomputeThroughApi(api, adminToken, options.month);
    details.push({
      section: 'month recompute',
      lines: [
        ...recomputeLines(recompute, recomputeBase),
        `again, nothing changed: ${unchanged.seconds.toFixed(2)} s = ${(unchanged.seconds / recomputeBase.seconds).toFixed(1)}× the baseline (every day computed, none written)`,
      ],
    });
    if (profiler) {
      details.push(profiler.take('month recompute', recompute.seconds));
      if (recomputeCpuReport) details.push(recomputeCpuReport);
      details.push(await explainRecompute(service.app, options.month, company.zone));
      if (profiler.largestSlice) details.push(...(await profileSlice(profiler.largestSlice)));
    }

    const zone = company.zone;
    const month = options.month;
    const withCpu = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
      const cpu = options.profile ? new CpuProfiler() : null;
      await cpu?.start();
      try {
        return await work();
      } finally {
        const cpuReport = await cpu?.stop(phase);
        if (cpuReport) details.push(cpuReport);
      }
    };

    progress(`4. JSON report: GET /reports/monthly?month=${month}&pageSize=200 as finance (first and warm call), then the raw month aggregate`);
    sampler.enter('JSON report');
    const livePool = pool;
    const serviceUrl = service.url;
    const monthDays = async () =>
      ((await livePool.query(`SELECT count(*)::int AS n FROM attendance_day WHERE date >= $1::date AND date < ($1::date + interval '1 month')`, [`${month}-01`])).rows[0] as { n: number }).n;
    const forgetMonthDays = async () =>
      (await livePool.query(`DELETE FROM attendance_day WHERE date >= $1::date AND date < ($1::date + interval '1 month')`, [`${month}-01`])).rowCount ?? 0;
    const attendanceBefore = await tableState(pool, 'attendance_day');
    const monthlyReport = await withCpu('JSON report (first and warm call)', () => reportThroughApi(api, financeToken, month, monthDays));
    const aggregate = await monthAggregateBaseline(pool, month, zone);
    // Filled in after the last report call (step 8), printed here.
    const reportDetail = { section: 'JSON report', lines: reportLines(monthlyReport, aggregate, attendanceBefore) };
    details.push(reportDetail);
    if (profiler) {
      details.push(profiler.take('JSON report (first and warm call)', (monthlyReport.first?.seconds ?? 0) + (monthlyReport.warm?.seconds ?? 0)));
      details.push(await explainReport(service.app, month));
    }

    progress('5. CSV export: ?format=csv (RSS sampled every 50 ms), then COPY … TO STDOUT');
    sampler.enter('CSV export');
    const csv = await withCpu('CSV export', () => exportThroughApi(serviceUrl, financeToken, month, 'csv'));
    const csvBaseline = await copyBaseline(pool, [monthAggregateSql(month, zone)], 'COPY (the raw month aggregate) TO STDOUT (CSV) through pg, bytes counted');
    details.push({ section: 'CSV export', lines: exportLines(csv, csvBaseline) });
    profiler?.reset();

    progress('6. XLSX export: ?format=xlsx (RSS sampled every 50 ms), then COPY … TO STDOUT');
    sampler.enter('XLSX export');
    const xlsx = await withCpu('XLSX export', () => exportThroughApi(serviceUrl, financeToken, month, 'xlsx'));
    const xlsxBaseline = await copyBaseline(
      pool,
      [monthAggregateSql(month, zone), monthGridSql(month, zone)],
      'COPY … TO STDOUT (CSV) of the raw month aggregate and of a raw grid (one line per person, first-in–last-out for each date), bytes counted',
    );
    details.push({ section: 'XLSX export', lines: exportLines(xlsx, xlsxBaseline) });
    profiler?.reset();

    progress(`7. month close: POST /months/${month}/close as finance, then reopen`);
    sampler.enter('month close');
    const close = await withCpu('month close', () => closeThroughApi(api, financeToken, month));
    details.push({ section: 'month close', lines: closeLines(close) });
    if (profiler) details.push(profiler.take('month close and reopen', (close.closeSeconds ?? 0) + (close.reopenSeconds ?? 0)));

    progress(`8. JSON report again, with the month's stored day results deleted (it computes them all)`);
    sampler.enter('JSON report, days not computed');
    await withCpu('JSON report, days not computed', () => reportUncomputed(monthlyReport, api, financeToken, month, monthDays, forgetMonthDays));
    reportDetail.lines = reportLines(monthlyReport, aggregate, attendanceBefore);
    if (profiler) details.push(profiler.take('JSON report, days not computed', monthlyReport.uncomputed?.seconds ?? 0));

    progress(`2. clock-in: autocannon, ${company.clockUsers.length} connections, ${options.durationSeconds} s (after a short warm-up), then the bare route`);
    const clockStarted = performance.now();
    const clockCpu = options.profile ? new CpuProfiler() : null;
    const clock = await clockUnderLoad(service.url, databaseUrl, POOL_SIZE, company, options.durationSeconds, async (phase) => {
      if (phase === 'clock-in (service)') await clockCpu?.start();
      if (phase === 'clock-in (bare route)' && profiler && clockCpu) {
        details.push(profiler.take('clock-in (warm-up included)', (performance.now() - clockStarted) / 1000));
        details.push(await clockCpu.stop('clock-in (warm-up included)'));
      }
      sampler.enter(phase);
    });
    details.push({ section: 'clock-in', lines: clockLines(clock) });

    progress(`2b. clock-in while ${month} is recomputed from nothing, over and over (issue 20)`);
    sampler.enter('clock-in during month recomputes');
    const duringRecompute = await clockDuringRecompute(service.url, api, adminToken, company, month, options.durationSeconds, forgetMonthDays);
    details.push({ section: 'clock-in during month recomputes (issue 20)', lines: clockDuringRecomputeLines(duringRecompute, clock.ours) });

    progress(`10. clock-in without, then with ${2 * POOL_SIZE} uploads (imports and terminal uploads) hanging mid-body`);
    sampler.enter('clock-in with stalled uploads');
    const stalledClock = await clockWithStalledUploads(service.url, api, adminToken, company, POOL_SIZE, options.durationSeconds);
    details.push({ section: 'clock-in with stalled uploads', lines: stalledClockLines(stalledClock) });

    progress('10b. notifications: clock-in before, then while the outbox delivers 3,000 signed webhooks to a local receiver');
    sampler.enter('clock-in while notifications are delivered');
    const delivery = await clockWhileDelivering(service.url, api, adminToken, company, (sql, params) => dataSource.query(sql, params), options.durationSeconds);
    details.push({ section: 'notifications (issue 18)', lines: deliveryLines(delivery) });

    progress('11. console: first-screen JavaScript, Lighthouse on the employee\'s today page and finance\'s report page');
    sampler.enter('console');
    const consoleJs = firstScreenJavaScript();
    const sessionOf = async (token: string) => ({ token, staff: await api.ok('GET', '/auth/me', { token }) });
    const lighthouse: LighthouseScores[] = [
      await lighthouseScores(service.url, '/app/today', await sessionOf(company.clockUsers[0].token)),
      await lighthouseScores(service.url, `/app/finance/report?month=${options.month}`, await sessionOf(financeToken), 'desktop'),
    ];
    progress(`11. console: finance's report page with every row of ${options.month}, sorted and scrolled`);
    const reportTotal = (await api.ok<{ total: number }>('GET', `/reports/monthly?month=${options.month}&pageSize=1`, { token: financeToken })).total;
    const smoothness = await reportPageSmoothness(service.url, options.month, await sessionOf(financeToken), reportTotal);
    details.push({ section: 'console', lines: [`first-screen files: ${consoleJs.files.join(', ')}`, ...lighthouse.map((page) => `Lighthouse ${page.page}: ${page.metrics}`)] });

    const countOf = async (sql: string, params: unknown[] = []) => ((await dataSource.query(sql, params)) as { n: number }[])[0].n;
    const monthFrom = `${options.month}-01`;
    const counts: BenchReport['counts'] = [
      { label: 'staff (the admin included)', value: await countOf('SELECT count(*)::int AS n FROM staff') },
      {
        label: `punches of ${options.month} (${options.punches === 'api' ? 'seeded through the batch API' : 'seeded with SQL: --punches sql'})`,
        value: await countOf(`SELECT count(*)::int AS n FROM punch WHERE source = 'batch'`),
      },
      { label: 'punches from clock-ins (the load runs)', value: await countOf(`SELECT count(*)::int AS n FROM punch WHERE source = 'clock'`) },
      { label: `attendance_day rows in ${options.month}`, value: await countOf(`SELECT count(*)::int AS n FROM attendance_day WHERE date >= $1::date AND date < ($1::date + interval '1 month')`, [monthFrom]) },
      { label: 'attendance_day rows in all', value: await countOf('SELECT count(*)::int AS n FROM attendance_day') },
      { label: 'audit_log rows', value: await countOf('SELECT count(*)::int AS n FROM audit_log') },
      { label: `month_snapshot rows (closes of ${options.month})`, value: await countOf('SELECT count(*)::int AS n FROM month_snapshot') },
    ];

    const figures = figuresOf({
      options,
      ingest,
      ingestBaseline: ingestBase,
      clock,
      stalledClock,
      clockUsers: company.clockUsers.length,
      recompute,
      recomputeBaseline: recomputeBase,
      clockDuringRecompute: duringRecompute,
      report: monthlyReport,
      aggregate,
      csv,
      csvBaseline,
      xlsx,
      xlsxBaseline,
      close,
    });

    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      options: {
        staff: options.staff,
        month: options.month,
        seed: options.seed,
        punches: options.punches,
        batchSize: options.batchSize,
        inFlight: options.inFlight,
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        poolSize: POOL_SIZE,
        node: process.version,
        source: sourceVersion(),
        cpus: cpus().length,
        loadAverage: `${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} after the figures`,
      },
      database: database.description,
      counts,
      // The event-loop and memory figures are added once the sampler has stopped (below).
      figures: [...figures, ...consoleFigures(consoleJs, lighthouse), ...smoothnessFigures(smoothness)].map(evaluate),
      preamble: [
        options.punches === 'api'
          ? `seeding: the month's punches went in through POST /punches/batch (the batch ingestion figure); every figure below is measured on them.`
          : `seeding: --punches sql: the month's punches went straight into the table with SQL, NOT through the API; the batch ingestion figure was not measured, every other figure is measured on those rows.`,
        '',
      ],
      details,
      memory: [],
      seconds: 0,
    };
    progress('cleaning up');
    sampler.enter('cleanup');
    await cleanup();
    report.memory = sampler.stop();
    report.figures.push(...processFigures(report.memory).map(evaluate));
    report.seconds = (performance.now() - started) / 1000;
    printReport(report);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
