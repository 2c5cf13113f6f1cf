import { setPriority } from 'node:os';
import { workerData } from 'piscina';
import { computeSlice, type SliceRows, type SliceTask } from '../domain/attendance/day-rows';

/** What DayComputePool hands each of its threads when it starts them. */
export interface ComputeWorkerData {
  /** The thread's nice value on Linux (ATTENDANCE_WORKER_NICE). */
  nice: number;
}

// On Linux a thread has its own priority, and setpriority of "this process" (0) sets the calling
// thread's alone: the rules then yield the CPU to the thread that serves HTTP while a month is
// recomputed (issue 20: a clock-in during a recompute). Elsewhere it would lower the whole service.
const { nice } = (workerData ?? { nice: 0 }) as ComputeWorkerData;
if (process.platform === 'linux' && nice > 0) setPriority(nice);

/**
 * The module each worker thread of DayComputePool loads: the pure rules and nothing else (no
 * framework, no database), so a thread starts in milliseconds and holds only its slice.
 */
export default function computeSliceInWorker(task: SliceTask): SliceRows {
  return computeSlice(task);
}
