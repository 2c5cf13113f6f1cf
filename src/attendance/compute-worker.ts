import { computeSlice, type SliceRows, type SliceTask } from '../domain/attendance/day-rows';

/**
 * The module each worker thread of DayComputePool loads: the pure rules and nothing else (no
 * framework, no database), so a thread starts in milliseconds and holds only its slice.
 */
export default function computeSliceInWorker(task: SliceTask): SliceRows {
  return computeSlice(task);
}
