import { rm } from 'node:fs/promises';
import pg from 'pg';
import type { EmbeddedDatabase } from '../../src/database/embedded-database';
import { reportContractRun } from './contract-run';
import { adminQuery } from './test-database';

export default async function globalTeardown(globalConfig: { testNamePattern?: string }): Promise<void> {
  const adminUrl = process.env.KAOQIN_TEST_ADMIN_URL;
  const template = process.env.KAOQIN_TEST_TEMPLATE;
  const embedded = (globalThis as Record<string, unknown>).__kaoqinEmbedded as { database: EmbeddedDatabase; dir: string } | undefined;
  if (embedded) {
    await embedded.database.stop();
    await rm(embedded.dir, { recursive: true, force: true });
  } else if (adminUrl && template) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
  }
  // Last, so that the databases are dropped even when the check fails the run.
  await reportContractRun(globalConfig.testNamePattern);
}
