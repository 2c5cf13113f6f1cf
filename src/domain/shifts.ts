import type { LocalSession } from './attendance/types';

/** The two shifts of the handbook: the office shift (H-ATT-3) and the duty shift (H-ATT-4). */
export type ShiftCode = 'office' | 'duty';
export const SHIFT_CODES: readonly ShiftCode[] = ['office', 'duty'];

/** A shift's sessions from a date on. */
export interface ShiftVersion {
  code: ShiftCode;
  effectiveFrom: string;
  sessions: LocalSession[];
}
