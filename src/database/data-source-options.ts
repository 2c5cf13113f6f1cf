import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { installPgTypeParsers } from './pg-types';

export interface DatabaseConnection {
  url: string;
  poolSize: number;
  /** How long a query may wait for the server before the request fails with 503 (a hung database). */
  queryTimeoutMs?: number;
  /**
   * How long a caller waits for a connection: a free one of a full pool, or a new one being
   * opened. A full pool answers 503 DATABASE_BUSY, an unreachable server 503 DATABASE_UNAVAILABLE.
   */
  acquireTimeoutMs?: number;
  /** Shown in pg_stat_activity: requests and background work use pools of their own. */
  applicationName?: string;
}

export function dataSourceOptions({ url, poolSize, queryTimeoutMs = 30_000, acquireTimeoutMs = 5000, applicationName = 'kaoqin' }: DatabaseConnection): DataSourceOptions {
  installPgTypeParsers();
  return {
    type: 'postgres',
    url,
    // The entity classes are the features' (src/entities.ts); the app module adds them, migrations need none.
    entities: [],
    migrations: MIGRATIONS,
    // The schema changes only through the reviewed migrations in migrations/.
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: poolSize,
      // A stopped database, or a pool whose connections are all taken, must turn into a prompt 503,
      // not a request that hangs.
      connectionTimeoutMillis: acquireTimeoutMs,
      query_timeout: queryTimeoutMs,
    },
  };
}

// Any constant will do: it only has to be the same for every instance of the service.
const MIGRATION_LOCK_KEY = 7_441_302_215;

/** Applies pending migrations; instances starting together take turns through an advisory lock. */
export async function runMigrations(connection: DatabaseConnection): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions({ ...connection, poolSize: 2 }) });
  await dataSource.initialize();
  // The lock is held by one session of its own, released when that session ends.
  const lockSession = dataSource.createQueryRunner();
  try {
    await lockSession.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockSession.release();
    await dataSource.destroy();
  }
}
