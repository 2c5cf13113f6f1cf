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
