import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { tooManyLoginAttempts } from '../auth/auth.errors';

/**
 * Counts failed sign-ins per username and per client address in the database, so that every
 * instance of the service sees the same counts. (Why not @nestjs/throttler: its 6.x release is
 * CommonJS and requires the ESM-only @nestjs/common 12, which Jest cannot load on Node 20; its
 * in-memory store would also be per instance.)
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  private limits(username: string, clientAddress: string): { key: string; max: number }[] {
    return [
      { key: `user:${username.toLowerCase()}`, max: this.config.loginMaxFailures },
      { key: `client:${clientAddress}`, max: this.config.loginMaxFailuresPerClient },
    ];
  }

  async assertAllowed(username: string, clientAddress: string): Promise<void> {
    const limits = this.limits(username, clientAddress);
    const rows: { retry_after: number }[] = await this.dataSource.query(
      `SELECT max(ceil(extract(epoch FROM f.window_started_at + make_interval(secs => $3) - now())))::int AS retry_after
         FROM login_failure f
         JOIN unnest($1::text[], $2::int[]) AS l(key, max_failures) ON l.key = f.key
        WHERE f.failures >= l.max_failures AND f.window_started_at > now() - make_interval(secs => $3)`,
      [limits.map((l) => l.key), limits.map((l) => l.max), this.config.loginFailureWindowSeconds],
    );
    if (rows[0]?.retry_after !== null && rows[0]?.retry_after !== undefined) throw tooManyLoginAttempts(Math.max(1, rows[0].retry_after));
  }

  async recordFailure(username: string, clientAddress: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_failure (key, failures, window_started_at)
       SELECT key, 1, now() FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_failure.window_started_at <= now() - make_interval(secs => $2)
                         THEN 1 ELSE login_failure.failures + 1 END,
         window_started_at = CASE WHEN login_failure.window_started_at <= now() - make_interval(secs => $2)
                                  THEN now() ELSE login_failure.window_started_at END`,
      [this.limits(username, clientAddress).map((l) => l.key), this.config.loginFailureWindowSeconds],
    );
  }

  /** A successful sign-in clears the username's count (the client address keeps its own). */
  async clear(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE key = $1`, [`user:${username.toLowerCase()}`]);
  }
}
