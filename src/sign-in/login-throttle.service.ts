import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { tooManyLoginAttempts } from '../auth/auth.errors';
import { FailureLimit, LoginFailuresRepository } from './login-failures.repository';

/**
 * Counts failed sign-ins per username and per client address in the database, so that every
 * instance of the service sees the same counts. (Why not @nestjs/throttler: its 6.x release is
 * CommonJS and requires the ESM-only @nestjs/common 12, which Jest cannot load on Node 20; its
 * in-memory store would also be per instance.)
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly failures: LoginFailuresRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  private limits(username: string, clientAddress: string): FailureLimit[] {
    return [
      { key: `user:${username.toLowerCase()}`, max: this.config.loginMaxFailures },
      { key: `client:${clientAddress}`, max: this.config.loginMaxFailuresPerClient },
    ];
  }

  async assertAllowed(username: string, clientAddress: string): Promise<void> {
    const retryAfter = await this.failures.retryAfter(this.limits(username, clientAddress), this.config.loginFailureWindowSeconds);
    if (retryAfter !== null) throw tooManyLoginAttempts(Math.max(1, retryAfter));
  }

  async recordFailure(username: string, clientAddress: string): Promise<void> {
    await this.failures.recordFailure(this.limits(username, clientAddress).map((l) => l.key), this.config.loginFailureWindowSeconds);
  }

  /** A successful sign-in clears the username's count (the client address keeps its own). */
  async clear(username: string): Promise<void> {
    await this.failures.clear(`user:${username.toLowerCase()}`);
  }
}
