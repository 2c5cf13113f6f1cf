/**
 * When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 12 h after the 1st … 5th
 * failed attempt; the 6th failure is final (`failed`, shown to the office, retried by hand).
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;

/** Attempts in all, the first included. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** What a delivery becomes after its `attempts`-th attempt (1-based) failed at `now`. */
export function afterFailure(attempts: number, now: Date): AfterFailure {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]) };
}
