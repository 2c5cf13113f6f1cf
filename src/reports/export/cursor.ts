import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';

/** Rows of a query through a server-side cursor: memory stays flat however many staff there are. */
export async function* cursor<T>(dataSource: DataSource, sql: string, params: unknown[]): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const stream = client.query(new QueryStream(sql, params, { batchSize: 500 }));
    for await (const row of stream) yield row as T;
  } finally {
    await runner.release();
  }
}
