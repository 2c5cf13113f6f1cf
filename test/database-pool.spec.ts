import type { QueryRunner } from 'typeorm';
import { AttendanceSweeper } from '../src/attendance/attendance-sweeper';
import { loginAdmin, newStaff, SignedIn } from './support/actors';
import { FixedClock } from './support/fixed-clock';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 23: requests and background work have pools of their own. Every request connection is
 * taken here (held by the test, as stalled uploads used to hold them): a request answers 503
 * DATABASE_BUSY with Retry-After within DATABASE_ACQUIRE_TIMEOUT_MS, never hangs, and the queue of
 * stale days and the sweep still run on theirs.
 */
const POOL = 2;
const ACQUIRE_MS = 300;

describe('A full request pool: 503 DATABASE_BUSY, and background work goes on (issue 23)', () => {
  const clock = new FixedClock(new Date('2026-11-10T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let employee: SignedIn;
  let held: QueryRunner[] = [];

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { databasePoolSize: POOL, databaseAcquireTimeoutMs: ACQUIRE_MS } });
    admin = await loginAdmin(t);
    employee = await newStaff(t, admin, { employeeNo: 'POOL1' });
  });
  afterAll(async () => {
    await Promise.all(held.map((runner) => runner.release()));
    await t.close();
  });

  const holdEveryConnection = async () => {
    held = Array.from({ length: POOL }, () => t.dataSource.createQueryRunner());
    await Promise.all(held.map((runner) => runner.connect()));
  };
  const releaseThem = async () => {
    await Promise.all(held.map((runner) => runner.release()));
    held = [];
  };

  it('answers 503 DATABASE_BUSY with Retry-After in the one error shape (JSON and, for terminals, plain text) instead of hanging', async () => {
    await holdEveryConnection();
    try {
      const started = Date.now();
      const busy = await t.http().get('/staff').set(admin.auth);
      const ms = Date.now() - started;
      expect(busy.status).toBe(503);
      expect(busy.body).toEqual({ statusCode: 503, code: 'DATABASE_BUSY', message: expect.any(String), details: [{ field: 'retryAfterSeconds', message: '1' }] });
      expect(busy.headers['retry-after']).toBe('1');
      expect(ms).toBeGreaterThanOrEqual(ACQUIRE_MS - 50);
      expect(ms).toBeLessThan(ACQUIRE_MS + 3000);
      const terminal = await t.http().get('/iclock/cdata').query({ SN: 'CQZPOOL1', options: 'all' });
      expect(terminal.status).toBe(503);
      expect(terminal.headers['retry-after']).toBe('1');
      expect(terminal.text).toMatch(/^DATABASE_BUSY: /);
    } finally {
      await releaseThem();
    }
    expect((await t.http().get('/staff').set(admin.auth)).status).toBe(200);
  });

  it('the queue of stale days and the sweep run on their own connections while requests have none', async () => {
    clock.set('2026-11-10T08:29:00+08:00');
    expect((await t.http().post('/punches/clock').set(employee.auth).send({})).status).toBe(201);
    const queued = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM attendance_stale WHERE staff_id = $1`, [employee.id]);
    expect(queued[0].n).toBeGreaterThan(0);
    clock.set('2026-11-11T10:00:00+08:00');
    await holdEveryConnection();
    let recomputed: number;
    try {
      recomputed = await t.app.get(AttendanceSweeper).sweep();
      // Asked while every request connection is still taken: the sweep did not wait for one.
      expect((await t.http().get('/staff').set(admin.auth)).body).toMatchObject({ code: 'DATABASE_BUSY' });
    } finally {
      await releaseThem();
    }
    expect(recomputed).toBeGreaterThanOrEqual(1);
    expect(await t.sql(`SELECT 1 FROM attendance_stale WHERE staff_id = $1`, [employee.id])).toEqual([]);
    const day = await t.sql<{ status: string }>(`SELECT status FROM attendance_day WHERE staff_id = $1 AND date = '2026-11-10'`, [employee.id]);
    // The punch window of the 10th closed at 23:30: the sweep made the day final (a clock-in only).
    expect(day[0].status).not.toBe('pending');
    const sessions = await t.sql<{ name: string }>(`SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'kaoqin%' ORDER BY 1`);
    expect(sessions.map((row) => row.name)).toEqual(['kaoqin', 'kaoqin-background']);
  });
});
