import { FixedClock } from '../support/fixed-clock';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A month whose stored day results are gone (a restore, a bench) is computed again by the report's
 * first call: every day judged anew, nothing refused.
 */
describe('The monthly report computes a month whose days are not stored (H-ORG-2)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    for (const no of ['U001', 'U002', 'U003']) await newStaff(t, admin, { employeeNo: no, hiredOn: '2026-01-01' });
    const punches = ['U001', 'U002', 'U003'].flatMap((employeeNo) => [
      { employeeNo, at: '2026-10-12T08:25:00+08:00' },
      { employeeNo, at: '2026-10-12T17:35:00+08:00' },
    ]);
    await t.http().post('/punches/batch').set(admin.auth).send({ punches }).expect(200);
  });
  afterAll(() => t.close());

  it('answers 200 with every day computed again after the stored days were deleted', async () => {
    const first = await t.http().get('/reports/monthly?month=2026-10').set(admin.auth);
    expect(first.status).toBe(200);
    const stored = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM attendance_day WHERE date BETWEEN '2026-10-01' AND '2026-10-31'`);
    await t.sql(`DELETE FROM attendance_day WHERE date BETWEEN '2026-10-01' AND '2026-10-31'`);
    const again = await t.http().get('/reports/monthly?month=2026-10').set(admin.auth);
    expect({ status: again.status, body: again.status === 200 ? null : again.body }).toEqual({ status: 200, body: null });
    expect(await t.sql(`SELECT count(*)::int AS n FROM attendance_day WHERE date BETWEEN '2026-10-01' AND '2026-10-31'`)).toEqual(stored);
  });
});

/**
 * The report brings days up to date under the people's lock, in one transaction: two recomputes of
 * the same days (the report's and the queue's) then follow each other instead of both inserting
 * (which made the second fail with 409 CONFLICT in the bench). Proved on the database: every
 * statement that rewrites stored days records its transaction, and the report's delete and
 * insert must share one.
 */
describe('The report recomputes missing days in one transaction (H-ORG-2)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    await newStaff(t, admin, { employeeNo: 'V001', hiredOn: '2026-01-01' });
    await t.http().get('/reports/monthly?month=2026-10').set(admin.auth).expect(200);
    await t.sql(`CREATE TABLE day_writes (op text NOT NULL, xact text NOT NULL)`);
    await t.sql(`
      CREATE FUNCTION record_day_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO day_writes VALUES (TG_OP, pg_current_xact_id()::text);
        RETURN NULL;
      END $$`);
    await t.sql(`CREATE TRIGGER record_day_write AFTER INSERT OR DELETE ON attendance_day FOR EACH STATEMENT EXECUTE FUNCTION record_day_write()`);
  });
  afterAll(() => t.close());

  it('deletes and inserts the days in the same transaction', async () => {
    await t.sql(`DELETE FROM attendance_day WHERE date BETWEEN '2026-10-01' AND '2026-10-31'`);
    await t.sql(`DELETE FROM day_writes`);
    await t.http().get('/reports/monthly?month=2026-10').set(admin.auth).expect(200);
    const writes = await t.sql<{ op: string; xact: string }>(`SELECT op, xact FROM day_writes`);
    expect(writes.map((write) => write.op).sort()).toEqual(['DELETE', 'INSERT']);
    expect(new Set(writes.map((write) => write.xact)).size).toBe(1);
  });
});
