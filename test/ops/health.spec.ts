import pg from 'pg';
import { adminQuery, databaseNameOf } from '../setup/test-database';
import { startTestApp } from '../support/test-app';

describe('GET /health names the check that failed', () => {
  it('answers 200 with the database up, and 503 HEALTH_CHECK_FAILED naming the database in the one error shape once it is gone', async () => {
    const t = await startTestApp();
    try {
      const up = await t.http().get('/health');
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });

      // The cheapest outage: the service's database disappears under it (every new connection is refused).
      const name = databaseNameOf(t.databaseUrl);
      await adminQuery(process.env.KAOQIN_TEST_ADMIN_URL as string, `DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);

      const down = await t.http().get('/health');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({
        statusCode: 503,
        code: 'HEALTH_CHECK_FAILED',
        message: expect.stringContaining('database'),
        details: [{ field: 'database', message: expect.any(String) }],
      });
      // Nothing of the driver's own error (host, port, database name) reaches an unauthenticated caller.
      expect(JSON.stringify(down.body)).not.toContain(name);
    } finally {
      await t.close();
    }
  });
});
