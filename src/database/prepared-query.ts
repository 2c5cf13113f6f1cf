import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a named prepared statement on the pool TypeORM uses (same connections, same timeouts).
 * PostgreSQL parses and plans a named statement once per connection instead of on every call;
 * for the statements run on every clock-in and every signed-in request that is most of their cost.
 * Outside any transaction: for statements that are atomic on their own.
 */
export async function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as { query: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: T[] }> };
  return (await pool.query({ name, text, values })).rows;
}
