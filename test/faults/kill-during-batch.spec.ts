import pg from 'pg';
import request from 'supertest';
import { builtMain } from '../setup/service-build';
import { ADMIN_PASSWORD, cloneTestDatabase } from '../support/test-app';
import { ChildService, freePort, insertStaff, NOVEMBER_WORKDAYS, punchLines, query, randomSecret, waitFor } from './support/faults';

/**
 * Issue 9, Faults: "The process is killed (kill -9) during a punch batch: after restart the batch
 * is either wholly in or wholly out, and re-sending it gives the right counts."
 *
 * The service runs as `node <build>/src/main.js` (built once per run by the global setup) on a
 * database cloned from the migrated template, on the test server (embedded or TEST_DATABASE_URL).
 */
describe('Faults: kill -9 during a 10,000-line punch batch (issue 9)', () => {
  let database: { url: string; drop: () => Promise<void> } | null = null;
  let mainJs: string;
  let port: number;
  let child: ChildService | null = null;
  const env: Record<string, string> = {};
  let people: { id: string; employeeNo: string }[];

  const start = async () => {
    child = new ChildService(mainJs, port, env);
    await child.start();
    return child;
  };

  /** Sessions the service holds on its database (its pool, and any backend a killed process left). */
  const serviceSessions = async () =>
    (await query<{ n: number }>(
      (database as { url: string }).url,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kaoqin' AND pid <> pg_backend_pid()`,
    ))[0].n;

  const counts = async () => {
    const url = (database as { url: string }).url;
    const [row] = await query<{ punches: number; audited: number; days: number; unjudged: number; lost: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM punch) AS punches,
              (SELECT count(*)::int FROM audit_log WHERE action = 'punch.batch' AND (after->>'inserted')::int > 0) AS audited,
              (SELECT count(*)::int FROM attendance_day WHERE first_in IS NOT NULL) AS days,
              (SELECT count(*)::int FROM punch p WHERE NOT EXISTS (
                 SELECT 1 FROM attendance_day d WHERE d.staff_id = p.staff_id AND d.date = (p.at AT TIME ZONE 'Asia/Shanghai')::date)) AS unjudged,
              -- A punch whose day is neither judged nor queued for judging would be lost to the reports.
              (SELECT count(*)::int FROM punch p WHERE NOT EXISTS (
                 SELECT 1 FROM attendance_day d WHERE d.staff_id = p.staff_id AND d.date = (p.at AT TIME ZONE 'Asia/Shanghai')::date)
                 AND NOT EXISTS (SELECT 1 FROM attendance_stale q WHERE q.staff_id = p.staff_id
                                  AND (p.at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN q.from_date AND q.to_date)) AS lost`,
    );
    return row;
  };

  beforeAll(async () => {
    [mainJs, database, port] = await Promise.all([builtMain(), cloneTestDatabase(), freePort()]);
    Object.assign(env, {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD,
      JWT_SECRET: randomSecret(),
      ATTENDANCE_SWEEP_SECONDS: '0',
      LEAVE_GRANT_SWEEP_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    // The first start seeds the admin on the empty staff table; then 500 people, straight into it.
    await start();
    people = await insertStaff(database.url, 'KILL', 500);
  }, 180000);

  afterAll(async () => {
    await child?.stop().catch(() => undefined);
    await database?.drop();
  });

  it('after kill -9 mid-transaction and a restart the batch is wholly in or wholly out; re-sending it gives the right counts', async () => {
    const lines = punchLines(people, NOVEMBER_WORKDAYS.slice(0, 10));
    expect(lines).toHaveLength(10000);
    const service = child as ChildService;
    const signIn = await request(service.url).post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(signIn.status).toBe(200);
    const auth = { Authorization: `Bearer ${signIn.body.accessToken}` };

    // Send the batch and kill the process while its transaction is open, after it inserted its
    // punches: a session of ours holds the queue table, so the batch waits there, mid-transaction.
    const holder = new pg.Client({ connectionString: (database as { url: string }).url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE attendance_stale IN EXCLUSIVE MODE');
    let answered = false;
    const inFlight = request(service.url)
      .post('/punches/batch')
      .set(auth)
      .send({ punches: lines })
      .then(
        () => (answered = true),
        () => undefined,
      );
    await waitFor(
      'the batch transaction to have inserted punches and wait for the queue table',
      async () => {
        const rows = await query<{ inserting: boolean; waiting: boolean }>(
          (database as { url: string }).url,
          `SELECT bool_or(c.relname = 'punch' AND l.mode = 'RowExclusiveLock' AND l.granted) AS inserting,
                  bool_or(c.relname = 'attendance_stale' AND NOT l.granted) AS waiting
             FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE a.application_name = 'kaoqin' AND a.xact_start IS NOT NULL
            GROUP BY l.pid`,
        );
        return rows.some((row) => row.inserting && row.waiting) ? true : undefined;
      },
      60000,
      5,
    );
    await service.kill9();
    await inFlight;
    await holder.query('ROLLBACK');
    await holder.end();
    expect(answered).toBe(false);

    // The server ends the orphaned backend (and rolls its transaction back) once it notices.
    await waitFor('the killed process\'s sessions to end', async () => ((await serviceSessions()) === 0 ? true : undefined), 30000, 50);
    const afterKill = await counts();
    // Killed inside its transaction: wholly out, not even its audit row.
    expect(afterKill).toEqual({ punches: 0, audited: 0, days: 0, unjudged: 0, lost: 0 });

    // Restart (same port, same database): what is stored is what was stored.
    await start();
    const restarted = child as ChildService;
    expect(await counts()).toEqual(afterKill);
    const again = await request(restarted.url).post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(again.status).toBe(200);
    const auth2 = { Authorization: `Bearer ${again.body.accessToken}` };

    // Re-sent: every line either inserted now or already there; the table holds exactly 10,000.
    const resent = await request(restarted.url).post('/punches/batch').set(auth2).send({ punches: lines });
    expect(resent.status).toBe(200);
    expect(resent.body.rejected).toEqual([]);
    expect(resent.body.received).toBe(10000);
    expect(resent.body.inserted + resent.body.duplicates).toBe(10000);
    expect(resent.body.inserted).toBe(10000 - afterKill.punches);
    // Every punch is stored with its days queued; the service's background job judges them.
    expect((await counts()).lost).toBe(0);
    await waitFor('the queue of stale days to be worked off', async () => ((await counts()).unjudged === 0 ? true : undefined), 60000, 100);
    const settled = await counts();
    expect(settled).toMatchObject({ punches: 10000, audited: 1, unjudged: 0, lost: 0 });
    // 500 people × 10 workdays, each with an arrival: 5,000 judged days with a first punch.
    expect(settled.days).toBe(5000);

    // And once more (as a terminal re-sending a batch whose answer it lost): nothing new.
    const thrice = await request(restarted.url).post('/punches/batch').set(auth2).send({ punches: lines });
    expect(thrice.body).toMatchObject({ received: 10000, inserted: 0, duplicates: 10000, rejected: [] });
    expect((await counts()).punches).toBe(10000);
  });
});
