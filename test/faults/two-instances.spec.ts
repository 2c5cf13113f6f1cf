import type { Response } from 'supertest';
import { AttendanceSweeper } from '../../src/attendance/attendance-sweeper';
import { CreatedStaff, DEFAULT_PASSWORD, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { cloneTestDatabase } from '../support/test-app';
import { InProcessService, insertStaff, isErrorShape, NOVEMBER_WORKDAYS, OCTOBER_WORKDAYS, punchLines, query, randomSecret, sleep, startInProcess } from './support/faults';

/**
 * Issue 9, Faults: "Two instances of the service on one database: concurrent clock-ins,
 * approvals, roster assignments and a month close across both — no duplicate punches, no lost
 * approval, exactly one duty person per date, a consistent snapshot. Background jobs run once,
 * not once per instance."
 *
 * Both instances run in this process, each started as main.ts starts it (startService), with the
 * same DATABASE_URL and JWT_SECRET and pools of their own: all coordination goes through PostgreSQL.
 * They use the real clock (written on 27 November 2026: October is over; leave and roster dates
 * are in 2027, so that they stay ahead).
 */

/** The sweep's advisory-lock key (src/attendance/attendance-sweeper.ts): any session can hold it. */
const SWEEP_LOCK_KEY = 7_441_302_218;

const statusAndCode = (r: Response) => `${r.status}${r.status >= 400 ? ` ${String((r.body as { code?: string }).code)}` : ''}`;

/** Resolves just after the wall clock passes the next whole second plus `ms`. */
async function atNextSecond(ms: number): Promise<void> {
  const now = Date.now();
  await sleep(1000 - (now % 1000) + ms);
}

describe('Faults: two instances of the service on one database (issue 9)', () => {
  let database: { url: string; drop: () => Promise<void> } | null = null;
  let a: InProcessService | null = null;
  let b: InProcessService | null = null;
  let admin: SignedIn;
  let adminOnB: SignedIn;
  let finance: CreatedStaff;
  let boss: CreatedStaff;
  let team: CreatedStaff[];

  const A = () => (a as InProcessService).t.http();
  const B = () => (b as InProcessService).t.http();
  const sql = <T extends object>(text: string, params: unknown[] = []) => query<T>((database as { url: string }).url, text, params);

  beforeAll(async () => {
    database = await cloneTestDatabase();
    const env = { DATABASE_URL: database.url, JWT_SECRET: randomSecret() };
    // Started together: migrations and the first admin are taken in turns (advisory locks).
    const started = await Promise.allSettled([startInProcess(env), startInProcess(env)]);
    [a, b] = started.map((result) => (result.status === 'fulfilled' ? result.value : null));
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    if (!a || !b) throw new Error('an instance did not start');
    admin = await loginAdmin(a.t);
    adminOnB = await loginAdmin(b.t);
    finance = await newStaff(a.t, admin, { roles: ['finance'] });
    boss = await newStaff(a.t, admin);
    team = [];
    for (let i = 0; i < 12; i++) team.push(await newStaff(i % 2 === 0 ? a.t : b.t, i % 2 === 0 ? admin : adminOnB, { supervisorId: boss.id }));
  }, 120000);

  afterAll(async () => {
    await Promise.all([a?.stop().catch(() => undefined), b?.stop().catch(() => undefined)]);
    await database?.drop();
  });

  it('start together with one first admin, and a token from one instance is good on the other', async () => {
    const admins = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM staff WHERE username = 'admin'`);
    expect(admins[0].n).toBe(1);
    const seeded = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'staff.seed_admin'`);
    expect(seeded[0].n).toBe(1);
    expect((await B().get(`/staff/${team[0].id}`).set(admin.auth)).status).toBe(200);
    expect((await A().get(`/staff/${team[1].id}`).set(adminOnB.auth)).status).toBe(200);
  });

  it('clock-ins of the same people at the same moment on both instances: no duplicate punch (same person, same second: one)', async () => {
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE source = 'clock'`);
    const results: { person: CreatedStaff; response: Response }[] = [];
    for (let round = 0; round < 3; round++) {
      // Just after a second begins, so that both of a person's clock-ins fall in the same second.
      await atNextSecond(20);
      const responses = await Promise.all(
        team.flatMap((person) => [A, B, A, B].map((instance) => instance().post('/punches/clock').set(person.auth).send({}).then((response) => ({ person, response })))),
      );
      results.push(...responses);
    }
    const stored = await sql<{ staff_id: string; at: Date; n: number }>(
      `SELECT staff_id, at, count(*)::int AS n FROM punch WHERE source = 'clock' AND staff_id = ANY($1::uuid[]) GROUP BY staff_id, at`,
      [team.map((p) => p.id)],
    );
    // The database cannot hold two (a unique constraint), and every answered clock-in names a stored punch.
    expect(stored.every((row) => row.n === 1)).toBe(true);
    const storedKeys = new Set(stored.map((row) => `${row.staff_id}|${new Date(row.at).toISOString()}`));
    const firsts = new Map<string, number>();
    for (const { person, response } of results.filter((r) => r.response.status === 201)) {
      const body = response.body as { duplicate: boolean; punch: { staffId: string; at: string } };
      const key = `${person.id}|${new Date(body.punch.at).toISOString()}`;
      expect(storedKeys.has(key)).toBe(true);
      if (!body.duplicate) firsts.set(key, (firsts.get(key) ?? 0) + 1);
    }
    // Each stored punch was reported as new exactly once; the others as duplicates of it.
    expect([...firsts.values()].every((n) => n === 1)).toBe(true);
    expect(firsts.size).toBe(stored.length);
    const after = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE source = 'clock'`);
    expect(after[0].n - before[0].n).toBe(stored.length);
    // No clock-in failed.
    expect(results.map((r) => statusAndCode(r.response)).filter((s) => s !== '201')).toEqual([]);
  });

  it('a clock-in, a terminal batch and a read of the same person at once on both instances: none refused, none lost', async () => {
    // One instance clocks people in while the other stores a punch of theirs from a terminal
    // (another second of the same day) and reads their day — all recompute the same stored day.
    const failures: string[] = [];
    for (let round = 0; round < 3; round++) {
      const earlier = new Date(Date.now() - (round + 1) * 60_000).toISOString();
      await atNextSecond(20);
      const responses = await Promise.all(
        team.flatMap((person) => [
          A().post('/punches/clock').set(person.auth).send({}),
          B().post('/punches/batch').set(adminOnB.auth).send({ punches: [{ employeeNo: String(person.body.employeeNo), at: earlier }] }),
          B().get('/attendance/today').set(person.auth),
        ]),
      );
      const kinds = ['clock', 'batch', 'read'];
      responses.forEach((response, i) => {
        const ok = response.status === (kinds[i % 3] === 'clock' ? 201 : 200) && (kinds[i % 3] !== 'batch' || (response.body as { inserted: number }).inserted === 1);
        if (!ok) failures.push(`${kinds[i % 3]}: ${statusAndCode(response)}`);
      });
    }
    expect(failures).toEqual([]);
    // And no stored day missed a punch that a concurrent writer stored: once the queue of stale
    // days is worked off, a fresh rebuild of the month changes none of the arrivals and departures.
    await (a as InProcessService).t.settle();
    const days = () =>
      sql<{ staff_id: string; date: string; first_in: Date | null; last_out: Date | null }>(
        `SELECT staff_id, date::text AS date, first_in, last_out FROM attendance_day WHERE staff_id = ANY($1::uuid[]) AND date >= '2026-11-01' ORDER BY staff_id, date`,
        [team.map((p) => p.id)],
      );
    const racing = await days();
    // This month in company time (Asia/Shanghai, UTC+8).
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect((await A().post('/attendance/recompute').set(finance.auth).send({ month })).status).toBe(200);
    const rebuilt = new Map((await days()).map((day) => [`${day.staff_id}|${day.date}`, day]));
    expect(racing.length).toBeGreaterThan(0);
    expect(racing.map((day) => rebuilt.get(`${day.staff_id}|${day.date}`))).toEqual(racing);
  });

  it('two approvals of one leave request at once, the supervisor on one instance and an admin on the other: one 200, one 409 STATE_CHANGED', async () => {
    for (let i = 0; i < 6; i++) {
      const requester = team[i];
      const day = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-08'][i];
      const created = await A().post('/leave-requests').set(requester.auth).send({ type: 'personal', startDate: day, startHalf: null, endDate: day, endHalf: null, reason: 'two instances' });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const [bySupervisor, byAdmin] = await Promise.all([
        (i % 2 === 0 ? A : B)().post(`/leave-requests/${id}/approve`).set(boss.auth).send({ comment: 'supervisor' }),
        (i % 2 === 0 ? B : A)().post(`/leave-requests/${id}/approve`).set(admin.auth).send({ comment: 'admin' }),
      ]);
      expect([bySupervisor.status, byAdmin.status].sort()).toEqual([200, 409]);
      const loser = bySupervisor.status === 409 ? bySupervisor : byAdmin;
      expect(isErrorShape(loser.body)).toBe(true);
      expect(loser.body).toMatchObject({ statusCode: 409, code: 'STATE_CHANGED' });
      const winner = bySupervisor.status === 200 ? 'supervisor' : 'admin';
      const final = (await B().get(`/leave-requests/${id}`).set(requester.auth)).body as { status: string; history: { toStatus: string; actingAs: string; comment: string | null }[] };
      expect(final.status).toBe('approved');
      const approvals = final.history.filter((event) => event.toStatus === 'approved');
      expect(approvals).toHaveLength(1);
      expect(approvals[0]).toMatchObject({ actingAs: winner, comment: winner });
    }
  });

  it('two PUT /roster/{date} for one empty date, one on each instance: exactly one duty person', async () => {
    for (let i = 0; i < 6; i++) {
      const date = `2027-03-${String(15 + i).padStart(2, '0')}`;
      const [first, second] = [team[6 + (i % 3)], team[9 + (i % 3)]];
      const [onA, onB] = await Promise.all([
        A().put(`/roster/${date}`).set(admin.auth).send({ staffId: first.id }),
        B().put(`/roster/${date}`).set(adminOnB.auth).send({ staffId: second.id }),
      ]);
      const outcomes = [statusAndCode(onA), statusAndCode(onB)];
      for (const outcome of outcomes) expect(['200', '409 DUTY_DATE_TAKEN']).toContain(outcome);
      expect(outcomes).toContain('200');
      const rows = await sql<{ staff_id: string }>(`SELECT staff_id FROM duty_roster WHERE date = $1`, [date]);
      expect(rows).toHaveLength(1);
      const audit = await sql<{ actor_id: string; before: unknown; after: { staffId: string } }>(
        `SELECT actor_id, before, after FROM audit_log WHERE action = 'roster.put' AND entity_id = $1 ORDER BY id`,
        [date],
      );
      // One audit entry per write that happened; the last one names who is on duty.
      expect(audit).toHaveLength(outcomes.filter((o) => o === '200').length);
      expect(audit[audit.length - 1].after.staffId).toBe(rows[0].staff_id);
      if (outcomes.includes('409 DUTY_DATE_TAKEN')) expect(rows[0].staff_id).toBe((onA.status === 200 ? first : second).id);
      // Both instances show the same roster.
      const [viewA, viewB] = await Promise.all([A().get('/roster').query({ month: '2027-03' }).set(admin.auth), B().get('/roster').query({ month: '2027-03' }).set(admin.auth)]);
      expect(viewA.body).toEqual(viewB.body);
    }
  });

  it('a month close on one instance racing punch batches into that month on the other: the snapshot agrees with the stored days', async () => {
    const [person] = team;
    const employeeNo = String(person.body.employeeNo);
    // Nobody of the team has punches in October but these: each stored pair is one present day.
    let expectedPresent = 0;
    for (let round = 0; round < 6; round++) {
      const day = OCTOBER_WORKDAYS[5 + round];
      // The close leaves a little later each round, so that both orders happen.
      const [closed, written] = await Promise.all([
        sleep([0, 3, 6, 10, 15, 25][round]).then(() => A().post('/months/2026-10/close').set(finance.auth).send()),
        B().post('/punches/batch').set(adminOnB.auth).send({ punches: [{ employeeNo, at: `${day}T08:21:00+08:00` }, { employeeNo, at: `${day}T17:41:00+08:00` }] }),
      ]);
      expect(statusAndCode(closed)).toBe('200');
      expect(written.status).toBe(200);
      const batch = written.body as { inserted: number; rejected: { reason: string }[] };
      if (batch.inserted === 2) expect(batch.rejected).toEqual([]);
      else expect({ inserted: batch.inserted, reasons: batch.rejected.map((line) => line.reason) }).toEqual({ inserted: 0, reasons: ['MONTH_CLOSED', 'MONTH_CLOSED'] });
      const stored = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE staff_id = $1 AND at >= $2::timestamptz AND at < $2::timestamptz + interval '1 day'`, [person.id, `${day}T00:00:00+08:00`]);
      expect(stored[0].n).toBe(batch.inserted);
      // The snapshot, as either instance serves it, agrees with the days stored in the database.
      const [servedA, servedB] = await Promise.all([A().get('/months/2026-10/report').set(finance.auth), B().get('/months/2026-10/report').set(finance.auth)]);
      expect(servedA.status).toBe(200);
      expect(servedB.text).toBe(servedA.text);
      const snapshot = JSON.parse(servedA.text) as { rows: { employeeNo: string; presentDays: number }[] };
      const row = snapshot.rows.find((r) => r.employeeNo === employeeNo);
      const days = await sql<{ present: number }>(
        `SELECT count(*) FILTER (WHERE status IN ('present', 'late'))::int AS present FROM attendance_day WHERE staff_id = $1 AND date BETWEEN '2026-10-01' AND '2026-10-31'`,
        [person.id],
      );
      expect(row?.presentDays).toBe(days[0].present);
      expectedPresent += batch.inserted / 2;
      expect(row?.presentDays).toBe(expectedPresent);
      expect((await B().post('/months/2026-10/reopen').set(finance.auth).send({ reason: `two instances, round ${round}` })).status).toBe(200);
    }
  });

  it('the attendance sweep runs once across instances: one does the work, the other returns 0 (PostgreSQL advisory lock)', async () => {
    // Pending days whose punch window has closed, as an instance leaves them when it computed a
    // day while its window was open: 80 people with punches, their days marked pending again.
    const people = await insertStaff((database as { url: string }).url, 'SWEEP', 80);
    const stored = await A().post('/punches/batch').set(admin.auth).send({ punches: punchLines(people, NOVEMBER_WORKDAYS.slice(10, 13)) });
    expect(stored.body).toMatchObject({ inserted: 480, rejected: [] });
    await (a as InProcessService).t.settle();
    const ids = people.map((p) => p.id);
    // Changed behind the rules' back, so without a digest (migrations/1800001100000-DayDigest.ts): a recompute writes them again.
    const plant = () =>
      sql(`UPDATE attendance_day SET status = 'pending', window_close = now() - interval '1 minute', digest = NULL WHERE staff_id = ANY($1::uuid[]) AND date BETWEEN '2026-11-16' AND '2026-11-18'`, [ids]);
    const pending = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM attendance_day WHERE status = 'pending' AND staff_id = ANY($1::uuid[])`, [ids]))[0].n;
    await plant();
    expect(await pending()).toBe(240);
    const sweepA = () => (a as InProcessService).t.app.get(AttendanceSweeper).sweep();
    const sweepB = () => (b as InProcessService).t.app.get(AttendanceSweeper).sweep();

    // Whoever holds the lock — here a third session — runs it; the instances then do nothing.
    const { Client } = (await import('pg')).default;
    const holder = new Client({ connectionString: (database as { url: string }).url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [SWEEP_LOCK_KEY]);
      expect(await Promise.all([sweepA(), sweepB()])).toEqual([0, 0]);
      expect(await pending()).toBe(240);
      await holder.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
    } finally {
      await holder.end();
    }

    // Both at once, three times: one finalises the 80 people's days, the other returns 0.
    for (let round = 0; round < 3; round++) {
      if (round > 0) await plant();
      const counts = await Promise.all(round % 2 === 0 ? [sweepA(), sweepB()] : [sweepB(), sweepA()]);
      expect([...counts].sort((x, y) => x - y)).toEqual([0, 80]);
      expect(await pending()).toBe(0);
    }
    expect(await Promise.all([sweepA(), sweepB()])).toEqual([0, 0]);
  });

  it('both instances sign in the same people and count failed sign-ins together (in the database)', async () => {
    const person = team[11];
    const wrong = await Promise.all([A, B, A, B, A, B].map((instance) => instance().post('/auth/login').send({ username: person.username, password: 'wrong-password-1' })));
    expect(wrong.map((r) => r.status).filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // Six failures across both instances exceed the per-user limit of five: both now refuse.
    const [onA, onB] = await Promise.all([
      A().post('/auth/login').send({ username: person.username, password: DEFAULT_PASSWORD }),
      B().post('/auth/login').send({ username: person.username, password: DEFAULT_PASSWORD }),
    ]);
    expect([onA.status, onB.status]).toEqual([429, 429]);
  });
});
