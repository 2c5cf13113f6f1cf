import { DateTime } from 'luxon';
import type pg from 'pg';
import { startBareApp } from './bare-app';
import { Api, inParallel } from './http';
import { LoadResult, runLoad } from './load';
import { formatNumber } from './report';
import type { PlannedPunch, SeededCompany } from './seed';

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let offset = 0; offset < items.length; offset += size) out.push(items.slice(offset, offset + size));
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---------------------------------------------------------------- 1. batch ingestion

export interface IngestionRun {
  punches: number;
  batches: number;
  seconds: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  rejectedReasons: Record<string, number>;
  failedBatches: { status: number; body: string }[];
  batchMs: { p50: number; max: number };
  /** Failed batches sent again one at a time after the timed run, so that the month is complete. */
  retry: { batches: number; seconds: number; inserted: number; stillFailed: number };
}

/** Punches the timed run stored or found stored (failed batches store nothing: each is one transaction). */
export const storedInTimedRun = (run: IngestionRun) => run.inserted + run.duplicates;

/** `POST /punches/batch`, `batchSize` lines a request, `inFlight` requests at once; bodies are built before the clock starts. */
export async function ingestThroughApi(api: Api, adminToken: string, company: SeededCompany, batchSize: number, inFlight: number): Promise<IngestionRun> {
  const bodies = chunks(company.punches, batchSize).map((batch) =>
    JSON.stringify({ punches: batch.map((punch) => ({ employeeNo: company.staff[punch.staffIndex].employeeNo, at: punch.at })) }),
  );
  const run: IngestionRun = {
    punches: company.punches.length,
    batches: bodies.length,
    seconds: 0,
    inserted: 0,
    duplicates: 0,
    rejected: 0,
    rejectedReasons: {},
    failedBatches: [],
    batchMs: { p50: 0, max: 0 },
    retry: { batches: 0, seconds: 0, inserted: 0, stillFailed: 0 },
  };
  const send = async (body: string) => {
    const { status, body: answer } = await api.send('POST', '/punches/batch', { token: adminToken, rawBody: body });
    if (status !== 200) return { ok: false as const, status, text: JSON.stringify(answer).slice(0, 300) };
    return { ok: true as const, result: answer as { inserted: number; duplicates: number; rejected: { reason: string }[] } };
  };
  const durations: number[] = [];
  const failedBodies: string[] = [];
  const started = performance.now();
  await inParallel(bodies, inFlight, async (body) => {
    const sent = performance.now();
    const answer = await send(body);
    durations.push(performance.now() - sent);
    if (!answer.ok) {
      run.failedBatches.push({ status: answer.status, body: answer.text });
      failedBodies.push(body);
      return;
    }
    run.inserted += answer.result.inserted;
    run.duplicates += answer.result.duplicates;
    run.rejected += answer.result.rejected.length;
    for (const line of answer.result.rejected) run.rejectedReasons[line.reason] = (run.rejectedReasons[line.reason] ?? 0) + 1;
  });
  run.seconds = seconds(started);
  durations.sort((a, b) => a - b);
  run.batchMs = { p50: percentile(durations, 50), max: durations[durations.length - 1] ?? NaN };

  const retryStarted = performance.now();
  for (const body of failedBodies) {
    run.retry.batches += 1;
    const answer = await send(body);
    if (answer.ok) run.retry.inserted += answer.result.inserted;
    else run.retry.stillFailed += 1;
  }
  run.retry.seconds = seconds(retryStarted);
  return run;
}

export function ingestionLines(run: IngestionRun, baseline: { seconds: number; inserted: number }): string[] {
  const reasons = Object.entries(run.rejectedReasons).map(([reason, n]) => `${reason}: ${n}`).join(', ');
  return [
    `POST /punches/batch: ${run.punches.toLocaleString('en-US')} punches in ${run.batches} batches, ${run.seconds.toFixed(2)} s; ` +
      `inserted ${run.inserted}, duplicates ${run.duplicates}, rejected ${run.rejected}${run.rejected > 0 ? ` (${reasons})` : ''}, ` +
      `failed batches ${run.failedBatches.length}; per batch p50 ${run.batchMs.p50.toFixed(0)} ms, max ${run.batchMs.max.toFixed(0)} ms`,
    ...run.failedBatches.slice(0, 5).map((failure) => `failed batch: ${failure.status} ${failure.body}`),
    ...(run.failedBatches.length > 5 ? [`… and ${run.failedBatches.length - 5} more failed batches`] : []),
    ...(run.retry.batches > 0
      ? [
          `the ${run.retry.batches} failed batches re-sent one at a time after the timed run (not in the figure): ${run.retry.inserted} inserted in ${run.retry.seconds.toFixed(2)} s` +
            (run.retry.stillFailed > 0 ? `, ${run.retry.stillFailed} STILL FAILED (the month is incomplete)` : ''),
        ]
      : []),
    `baseline: ${baseline.inserted.toLocaleString('en-US')} rows into bench_punch_baseline (LIKE punch INCLUDING ALL + FK to staff) in ${baseline.seconds.toFixed(2)} s`,
  ];
}

/**
 * The same rows, the same batches and the same concurrency as plain
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING` into a copy of the punch table
 * (same columns, checks, unique constraint, indexes and foreign key to staff).
 */
export async function ingestBaseline(pool: pg.Pool, company: SeededCompany, batchSize: number, inFlight: number): Promise<{ seconds: number; inserted: number }> {
  await pool.query('DROP TABLE IF EXISTS bench_punch_baseline');
  await pool.query('CREATE TABLE bench_punch_baseline (LIKE punch INCLUDING ALL)');
  await pool.query('ALTER TABLE bench_punch_baseline ADD FOREIGN KEY (staff_id) REFERENCES staff (id)');
  const batches = chunks(company.punches, batchSize).map((batch: PlannedPunch[]) => [batch.map((p) => company.staff[p.staffIndex].id), batch.map((p) => p.at)]);
  let inserted = 0;
  const started = performance.now();
  await inParallel(batches, inFlight, async ([staffIds, ats]) => {
    const result = await pool.query(
      `INSERT INTO bench_punch_baseline (staff_id, at, source, created_by)
       SELECT staff_id, at, 'batch', 'bench' FROM unnest($1::uuid[], $2::timestamptz[]) AS p(staff_id, at)
       ON CONFLICT (staff_id, at) DO NOTHING`,
      [staffIds, ats],
    );
    inserted += result.rowCount ?? 0;
  });
  const elapsed = seconds(started);
  await pool.query('DROP TABLE bench_punch_baseline');
  return { seconds: elapsed, inserted };
}

/**
 * `--punches sql`: the month's punches straight into the punch table (the same rows, batches and
 * concurrency as the baseline), for quicker iterations at 10,000 staff. Not a figure.
 */
export async function seedPunchesWithSql(pool: pg.Pool, company: SeededCompany, batchSize: number, inFlight: number): Promise<{ seconds: number; inserted: number }> {
  const batches = chunks(company.punches, batchSize).map((batch: PlannedPunch[]) => [batch.map((p) => company.staff[p.staffIndex].id), batch.map((p) => p.at)]);
  let inserted = 0;
  const started = performance.now();
  await inParallel(batches, inFlight, async ([staffIds, ats]) => {
    const result = await pool.query(
      `INSERT INTO punch (staff_id, at, source, created_by)
       SELECT staff_id, at, 'batch', 'bench --punches sql' FROM unnest($1::uuid[], $2::timestamptz[]) AS p(staff_id, at)
       ON CONFLICT (staff_id, at) DO NOTHING`,
      [staffIds, ats],
    );
    inserted += result.rowCount ?? 0;
  });
  return { seconds: seconds(started), inserted };
}

// ---------------------------------------------------------------- 2. clock-in under concurrency

export interface ClockRuns {
  ours: LoadResult;
  bare: LoadResult;
}

function describeLoad(result: LoadResult): string {
  const codes = Object.entries(result.statusCounts).map(([code, count]) => `${code}: ${count}`).join(', ');
  return (
    `${formatNumber(result.requestsPerSecond)} req/s, ${result.requests.toLocaleString('en-US')} requests in ${result.durationSeconds.toFixed(1)} s; ` +
    `latency p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms; ` +
    `2xx ${result.ok2xx}, non-2xx ${result.non2xx} (${codes || 'none'}), errors ${result.errors}, timeouts ${result.timeouts}`
  );
}

export const clockLines = (runs: ClockRuns) => [`POST /punches/clock: ${describeLoad(runs.ours)}`, `bare route:          ${describeLoad(runs.bare)}`];

/**
 * autocannon against `POST /punches/clock`, one employee (bearer token) per connection, then the
 * same load against a bare NestJS route that validates a DTO and inserts one row.
 */
export async function clockUnderLoad(serviceUrl: string, databaseUrl: string, poolSize: number, company: SeededCompany, durationSeconds: number, onPhase: (phase: string) => Promise<void>): Promise<ClockRuns> {
  const warmup = Math.min(2, durationSeconds);
  const ours = company.clockUsers.map((user) => ({
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: '{}',
  }));
  await onPhase('clock-in (service)');
  await runLoad({ url: `${serviceUrl}/punches/clock`, method: 'POST', durationSeconds: warmup, perConnection: ours });
  const oursResult = await runLoad({ url: `${serviceUrl}/punches/clock`, method: 'POST', durationSeconds, perConnection: ours });

  await onPhase('clock-in (bare route)');
  const bare = await startBareApp(databaseUrl, poolSize);
  try {
    const perConnection = company.clockUsers.map((user) => ({
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ employeeNo: user.employeeNo }),
    }));
    await runLoad({ url: `${bare.url}/bare/clock`, method: 'POST', durationSeconds: warmup, perConnection });
    const bareResult = await runLoad({ url: `${bare.url}/bare/clock`, method: 'POST', durationSeconds, perConnection });
    return { ours: oursResult, bare: bareResult };
  } finally {
    await bare.stop();
  }
}

// ---------------------------------------------------------------- 2. the queue drains

/**
 * Waits until the queue of stale days is empty: the service computes ingested punches' days in the
 * background, and a month recompute that starts halfway through it would measure an accident of
 * timing (some days new, some stored). After it every day of the month is stored, as finance finds
 * them on a normal day.
 */
export async function queueDrained(pool: pg.Pool, limitSeconds = 600): Promise<{ seconds: number }> {
  const started = performance.now();
  for (;;) {
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM attendance_stale');
    if (rows[0].n === 0) return { seconds: seconds(started) };
    if (seconds(started) > limitSeconds) throw new Error(`the queue of stale days still held ${rows[0].n} spans after ${limitSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// ---------------------------------------------------------------- 3. month recompute

export async function recomputeThroughApi(api: Api, adminToken: string, month: string): Promise<{ seconds: number; days: number }> {
  const started = performance.now();
  const result = await api.ok<{ days: number }>('POST', '/attendance/recompute', { token: adminToken, json: { month } });
  return { seconds: seconds(started), days: result.days };
}

/** First-in and last-out per person and local day over the month's punches, in one query (rows fetched). */
export async function recomputeBaseline(pool: pg.Pool, month: string, zone: string): Promise<{ seconds: number; rows: number }> {
  const start = DateTime.fromISO(`${month}-01`, { zone });
  const started = performance.now();
  const result = await pool.query(
    `SELECT staff_id, (at AT TIME ZONE $3)::date AS day, min(at) AS first_in, max(at) AS last_out
       FROM punch WHERE at >= $1 AND at < $2 AND voided_at IS NULL GROUP BY 1, 2`,
    [start.toJSDate(), start.plus({ months: 1 }).plus({ days: 1 }).toJSDate(), zone],
  );
  return { seconds: seconds(started), rows: result.rowCount ?? 0 };
}

export const recomputeLines = (ours: { seconds: number; days: number }, baseline: { seconds: number; rows: number }) => [
  `POST /attendance/recompute: ${ours.days.toLocaleString('en-US')} day results in ${ours.seconds.toFixed(2)} s`,
  `baseline: first-in/last-out per person and local day, ${baseline.rows.toLocaleString('en-US')} rows in ${baseline.seconds.toFixed(3)} s`,
];
