import { LeaveGrantSweeper } from '../../src/leave-balance/leave-grant.sweeper';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Two requests at the same instant cannot spend the same days (issue 16): each holds the balance's
 * lock while it checks and reserves. Proven with parallel HTTP requests on the real database.
 */
describe('Leave balances under concurrent requests', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const available = async (staffId: string) =>
    (await t.sql<{ days: number }>(`SELECT coalesce(sum(days), 0)::float8 AS days FROM leave_ledger WHERE staff_id = $1 AND leave_type_code = 'annual' AND year = 2026`, [staffId]))[0].days;

  /** A person with 5 days of annual leave in 2026 (6 years of service). */
  async function withFiveDays(): Promise<CreatedStaff> {
    const person = await newStaff(t, admin, { hiredOn: '2020-01-01' });
    await t.app.get(LeaveGrantSweeper).run();
    expect(await available(person.id)).toBe(5);
    return person;
  }

  it('ten parallel one-day requests against 5 days: exactly 5 are reserved, the others get 422, the balance never goes below zero', async () => {
    const person = await withFiveDays();
    const days = Array.from({ length: 10 }, (_, index) => `2026-12-${String(index + 1).padStart(2, '0')}`);
    const responses = await Promise.all(days.map((day) => t.http().post('/leave-requests').set(person.auth).send({ type: 'annual', startDate: day, endDate: day, reason: 'Rest' })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(5).fill(422)]);
    for (const refused of responses.filter((response) => response.status === 422)) expect(refused.body.code).toBe('LEAVE_BALANCE_INSUFFICIENT');
    expect(await available(person.id)).toBe(0);
    expect(await t.sql(`SELECT 1 FROM leave_request WHERE staff_id = $1`, [person.id])).toHaveLength(5);
  });

  it('parallel approvals and new requests keep the balance exact (approvals take what was reserved, nothing more)', async () => {
    const person = await withFiveDays();
    const first = await t.http().post('/leave-requests').set(person.auth).send({ type: 'annual', startDate: '2026-12-01', endDate: '2026-12-03', reason: 'Rest' }).expect(201);
    const [approved, second, third] = await Promise.all([
      t.http().post(`/leave-requests/${first.body.id}/approve`).set(admin.auth).send({}),
      t.http().post('/leave-requests').set(person.auth).send({ type: 'annual', startDate: '2026-12-10', endDate: '2026-12-11', reason: 'Rest' }),
      t.http().post('/leave-requests').set(person.auth).send({ type: 'annual', startDate: '2026-12-15', endDate: '2026-12-16', reason: 'Rest' }),
    ]);
    expect(approved.status).toBe(200);
    expect([second.status, third.status].sort()).toEqual([201, 422]);
    expect(await available(person.id)).toBe(0);
  });
});
