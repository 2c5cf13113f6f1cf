import type { TestProject } from 'vitest/node';
import { startTestDatabases } from '../../test/setup/test-databases';

/** The journeys' global setup: the same template database as `npm test` (no service build: they start it in-process). */
export default function globalSetup(project: Pick<TestProject, 'config'>): Promise<() => Promise<void>> {
  return startTestDatabases(project);
}
