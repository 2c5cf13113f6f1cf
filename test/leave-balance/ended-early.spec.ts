import { LeaveGrantSweeper } from '../../src/leave-balance/leave-grant.sweeper';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Leave cancelled after it started ends early (销假, issue 16): the days before the person came back
 * stay leave in attendance and stay taken in the ledger; the rest is given back and judged by the
 * punches. Leave that is over, cancelled, did not happen. The company works all seven days, so
 * every date of March 2026 is a working day; the person has 10 days of annual leave (11 years).
 */
describe('Leave ended early (销假, H-ATT-10, H-ORG-3): attendance and the ledger agree', () => {
  const clock = new FixedClock(new Date('2026-03-02T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let emp: CreatedStaff;

  const at = (instant: string) => clock.set(instant);
  const request = (body: Record<string, unknown>) =>
    t.http().post('/leave-requests').set(emp.auth).send({ type: 'annual', startHalf: null, endHalf: null, reason: 'Rest', ...body });
  const approved = async (startDate: string, endDate: string): Promise<string> => {
    const created = await request({ startDate, endDate });
    expect(created.status).toBe(201);
    await t.http().post(`/leave-requests/${created.body.id}/approve`).set(admin.auth).send({}).expect(200);
    return created.body.id;
  };
  const cancel = (id: string, body: Record<string, unknown> = {}) => t.http().post(`/leave-requests/${id}/cancel`).set(admin.auth).send({ comment: 'Came back', ...body });
  const annual = async () => {
    const response = await t.http().get(`/leave-balances?staffId=${emp.id}&year=2026`).set(admin.auth).expect(200);
    return response.body.types.find((type: { leaveType: string }) => type.leaveType === 'annual');
  };
  const status = async (date: string) => {
    const response = await t.http().get(`/attendance?staffId=${emp.id}&month=${date.slice(0, 7)}`).set(admin.auth).expect(200);
    return response.body.days.find((day: { date: string }) => day.date === date).status as string;
  };
  const reportedAnnual = async () => {
    const response = await t.http().get('/reports/monthly?month=2026-03&pageSize=100').set(admin.auth).expect(200);
    return response.body.items.find((item: { staffId: string }) => item.staffId === emp.id).leaveDays.annual as number;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    emp = await newStaff(t, admin, { hiredOn: '2020-01-01', workStartedOn: '2015-01-01' });
    await t.app.get(LeaveGrantSweeper).run();
  });
  afterAll(() => t.close());

  it('cancelled on its third day, it keeps two days as leave and as taken, and gives three back', async () => {
    const id = await approved('2026-03-09', '2026-03-13');
    at('2026-03-11T10:00:00+08:00');
    const cancelled = await cancel(id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', takenUntil: '2026-03-10', balanceAfter: 8 });
    expect(await annual()).toMatchObject({ taken: 2, reserved: 0, available: 8 });
    expect(await status('2026-03-09')).toBe('leave');
    expect(await status('2026-03-10')).toBe('leave');
    expect(await status('2026-03-11')).not.toBe('leave');
    // The report counts from attendance, the balance from the ledger: the same two days.
    expect(await reportedAnnual()).toBe(2);
  });

  it('the days taken keep their place: a request over them is refused, one over the days given back is not', async () => {
    const over = await request({ startDate: '2026-03-10', endDate: '2026-03-10', emergency: true });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('LEAVE_OVERLAPS');
    const after = await request({ startDate: '2026-03-12', endDate: '2026-03-12' });
    expect(after.status).toBe(201);
    await t.http().post(`/leave-requests/${after.body.id}/cancel`).set(emp.auth).send({}).expect(200);
  });

  it('the canceller may say when the person came back, within the leave; not for leave that has not started', async () => {
    at('2026-03-12T10:00:00+08:00');
    const id = await approved('2026-03-16', '2026-03-20');
    // Before it starts only the employee cancels (CANCEL_BY_EMPLOYEE), and there is no day to come back on.
    const early = await t.http().post(`/leave-requests/${id}/cancel`).set(emp.auth).send({ returnedOn: '2026-03-17' });
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([{ field: 'returnedOn', message: '只有已批准且已开始的请假才能填写返岗日期' }]);
    at('2026-03-19T10:00:00+08:00');
    const outside = await cancel(id, { returnedOn: '2026-03-21' });
    expect(outside.status).toBe(400);
    expect(outside.body.details).toEqual([{ field: 'returnedOn', message: '须在 2026-03-16 至 2026-03-20 之间' }]);
    const inEnglish = await cancel(id, { returnedOn: '2026-03-21' }).set('Accept-Language', 'en');
    expect(inEnglish.body).toMatchObject({ message: 'The day back at work must be within the leave (2026-03-16 – 2026-03-20)', details: [{ field: 'returnedOn', message: 'must be from 2026-03-16 to 2026-03-20' }] });
    expect((await annual()).taken).toBe(7);
    const back = await cancel(id, { returnedOn: '2026-03-17' });
    expect(back.body).toMatchObject({ status: 'cancelled', takenUntil: '2026-03-16' });
    expect(await annual()).toMatchObject({ taken: 3, available: 7 });
    expect(await status('2026-03-16')).toBe('leave');
    expect(await status('2026-03-17')).not.toBe('leave');
    expect(await reportedAnnual()).toBe(3);
  });

  it('leave that is over, cancelled without a day, did not happen: every day given back and judged by the punches', async () => {
    const id = await approved('2026-03-23', '2026-03-24');
    at('2026-03-26T10:00:00+08:00');
    expect((await annual()).taken).toBe(5);
    const voided = await cancel(id, { comment: 'Was at work after all' });
    expect(voided.body).toMatchObject({ status: 'cancelled', takenUntil: null });
    expect(await annual()).toMatchObject({ taken: 3, available: 7 });
    expect(await status('2026-03-23')).toBe('absent');
    expect(await reportedAnnual()).toBe(3);
  });

  it('the database keeps the days taken within the leave, and only for cancelled leave', async () => {
    await expect(t.sql(`UPDATE leave_request SET taken_until = end_date, taken_days = 0 WHERE staff_id = $1 AND taken_until IS NOT NULL`, [emp.id])).rejects.toThrow(/leave_taken_until/);
    await approved('2026-03-30', '2026-03-31');
    await expect(t.sql(`UPDATE leave_request SET taken_until = start_date, taken_days = 0 WHERE staff_id = $1 AND status = 'approved'`, [emp.id])).rejects.toThrow(/leave_taken_until/);
    await expect(t.sql(`UPDATE leave_request SET taken_days = NULL WHERE staff_id = $1 AND taken_until IS NOT NULL`, [emp.id])).rejects.toThrow(/leave_taken_until/);
  });
});
