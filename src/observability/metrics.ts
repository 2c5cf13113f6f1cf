import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** pg's Pool, as TypeORM's postgres driver keeps it. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

const HTTP_LABELS = ['method', 'route', 'status'] as const;
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const STAMPED_TABLES = new Set(['ATTLOG', 'OPERLOG', 'ATTPHOTO']);

function counter<T extends string>(registry: Registry, name: string, help: string, labelNames: readonly T[]): Counter<T> {
  return new Counter({ name, help, labelNames, registers: [registry] });
}

function histogram<T extends string>(registry: Registry, name: string, help: string, labelNames: readonly T[], buckets: number[]): Histogram<T> {
  return new Histogram({ name, help, labelNames, buckets, registers: [registry] });
}

/** A gauge read at each scrape: `read` sets it. */
export function gauge<T extends string>(registry: Registry, name: string, help: string, read: (gauge: Gauge<T>) => void | Promise<void>, labelNames: readonly T[] = []): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      return read(this);
    },
  });
}

/**
 * The Prometheus metrics of one app instance, in a registry of its own (not prom-client's global
 * one): several apps in one process, as in the tests, each count their own requests.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly requests = counter(this.registry, 'http_requests_total', 'HTTP requests answered, by method, route template and status', HTTP_LABELS);
  private readonly latency = histogram(this.registry, 'http_request_duration_seconds', 'Time from the first byte of a request to the last byte of its answer', HTTP_LABELS, SECONDS);
  private readonly sweeps = counter(
    this.registry,
    'kaoqin_attendance_sweeps_total',
    'Background passes over day results this instance ran (queue: the stale days; sweep: queue and expired pending days)',
    ['kind'],
  );
  private readonly sweepSeconds = histogram(this.registry, 'kaoqin_attendance_sweep_duration_seconds', 'Duration of the background passes over day results', ['kind'], [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300]);
  private readonly recomputed = counter(this.registry, 'kaoqin_attendance_people_recomputed_total', 'People whose days the background passes recomputed', ['kind']);
  private readonly uploads = counter(this.registry, 'kaoqin_iclock_uploads_total', 'Uploads from attendance terminals (POST /iclock/cdata), by table', ['table']);
  private readonly uploadLines = counter(
    this.registry,
    'kaoqin_iclock_punch_lines_total',
    'Punch lines terminals uploaded: stored (new or already stored) or rejected (kept for an admin)',
    ['outcome'],
  );

  private readonly deliveries = counter(
    this.registry,
    'kaoqin_notification_deliveries_total',
    'Notification delivery attempts this instance made, by channel and outcome (delivered; retry: failed, tried again later; failed: given up)',
    ['channel', 'outcome'],
  );

  constructor(private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    gauge(
      this.registry,
      'kaoqin_db_pool_connections',
      'Connections of the database pool: total open, idle, and requests waiting for one',
      (connections) => {
        const current = pool();
        connections.set({ state: 'total' }, current?.totalCount ?? 0);
        connections.set({ state: 'idle' }, current?.idleCount ?? 0);
        connections.set({ state: 'waiting' }, current?.waitingCount ?? 0);
      },
      ['state'],
    );
    gauge(this.registry, 'kaoqin_db_pool_max', 'Most connections the pool opens (DATABASE_POOL_SIZE)', (max) => max.set(pool()?.options?.max ?? 0));
    const queue = { rows: NaN, oldest: NaN };
    // Both queue gauges are collected together (prom-client collects all metrics at once): one query serves both.
    let reading: Promise<void> | null = null;
    const readQueue = () => (reading ??= queryQueue().finally(() => (reading = null)));
    const queryQueue = async () => {
      try {
        const [row]: { rows: number; oldest: number | null }[] = await this.dataSource.query(
          `SELECT count(*)::int AS rows, extract(epoch FROM clock_timestamp() - min(queued_at))::float8 AS oldest FROM attendance_stale`,
        );
        queue.rows = row.rows;
        queue.oldest = row.oldest ?? 0;
      } catch {
        // A scrape while the database is down still answers; NaN says "unknown", not "empty".
        queue.rows = NaN;
        queue.oldest = NaN;
      }
    };
    const queueGauge = (name: string, help: string, value: () => number) =>
      gauge(this.registry, name, help, async (metric) => {
        await readQueue();
        metric.set(value());
      });
    queueGauge('kaoqin_attendance_stale_rows', 'Rows in the queue of stale days (attendance_stale) waiting to be recomputed', () => queue.rows);
    queueGauge('kaoqin_attendance_stale_oldest_seconds', 'Age of the oldest row in the queue of stale days (0: empty)', () => queue.oldest);
  }

  /** Counts and times every answer by its route template (`/staff/:id`), never by its raw path. */
  httpMiddleware(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      const started = process.hrtime.bigint();
      response.on('finish', () => {
        const routePath: unknown = (request as { route?: { path?: unknown } }).route?.path;
        // Unmatched paths are whatever a scanner sends: one label for all of them keeps the series bounded.
        const route = typeof routePath === 'string' ? `${request.baseUrl}${routePath}` : response.statusCode === 404 ? '(unmatched)' : '(other)';
        const labels = { method: request.method, route, status: String(response.statusCode) };
        this.requests.inc(labels);
        this.latency.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }

  /** A background pass that held the lock, its duration and the people it recomputed. */
  sweepDone(kind: 'queue' | 'sweep', seconds: number, people: number): void {
    this.sweeps.inc({ kind });
    this.sweepSeconds.observe({ kind }, seconds);
    this.recomputed.inc({ kind }, people);
  }

  upload(table: string): void {
    this.uploads.inc({ table: STAMPED_TABLES.has(table) ? table : 'other' });
  }

  deliveryAttempt(channel: string, outcome: 'delivered' | 'retry' | 'failed'): void {
    this.deliveries.inc({ channel, outcome });
  }

  punchLines(stored: number, rejected: number): void {
    this.uploadLines.inc({ outcome: 'stored' }, stored);
    this.uploadLines.inc({ outcome: 'rejected' }, rejected);
  }
}
