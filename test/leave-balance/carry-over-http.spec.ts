import { LeaveGrantSweeper } from '../../src/leave-balance/leave-grant.sweeper';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Carry-over and its expiry (条例 第五条, issue 16), from November 2026 into April 2027: finance lets
 * up to 3 unused days into the next year until 31 March; the rest lapses and is reported as untaken.
 */
describe('Carry-over of unused annual leave and its expiry', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let person: CreatedStaff;

  const at = (instant: string) => clock.set(instant);
  const sweep = () => t.app.get(LeaveGrantSweeper).run();
  const annual = async (year: number) =>
    (await t.http().get(`/leave-balances?staffId=${person.id}&year=${year}`).set(person.auth).expect(200)).body.types.find((type: { leaveType: string }) => type.leaveType === 'annual');
  const takeLeave = async (body: Record<string, unknown>) => {
    const created = await t.http().post('/leave-requests').set(person.auth).send({ type: 'annual', reason: 'Rest', ...body });
    expect(created.status).toBe(201);
    await t.http().post(`/leave-requests/${created.body.id}/approve`).set(admin.auth).send({}).expect(200);
    return created.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    // 10 years of service from 1 January 2026: 10 days a year.
    person = await newStaff(t, admin, { hiredOn: '2020-01-01', workStartedOn: '2016-01-01' });
  });
  afterAll(() => t.close());

  it('finance sets the carry-over from a date; a bad setting is refused field by field', async () => {
    const bad = await t.http().put('/leave-balances/settings/carry-over').set(finance.auth).set('Accept-Language', 'en').send({ effectiveFrom: '2026-01-01', maxDays: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'expiresOn', message: 'expiresOn must be a day of the year written MM-DD (not 02-29)' }]);
    const put = await t.http().put('/leave-balances/settings/carry-over').set(finance.auth).send({ effectiveFrom: '2026-01-01', maxDays: 3, expiresOn: '03-31' }).expect(200);
    expect(put.body).toEqual({ effectiveFrom: '2026-01-01', maxDays: 3, expiresOn: '03-31' });
    const settings = await t.http().get('/leave-balances/settings').set(person.auth).expect(200);
    expect(settings.body.carryOver.current).toEqual({ effectiveFrom: '2026-01-01', maxDays: 3, expiresOn: '03-31' });
    expect(settings.body.rules).toContainEqual({ leaveType: 'annual', current: { effectiveFrom: '2026-01-01', kind: 'statutory', days: null, allowNegative: false, expiresAfterDays: null }, versions: [expect.objectContaining({ kind: 'statutory' })] });
  });

  it('条例 第五条: 5 of 10 days unused at the end of 2026 — 3 are carried into 2027 until 31 March, 2 lapse as untaken', async () => {
    await sweep();
    await takeLeave({ startDate: '2026-12-01', endDate: '2026-12-05' });
    expect(await annual(2026)).toMatchObject({ entitled: 10, taken: 5, available: 5 });
    at('2027-01-04T10:00:00+08:00');
    await sweep();
    expect(await annual(2026)).toMatchObject({ carriedOut: 3, lapsed: 2, available: 0 });
    const year = await annual(2027);
    expect(year).toMatchObject({ entitled: 10, carried: 3, available: 13, expiring: { days: 3, on: '2027-03-31' } });
    expect(year.entries.map((entry: { kind: string; cause: string; days: number; date: string }) => [entry.kind, entry.cause, entry.days, entry.date])).toEqual([
      ['carry_over', 'year_end', 3, '2027-01-01'],
      ['grant', 'year_start', 10, '2027-01-01'],
    ]);
  });

  it('carried days pay for leave before their date first; what is left expires after it, once', async () => {
    await takeLeave({ startDate: '2027-02-01', endDate: '2027-02-01' });
    expect(await annual(2027)).toMatchObject({ taken: 1, available: 12, expiring: { days: 2, on: '2027-03-31' } });
    at('2027-04-02T10:00:00+08:00');
    await sweep();
    await sweep();
    const year = await annual(2027);
    expect(year).toMatchObject({ expired: 2, available: 10, expiring: null });
    expect(year.entries.filter((entry: { kind: string }) => entry.kind === 'expiry')).toEqual([expect.objectContaining({ of: 'carried', days: -2, date: '2027-03-31', cause: 'carried_expiry' })]);
  });

  it('H-ATT-11: emergency leave filed after the expiry for a day before it gets its carried day back in the same transaction', async () => {
    const filed = await t.http().post('/leave-requests').set(person.auth).send({ type: 'annual', startDate: '2027-03-30', endDate: '2027-03-30', emergency: true, reason: 'Fever' });
    expect(filed.status).toBe(201);
    expect(filed.body.balanceAfter).toBe(10);
    const expiries = (await annual(2027)).entries.filter((entry: { kind: string }) => entry.kind === 'expiry');
    expect(expiries.map((entry: { days: number; cause: string; date: string }) => [entry.days, entry.cause, entry.date])).toEqual([[-2, 'carried_expiry', '2027-03-31'], [1, 'carried_expiry', '2027-03-31']]);
  });

  it('leave after the expiry cannot use carried days: 11 days in May are refused, 10 are available', async () => {
    const refused = await t.http().post('/leave-requests').set(person.auth).send({ type: 'annual', startDate: '2027-05-03', endDate: '2027-05-13', reason: 'Trip' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'LEAVE_BALANCE_INSUFFICIENT', details: [{ field: 'endDate', message: '可用 10 天' }] });
  });
});
