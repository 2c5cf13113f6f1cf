import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations } from '../../src/database/data-source-options';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import { writeContractDocument } from './contract-run';
import { adminQuery, assertTestDatabaseName, databaseNameOf, withDatabase } from './test-database';

/**
 * Migrates once into a template database; every test file then clones its own database from it.
 * With TEST_DATABASE_URL: on that server. Without: on an embedded PostgreSQL in a temporary directory.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    assertTestDatabaseName(databaseNameOf(adminUrl));
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'kaoqin-test-'));
    const database = await startEmbeddedDatabase({ dir });
    (globalThis as Record<string, unknown>).__kaoqinEmbedded = { database, dir };
    adminUrl = database.urlFor('postgres');
  }
  const template = `kaoqin_test_template_${process.pid}`;
  assertTestDatabaseName(template);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  await runMigrations({ url: withDatabase(adminUrl, template), poolSize: 2 });
  process.env.KAOQIN_TEST_ADMIN_URL = adminUrl;
  process.env.KAOQIN_TEST_TEMPLATE = template;
  await writeContractDocument();
}
