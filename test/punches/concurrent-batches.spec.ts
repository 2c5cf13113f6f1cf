import { FixedClock } from '../support/fixed-clock';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Terminals uploading the same people's days at once must all be stored, and once the queue of
 * stale days is worked off every day is computed from all of them: never a lost batch.
 */
describe('Concurrent punch batches over the same people and days (H-ATT-7)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  const people = ['C001', 'C002', 'C003', 'C004', 'C005', 'C006'];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    for (const employeeNo of people) await newStaff(t, admin, { employeeNo });
  });
  afterAll(() => t.close());

  it('H-ATT-7: overlapping batches sent in parallel are all stored, and every day is computed from all punches', async () => {
    const batch = (times: string[]) =>
      t.http().post('/punches/batch').set(admin.auth).send({ punches: people.flatMap((employeeNo) => times.map((time) => ({ employeeNo, at: `2026-11-16T${time}+08:00` }))) });
    const responses = await Promise.all([batch(['08:20:00', '12:01:00']), batch(['08:21:00', '13:02:00']), batch(['17:35:00']), batch(['17:36:00', '08:19:00'])]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(responses.reduce((sum, response) => sum + response.body.inserted, 0)).toBe(people.length * 7);
    await t.settle();
    const days = await t.sql<{ status: string; first_in: Date; last_out: Date }>(
      `SELECT d.status, d.first_in, d.last_out FROM attendance_day d JOIN staff s ON s.id = d.staff_id WHERE s.employee_no LIKE 'C00%' AND d.date = '2026-11-16'`,
    );
    expect(days).toHaveLength(people.length);
    for (const day of days) {
      expect(day.status).toBe('present');
      expect(day.first_in.toISOString()).toBe('2026-11-16T00:19:00.000Z');
      expect(day.last_out.toISOString()).toBe('2026-11-16T09:36:00.000Z');
    }
  });
});
