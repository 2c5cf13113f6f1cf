import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { computeSlice, type SliceRows, type SliceTask } from '../domain/attendance/day-rows';
import type { ComputeWorkerData } from './compute-worker';

// Beside this file once compiled (dist/src/attendance/); the TypeScript sources (tests) name a compiled copy instead.
const COMPILED_WORKER = typeof __dirname === 'string' && __filename.endsWith('.js') ? join(__dirname, 'compute-worker.js') : null;

/**
 * Runs the attendance rules on slices of people in worker threads (issue 20): the rules are CPU-bound
 * JavaScript, and on the thread that serves HTTP a month of 10,000 people held every request for 20
 * seconds. With ATTENDANCE_WORKERS=0 (or no compiled worker module) a slice is computed on the main
 * thread after yielding to the event loop, so requests still get a turn between slices.
 */
@Injectable()
export class DayComputePool implements OnModuleDestroy {
  private readonly pool: Piscina<SliceTask, SliceRows> | null;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    const filename = config.attendanceWorkerFile ?? COMPILED_WORKER;
    const threads = config.attendanceWorkers;
    this.pool = threads > 0 && filename !== null
      ? new Piscina<SliceTask, SliceRows>({ filename, minThreads: 1, maxThreads: threads, idleTimeout: 60_000, workerData: { nice: config.attendanceWorkerNice } satisfies ComputeWorkerData })
      : null;
  }

  /** Whether slices run in worker threads (false: on the main thread). */
  get threaded(): boolean {
    return this.pool !== null;
  }

  async compute(task: SliceTask): Promise<SliceRows> {
    if (this.pool) return this.pool.run(task);
    await yieldToEventLoop();
    return computeSlice(task);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
