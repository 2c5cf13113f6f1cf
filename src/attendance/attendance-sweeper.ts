import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { InjectBackgroundDataSource } from '../database/background-data-source';
import { Metrics } from '../observability/metrics';
import { AttendanceService } from './attendance.service';

const SWEEP_LOCK_KEY = 7_441_302_218;

/**
 * The background work on day results, under one advisory lock so that with several instances one
 * of them does it: every ATTENDANCE_QUEUE_MS the queue of days made stale by punches is worked
 * off, and every ATTENDANCE_SWEEP_SECONDS pending days whose punch window has closed become final.
 * It works on the background DataSource (DATABASE_BACKGROUND_POOL_SIZE connections of its own).
 */
@Injectable()
export class AttendanceSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AttendanceSweeper');
  private readonly timers: NodeJS.Timeout[] = [];
  private running = false;
  private stopping = false;

  constructor(
    // The background pool: a flood of requests (slow uploads) cannot take the lock session's connection.
    @InjectBackgroundDataSource() private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    if (this.config.attendanceQueueMs > 0) this.every(this.config.attendanceQueueMs, () => this.locked('queue', () => this.drain()));
    if (this.config.attendanceSweepSeconds > 0) this.every(this.config.attendanceSweepSeconds * 1000, () => this.sweep());
  }

  onModuleDestroy(): void {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
  }

  /**
   * One full pass: the queue, then the expired pending days. Returns how many people's days were
   * recomputed (0 when another instance holds the lock).
   */
  async sweep(): Promise<number> {
    return this.locked('sweep', async () => (await this.drain()) + (await this.attendance.finalizeExpiredPending()));
  }

  /**
   * Works the queue off in slices of a hundred people, one transaction each. Background work
   * shares the process with requests: after each slice it rests as long as the slice took, so
   * that a large queue (a month of punches for 10,000 people) takes at most half the CPU while
   * batches and clock-ins keep coming. Reads never wait for it (they bring their own days up to date).
   */
  private async drain(): Promise<number> {
    let total = 0;
    // On shutdown the loop ends after the slice in hand; what is left stays queued for the next start.
    while (!this.stopping) {
      const started = performance.now();
      const slice = await this.attendance.drainQueue();
      if (slice === 0) break;
      total += slice;
      await new Promise((resolve) => setTimeout(resolve, performance.now() - started).unref());
    }
    return total;
  }

  private every(ms: number, pass: () => Promise<number>): void {
    const timer = setInterval(() => void pass(), ms);
    timer.unref();
    this.timers.push(timer);
  }

  /** Runs `work` while holding the sweep lock; 0 when this process or another instance is at it already. */
  private async locked(kind: 'queue' | 'sweep', work: () => Promise<number>): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    const session = this.dataSource.createQueryRunner();
    try {
      const locked: { ok: boolean }[] = await session.query('SELECT pg_try_advisory_lock($1) AS ok', [SWEEP_LOCK_KEY]);
      if (!locked[0].ok) return 0;
      try {
        const started = performance.now();
        const people = await work();
        this.metrics.sweepDone(kind, (performance.now() - started) / 1000, people);
        return people;
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
    } catch (error) {
      this.logger.warn(`Sweep failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      await session.release();
      this.running = false;
    }
  }
}
