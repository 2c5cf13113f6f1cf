import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A limit on failed sign-ins: the counter's key (per username or per client address) and its maximum. */
export interface FailureLimit {
  key: string;
  max: number;
}

/**
 * The owner of login_failure: counts of failed sign-ins in a window, one row per key. In the
 * database so that every instance of the service sees the same counts; the window is the
 * database's `now()`, so instances with skewed clocks still agree.
 */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The longest wait, in seconds, until an exhausted limit's window ends; null when no limit is exhausted. */
  async retryAfter(limits: FailureLimit[], windowSeconds: number): Promise<number | null> {
    const rows: { retry_after: number | null }[] = await this.dataSource.query(
      `SELECT max(ceil(extract(epoch FROM f.window_started_at + make_interval(secs => $3) - now())))::int AS retry_after
         FROM login_failure f
         JOIN unnest($1::text[], $2::int[]) AS l(key, max_failures) ON l.key = f.key
        WHERE f.failures >= l.max_failures AND f.window_started_at > now() - make_interval(secs => $3)`,
      [limits.map((l) => l.key), limits.map((l) => l.max), windowSeconds],
    );
    return rows[0]?.retry_after ?? null;
  }

  /** One more failure for each key; a key whose window has passed starts a new one at 1. */
  async recordFailure(keys: string[], windowSeconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_failure (key, failures, window_started_at)
       SELECT key, 1, now() FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_failure.window_started_at <= now() - make_interval(secs => $2)
                         THEN 1 ELSE login_failure.failures + 1 END,
         window_started_at = CASE WHEN login_failure.window_started_at <= now() - make_interval(secs => $2)
                                  THEN now() ELSE login_failure.window_started_at END`,
      [keys, windowSeconds],
    );
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE key = $1`, [key]);
  }
}
