import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { AttendanceService } from './attendance.service';

const SWEEP_LOCK_KEY = 7_441_302_218;

/**
 * Turns pending days into results once their punch window has closed, every
 * ATTENDANCE_SWEEP_SECONDS. With several instances, an advisory lock lets one of them run it.
 */
@Injectable()
export class AttendanceSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AttendanceSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.attendanceSweepSeconds > 0) {
      this.timer = setInterval(() => void this.sweep(), this.config.attendanceSweepSeconds * 1000);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass; returns how many people's days were finalised (0 when another instance holds the lock). */
  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    const session = this.dataSource.createQueryRunner();
    try {
      const locked: { ok: boolean }[] = await session.query('SELECT pg_try_advisory_lock($1) AS ok', [SWEEP_LOCK_KEY]);
      if (!locked[0].ok) return 0;
      try {
        return await this.attendance.finalizeExpiredPending();
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
