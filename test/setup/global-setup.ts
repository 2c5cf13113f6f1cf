import type { TestProject } from 'vitest/node';
import { startTestDatabases } from './test-databases';
import { buildService } from './service-build';

/**
 * `npm test`'s global setup: the template database (test/setup/test-databases.ts) and, beside its
 * migrations, the one build of the service that the fault suites and the fuzzer start as a process.
 * Returns the teardown.
 */
export default async function globalSetup(project: Pick<TestProject, 'config'>): Promise<() => Promise<void>> {
  const [stopDatabases, build] = await Promise.all([startTestDatabases(project), buildService()]);
  process.env.KAOQIN_SERVICE_BUILD = build.dir;
  return async () => {
    await build.remove();
    await stopDatabases();
  };
}
