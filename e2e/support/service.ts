import type { AddressInfo } from 'node:net';
import { FixedClock } from '../../test/support/fixed-clock';
import { startTestApp, type TestApp } from '../../test/support/test-app';

export interface RunningConsole {
  t: TestApp;
  clock: FixedClock;
  baseUrl: string;
}

/**
 * The real service (real HTTP, its own PostgreSQL database cloned from the migrated template)
 * serving the built console from dist/web, on a clock the journey moves.
 */
export async function startConsole(now: string): Promise<RunningConsole> {
  const clock = new FixedClock(new Date(now));
  const t = await startTestApp({ clock, config: { consoleDir: 'dist/web', rateLimitPerMinute: 100_000 } });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, clock, baseUrl: `http://127.0.0.1:${port}` };
}
