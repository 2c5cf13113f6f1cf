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

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const STAMPED_TABLES = new Set(['ATTLOG', 'OPERLOG', 'ATTPHOTO']);

/**
 * The Prometheus metrics of one app instance, in a registry of its own (not prom-client's global
 * one): several apps in one process, as in the tests, each count their own requests.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the first byte of a request to the last byte of its answer',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly sweeps = new Counter({
    name: 'kaoqin_attendance_sweeps_total',
    help: 'Background passes over day results this instance ran (queue: the stale days; sweep: queue and expired pending days)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly sweepSeconds = new Histogram({
    name: 'kaoqin_attendance_sweep_duration_seconds',
    help: 'Duration of the background passes over day results',
    labelNames: ['kind'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  private readonly recomputed = new Counter({
    name: 'kaoqin_attendance_people_recomputed_total',
    help: "People whose days the background passes recomputed",
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly uploads = new Counter({
    name: 'kaoqin_iclock_uploads_total',
    help: 'Uploads from attendance terminals (POST /iclock/cdata), by table',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });
  private readonly uploadLines = new Counter({
    name: 'kaoqin_iclock_punch_lines_total',
    help: 'Punch lines terminals uploaded: stored (new or already stored) or rejected (kept for an admin)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(private readonly dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    new Gauge({
      name: 'kaoqin_db_pool_connections',
      help: 'Connections of the database pool: total open, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const current = pool();
        this.set({ state: 'total' }, current?.totalCount ?? 0);
        this.set({ state: 'idle' }, current?.idleCount ?? 0);
        this.set({ state: 'waiting' }, current?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'kaoqin_db_pool_max',
      help: 'Most connections the pool opens (DATABASE_POOL_SIZE)',
      registers: [this.registry],
      collect() {
        this.set(pool()?.options?.max ?? 0);
      },
    });
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
    new Gauge({
      name: 'kaoqin_attendance_stale_rows',
      help: 'Rows in the queue of stale days (attendance_stale) waiting to be recomputed',
      registers: [this.registry],
      async collect() {
        await readQueue();
        this.set(queue.rows);
      },
    });
    new Gauge({
      name: 'kaoqin_attendance_stale_oldest_seconds',
      help: 'Age of the oldest row in the queue of stale days (0: empty)',
      registers: [this.registry],
      async collect() {
        await readQueue();
        this.set(queue.oldest);
      },
    });
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

  punchLines(stored: number, rejected: number): void {
    this.uploadLines.inc({ outcome: 'stored' }, stored);
    this.uploadLines.inc({ outcome: 'rejected' }, rejected);
  }
}
