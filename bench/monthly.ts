import { DateTime } from 'luxon';
import http from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { Api } from './http';

/**
 * The figures of the monthly report issue: the JSON report, the CSV and XLSX exports (time and the
 * growth of this process's memory: the service runs in it) and the month close, each next to a raw
 * PostgreSQL baseline over the same month's punches.
 */

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 400);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Full garbage collections before a memory measurement, so that free room left by earlier phases
 * does not hide growth; the pauses let V8 finish sweeping and hand pages back before RSS is read.
 */
let collect: (() => void) | null | undefined;
async function collectGarbage(): Promise<boolean> {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  if (!collect) return false;
  collect();
  await sleep(200);
  collect();
  await sleep(100);
  return true;
}

// ---------------------------------------------------------------- memory during one request

export interface MemoryWindow {
  rssBeforeBytes: number;
  peakRssBytes: number;
  /** Peak during the window minus before; never below zero. */
  growthBytes: number;
  samples: number;
  /**
   * The same for the JavaScript heap plus buffers outside it (heapUsed + external): garbage not yet
   * collected counts too, so an upper bound of what the request kept; RSS can hide growth that fits
   * into pages the process already had.
   */
  heapGrowthBytes: number;
  /** The longest time between two samples: how long the one thread was busy without yielding. */
  maxGapMs: number;
  gcBefore: boolean;
}

/** Samples `process.memoryUsage().rss` every 50 ms while `work` runs (after a full GC when possible). */
export async function withRssSampling<T>(work: () => Promise<T>, intervalMs = 50): Promise<{ result: T; memory: MemoryWindow }> {
  const gcBefore = await collectGarbage();
  const before = process.memoryUsage();
  const rssBeforeBytes = before.rss;
  const heapBefore = before.heapUsed + before.external;
  let peak = rssBeforeBytes;
  let heapPeak = heapBefore;
  let samples = 0;
  let last = performance.now();
  let maxGapMs = 0;
  const sample = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    samples += 1;
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed + usage.external);
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await work();
    sample();
    return { result, memory: { rssBeforeBytes, peakRssBytes: peak, growthBytes: Math.max(0, peak - rssBeforeBytes), heapGrowthBytes: Math.max(0, heapPeak - heapBefore), samples, maxGapMs, gcBefore } };
  } finally {
    clearInterval(timer);
  }
}

// ---------------------------------------------------------------- the month aggregate (raw SQL)

/** The month's local bounds as instants: [first day 00:00, first day of the next month 00:00). */
export function monthBounds(month: string, zone: string): { from: Date; to: Date; days: number } {
  const start = DateTime.fromISO(`${month}-01`, { zone });
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate(), days: start.daysInMonth as number };
}

const lit = (value: string) => pg.escapeLiteral(value);

/**
 * First-in/last-out per person and local day over the month's punches, then counts per person
 * (the shift times are the standard shift's, 08:30–17:30, fixed: this is comparable work, not the
 * service's rules). Literals, not parameters, so that the same text can run inside COPY.
 */
export function monthAggregateSql(month: string, zone: string): string {
  const { from, to } = monthBounds(month, zone);
  const z = lit(zone);
  return `WITH d AS (
      SELECT staff_id, (at AT TIME ZONE ${z})::date AS day, min(at) AS first_in, max(at) AS last_out, count(*) AS punches
        FROM punch
       WHERE at >= ${lit(from.toISOString())}::timestamptz AND at < ${lit(to.toISOString())}::timestamptz AND voided_at IS NULL
       GROUP BY 1, 2)
    SELECT s.employee_no, s.name, s.position_code,
           count(*)::int AS days_with_punches,
           count(*) FILTER (WHERE d.punches = 1)::int AS single_punch_days,
           count(*) FILTER (WHERE (d.first_in AT TIME ZONE ${z})::time > time '08:30')::int AS late_count,
           coalesce(sum(ceil(extract(epoch FROM (d.first_in AT TIME ZONE ${z})::time - time '08:30') / 60))
             FILTER (WHERE (d.first_in AT TIME ZONE ${z})::time > time '08:30'), 0)::int AS late_minutes,
           count(*) FILTER (WHERE d.punches > 1 AND (d.last_out AT TIME ZONE ${z})::time < time '17:30')::int AS early_leave_count,
           sum(d.punches)::int AS punches
      FROM d JOIN staff s ON s.id = d.staff_id
     GROUP BY s.id, s.employee_no, s.name, s.position_code
     ORDER BY s.employee_no`;
}

/**
 * The grid's raw counterpart (the XLSX's second sheet): one line per person and one cell per date
 * of the month, the first-in and last-out of that local day.
 */
export function monthGridSql(month: string, zone: string): string {
  const { from, to } = monthBounds(month, zone);
  const z = lit(zone);
  const firstDay = lit(`${month}-01`);
  return `WITH d AS (
      SELECT staff_id, (at AT TIME ZONE ${z})::date AS day, min(at) AS first_in, max(at) AS last_out
        FROM punch
       WHERE at >= ${lit(from.toISOString())}::timestamptz AND at < ${lit(to.toISOString())}::timestamptz AND voided_at IS NULL
       GROUP BY 1, 2)
    SELECT s.employee_no, s.name,
           string_agg(coalesce(to_char(d.first_in AT TIME ZONE ${z}, 'HH24:MI') || '-' || to_char(d.last_out AT TIME ZONE ${z}, 'HH24:MI'), ''), '|' ORDER BY g.day) AS days
      FROM staff s
     CROSS JOIN generate_series(${firstDay}::date, (${firstDay}::date + interval '1 month' - interval '1 day'), interval '1 day') AS g(day)
      LEFT JOIN d ON d.staff_id = s.id AND d.day = g.day::date
     WHERE s.hired_on <= (${firstDay}::date + interval '1 month' - interval '1 day')::date
     GROUP BY s.id, s.employee_no, s.name
     ORDER BY s.employee_no`;
}

export interface AggregateBaseline {
  /** Median of the warm runs (the figure's baseline). */
  seconds: number;
  /** The first run, before PostgreSQL's caches held the month. */
  firstSeconds: number;
  runs: number[];
  rows: number;
  totals: { lateCount: number; lateMinutes: number; earlyLeaveCount: number; singlePunchDays: number; punches: number };
}

/** The raw month aggregate: one untimed-for-the-figure first run, then `runs` timed ones (median). */
export async function monthAggregateBaseline(pool: pg.Pool, month: string, zone: string, runs = 3): Promise<AggregateBaseline> {
  const sql = monthAggregateSql(month, zone);
  type Row = { late_count: number; late_minutes: number; early_leave_count: number; single_punch_days: number; punches: number };
  const once = async () => {
    const started = performance.now();
    const result = await pool.query<Row>(sql);
    return { seconds: seconds(started), rows: result.rows };
  };
  const first = await once();
  const timed: number[] = [];
  for (let i = 0; i < runs; i++) timed.push((await once()).seconds);
  const sum = (pick: (row: Row) => number) => first.rows.reduce((total, row) => total + pick(row), 0);
  return {
    seconds: median(timed),
    firstSeconds: first.seconds,
    runs: timed,
    rows: first.rows.length,
    totals: {
      lateCount: sum((r) => r.late_count),
      lateMinutes: sum((r) => r.late_minutes),
      earlyLeaveCount: sum((r) => r.early_leave_count),
      singlePunchDays: sum((r) => r.single_punch_days),
      punches: sum((r) => r.punches),
    },
  };
}

// ---------------------------------------------------------------- COPY … TO STDOUT (no extra dependency)

/**
 * A pg "submittable" that runs `COPY (…) TO STDOUT` and counts the bytes the server sends,
 * keeping none of them (what pg-copy-streams does, without the dependency).
 */
class CopyOutCounter {
  bytes = 0;
  private error: Error | null = null;
  readonly done: Promise<number>;
  private settle!: { resolve: (bytes: number) => void; reject: (error: Error) => void };

  constructor(private readonly text: string) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    this.bytes += message.chunk.length;
  }

  handleCommandComplete(): void {
    // the rows are counted; ReadyForQuery ends the exchange
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.settle.reject(this.error);
    else this.settle.resolve(this.bytes);
  }

  handleEmptyQuery(): void {
    // not sent by COPY
  }
}

export async function copyOut(pool: pg.Pool, sql: string, options = 'FORMAT csv, HEADER'): Promise<number> {
  const client = await pool.connect();
  try {
    const copy = new CopyOutCounter(`COPY (${sql}) TO STDOUT WITH (${options})`);
    void client.query(copy as unknown as pg.QueryConfig);
    return await copy.done;
  } finally {
    client.release();
  }
}

export interface CopyBaseline {
  seconds: number;
  bytes: number;
  memory: MemoryWindow;
  what: string;
}

/** Each query through COPY … TO STDOUT (CSV), one after the other, bytes counted and dropped; timed and memory-sampled. */
export async function copyBaseline(pool: pg.Pool, queries: string[], what: string): Promise<CopyBaseline> {
  const { result, memory } = await withRssSampling(async () => {
    const started = performance.now();
    let bytes = 0;
    for (const sql of queries) bytes += await copyOut(pool, sql);
    return { seconds: seconds(started), bytes };
  });
  return { ...result, memory, what };
}

/**
 * Live and dead rows, size and autovacuum of a table (PostgreSQL's statistics, which backends
 * flush every second or more, so they can lag a little). The report and the exports read
 * attendance_day, which the batch ingestion and the recompute rewrite many times over: its dead
 * rows and bloat move their times.
 */
export async function tableState(pool: pg.Pool, table: string): Promise<string> {
  const { rows } = await pool.query<{ live: string; dead: string; bytes: string; autovacuums: string; last_autovacuum: Date | null }>(
    `SELECT n_live_tup AS live, n_dead_tup AS dead, pg_total_relation_size(relid) AS bytes, autovacuum_count AS autovacuums, last_autovacuum
       FROM pg_stat_user_tables WHERE relname = $1`,
    [table],
  );
  if (rows.length === 0) return `${table}: no statistics`;
  const row = rows[0];
  return (
    `${table}: ${Number(row.live).toLocaleString('en-US')} live and ${Number(row.dead).toLocaleString('en-US')} dead rows, ${(Number(row.bytes) / 1e6).toFixed(0)} MB with indexes, ` +
    `${row.autovacuums} autovacuum(s)${row.last_autovacuum ? `, the last at ${row.last_autovacuum.toISOString().slice(11, 19)}` : ''}`
  );
}

// ---------------------------------------------------------------- through the API

export type ReportTotals = Record<string, unknown>;

export interface ReportCall {
  seconds: number;
  bytes: number;
  total: number;
  items: number;
  rosterGaps: number;
  totals: ReportTotals;
}

export interface ReportRun {
  first: ReportCall | null;
  warm: ReportCall | null;
  /** After the month's stored day results were deleted: the call computes every day of the month first. */
  uncomputed: ReportCall | null;
  error: string | null;
  /** attendance_day rows of the month before and after the first call (it brings stale people up to date). */
  daysBefore: number;
  daysAfter: number;
  /** Rows deleted before the uncomputed call, and the rows there after it. */
  daysDeleted: number;
  daysAfterUncomputed: number;
}

async function reportCall(api: Api, token: string, month: string): Promise<ReportCall> {
  const started = performance.now();
  const { status, body } = await api.send('GET', `/reports/monthly?month=${month}&pageSize=200`, { token });
  const elapsed = seconds(started);
  if (status !== 200) throw new Error(`GET /reports/monthly answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    const report = body as { total: number; items: unknown[]; rosterGaps: number; totals: ReportTotals };
    return { seconds: elapsed, bytes: Buffer.byteLength(JSON.stringify(body)), total: report.total, items: report.items.length, rosterGaps: report.rosterGaps, totals: report.totals };
}

/** `GET /reports/monthly?month=…&pageSize=200`: the first call (it computes whatever is stale), then a warm one. */
export async function reportThroughApi(api: Api, token: string, month: string, countDays: () => Promise<number>): Promise<ReportRun> {
  const run: ReportRun = { first: null, warm: null, uncomputed: null, error: null, daysBefore: await countDays(), daysAfter: 0, daysDeleted: 0, daysAfterUncomputed: 0 };
  try {
    run.first = await reportCall(api, token, month);
    run.daysAfter = await countDays();
    run.warm = await reportCall(api, token, month);
  } catch (error) {
    run.error = errorText(error);
  }
  return run;
}

/**
 * The same request after `forgetDays` deleted the month's stored day results, so that it computes
 * them all first. Run last (after the exports and the close): it leaves dead rows behind.
 */
export async function reportUncomputed(run: ReportRun, api: Api, token: string, month: string, countDays: () => Promise<number>, forgetDays: () => Promise<number>): Promise<void> {
  try {
    run.daysDeleted = await forgetDays();
    run.uncomputed = await reportCall(api, token, month);
    run.daysAfterUncomputed = await countDays();
  } catch (error) {
    run.error = [run.error, `with the days deleted: ${errorText(error)}`].filter(Boolean).join('; ');
  }
}

export interface ExportRun {
  format: 'csv' | 'xlsx';
  seconds: number | null;
  status: number;
  contentType: string;
  bytes: number;
  /** The first bytes: a CSV starts with the BOM, an XLSX (a zip) with "PK". */
  head: string;
  memory: MemoryWindow | null;
  error: string | null;
}

/**
 * `GET /reports/monthly?month=…&format=csv|xlsx`, read to the end with node:http and counted
 * (no byte kept, so the client adds nothing to the memory measured), RSS sampled throughout.
 */
export async function exportThroughApi(serviceUrl: string, token: string, month: string, format: 'csv' | 'xlsx'): Promise<ExportRun> {
  const url = new URL(`/reports/monthly?month=${month}&format=${format}`, serviceUrl);
  const request = () =>
    new Promise<{ status: number; contentType: string; bytes: number; head: Buffer; seconds: number }>((resolve, reject) => {
      const started = performance.now();
      const req = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
        let bytes = 0;
        let head = Buffer.alloc(0);
        response.on('data', (chunk: Buffer) => {
          if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
          bytes += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), bytes, head, seconds: seconds(started) }));
        response.on('error', reject);
      });
      req.on('error', reject);
    });
  try {
    const { result, memory } = await withRssSampling(request);
    const head = result.head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 'BOM' : result.head.toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    const failed = result.status !== 200;
    return {
      format,
      seconds: failed ? null : result.seconds,
      status: result.status,
      contentType: result.contentType,
      bytes: result.bytes,
      head,
      memory: failed ? null : memory,
      error: failed ? `answered ${result.status}` : null,
    };
  } catch (error) {
    return { format, seconds: null, status: 0, contentType: '', bytes: 0, head: '', memory: null, error: errorText(error) };
  }
}

export interface CloseRun {
  closeSeconds: number | null;
  reopenSeconds: number | null;
  sha256: string | null;
  snapshotBytes: number | null;
  stateAfterReopen: string | null;
  error: string | null;
}

/** `POST /months/…/close` as finance (timed), the snapshot read back, then `POST /months/…/reopen` so that the run can be repeated. */
export async function closeThroughApi(api: Api, financeToken: string, month: string): Promise<CloseRun> {
  const run: CloseRun = { closeSeconds: null, reopenSeconds: null, sha256: null, snapshotBytes: null, stateAfterReopen: null, error: null };
  try {
    let started = performance.now();
    const closed = await api.ok<{ state: string; snapshots: { sha256: string }[] }>('POST', `/months/${month}/close`, { token: financeToken });
    run.closeSeconds = seconds(started);
    run.sha256 = closed.snapshots[closed.snapshots.length - 1]?.sha256 ?? null;
    const snapshot = await fetch(`${api.baseUrl}/months/${month}/report`, { headers: { authorization: `Bearer ${financeToken}` } });
    run.snapshotBytes = (await snapshot.arrayBuffer()).byteLength;
    started = performance.now();
    const reopened = await api.ok<{ state: string }>('POST', `/months/${month}/reopen`, { token: financeToken, json: { reason: 'npm run bench: closed to time the close, reopened so that the run can be repeated' } });
    run.reopenSeconds = seconds(started);
    run.stateAfterReopen = reopened.state;
  } catch (error) {
    run.error = errorText(error);
  }
  return run;
}

// ---------------------------------------------------------------- printable lines

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const s = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? '—' : `${value.toFixed(digits)} s`);

export function describeMemory(memory: MemoryWindow | null): string {
  if (!memory) return 'memory not measured';
  return (
    `RSS ${mb(memory.rssBeforeBytes)} before, peak ${mb(memory.peakRssBytes)}, growth ${mb(memory.growthBytes)}; heap+external growth ${mb(memory.heapGrowthBytes)} ` +
    `(${memory.samples} samples every 50 ms, longest gap ${memory.maxGapMs.toFixed(0)} ms${memory.gcBefore ? ', full GC before' : ', no GC before'})`
  );
}

/** The totals line: the numbers a reader checks to see that the month was real. */
export function totalsLine(totals: ReportTotals): string {
  const pick = ['scheduledDays', 'presentDays', 'lateCount', 'lateMinutes', 'seriousLateCount', 'earlyLeaveCount', 'missingPunchCount', 'absenceDays', 'exemptDays', 'holidayDays', 'dutyShifts', 'pendingDays', 'penaltiesFen', 'bonusFen', 'finesFen'];
  const parts = pick.filter((key) => key in totals).map((key) => `${key} ${typeof totals[key] === 'number' ? (totals[key] as number).toLocaleString('en-US') : JSON.stringify(totals[key])}`);
  const leave = totals.leaveDays && typeof totals.leaveDays === 'object' ? Object.entries(totals.leaveDays as Record<string, number>).map(([code, days]) => `${code} ${days}`).join(', ') : '';
  return `${parts.join(', ')}${leave ? `; leaveDays: ${leave}` : ''}`;
}

export function reportLines(run: ReportRun, baseline: AggregateBaseline, tableBefore: string): string[] {
  const lines: string[] = [`before the first call: ${tableBefore}`];
  if (run.first) {
    lines.push(
      `GET /reports/monthly?pageSize=200 as finance: first call ${s(run.first.seconds)}, warm call ${s(run.warm?.seconds)}; ` +
        `${run.first.total.toLocaleString('en-US')} people in the report, ${run.first.items} on the page, ${run.first.bytes.toLocaleString('en-US')} bytes of JSON, rosterGaps ${run.first.rosterGaps}`,
    );
    lines.push(
      `attendance_day rows of the month before the first call ${run.daysBefore.toLocaleString('en-US')}, after ${run.daysAfter.toLocaleString('en-US')} ` +
        `(the first call computes only stale people: ${run.daysBefore === run.daysAfter ? 'none here, the recompute and the batch ingestion had stored every day' : 'some here'})`,
    );
    if (run.uncomputed) {
      lines.push(
        `then ${run.daysDeleted.toLocaleString('en-US')} stored day results of the month deleted with SQL: the next call computed ${run.daysAfterUncomputed.toLocaleString('en-US')} days and answered in ${s(run.uncomputed.seconds)}`,
      );
    }
    lines.push(`totals: ${totalsLine(run.first.totals)}`);
  }
  if (run.error) lines.push(`FAILED: ${run.error}`);
  lines.push(
    `baseline (raw month aggregate over punch): ${baseline.rows.toLocaleString('en-US')} people, first run ${s(baseline.firstSeconds)}, then ${baseline.runs.map((r) => r.toFixed(3)).join(' / ')} s (median ${s(baseline.seconds)} is the baseline); ` +
      `its raw counts with a fixed 08:30–17:30 day: ${baseline.totals.punches.toLocaleString('en-US')} punches, late ${baseline.totals.lateCount.toLocaleString('en-US')} (${baseline.totals.lateMinutes.toLocaleString('en-US')} min), ` +
      `early ${baseline.totals.earlyLeaveCount.toLocaleString('en-US')}, single-punch days ${baseline.totals.singlePunchDays.toLocaleString('en-US')}`,
  );
  return lines;
}

export function exportLines(run: ExportRun, baseline: CopyBaseline): string[] {
  return [
    run.error
      ? `?format=${run.format}: FAILED: ${run.error}`
      : `?format=${run.format}: ${s(run.seconds)}, ${run.bytes.toLocaleString('en-US')} bytes (${run.contentType}; starts with ${run.head}); ${describeMemory(run.memory)}`,
    `baseline: ${baseline.what}: ${s(baseline.seconds)}, ${baseline.bytes.toLocaleString('en-US')} bytes; ${describeMemory(baseline.memory)}`,
  ];
}

export function closeLines(run: CloseRun): string[] {
  return [
    run.error
      ? `FAILED: ${run.error}`
      : `POST /months/…/close ${s(run.closeSeconds)} (snapshot ${run.snapshotBytes?.toLocaleString('en-US')} bytes, sha256 ${run.sha256?.slice(0, 16)}…); ` +
        `POST /months/…/reopen ${s(run.reopenSeconds)}, state after: ${run.stateAfterReopen}`,
  ];
}
