/**
 * A terminal's clock skew, read from its uploads. Punches are pushed as they happen (Realtime=1),
 * so the newest record of an upload was written moments before it arrived: its time minus the
 * server's time of receipt is how far the terminal's clock is off. A record ahead of the server
 * always measures the clock (nothing is recorded in the future); one far behind is a backlog
 * (an outage, a history query) and says nothing, so it measures nothing.
 */
export const SKEW_BACKLOG_SECONDS = 3600;

/** Seconds the clock runs ahead (negative: behind), or null when the upload measures nothing. */
export function measuredSkewSeconds(newestRecord: Date, receivedAt: Date): number | null {
  const seconds = Math.round((newestRecord.getTime() - receivedAt.getTime()) / 1000);
  return seconds >= -SKEW_BACKLOG_SECONDS ? seconds : null;
}
