import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Rest-day overtime taken back as time off in lieu (调休, issue 22), from the request to the leave
 * it pays for, with nothing set by hand: the overtime rules credit the judged day, the balance reads
 * its grant from there, and a 调休 request spends it. Today is Friday 27 November 2026 (Asia/Shanghai);
 * the company works Monday to Friday here, so Saturday 21 November is a rest day (劳动法第44条（二）).
 */
describe('Overtime on a rest day becomes time off in lieu (劳动法第44条, issue 22)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let lead: CreatedStaff;
  let finance: CreatedStaff;
  let emp: CreatedStaff & { employeeNo: string };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-01', workWeek: [1, 2, 3, 4, 5] }).expect(200);
    lead = await newStaff(t, admin, { name: '王主管', employeeNo: 'L100' });
    finance = await newStaff(t, admin, { roles: ['finance'], employeeNo: 'L900' });
    emp = { ...(await newStaff(t, admin, { supervisorId: lead.id, name: '赵六', employeeNo: 'L001' })), employeeNo: 'L001' };
  });
  afterAll(() => t.close());

  const lieuBalance = async () => (await t.http().get(`/leave-balances?staffId=${emp.id}&year=2026`).set(emp.auth).expect(200)).body.lieu;

  it('劳动法第44条: 4 h worked on a Saturday with 调休 chosen become a 4 h grant expiring 90 days on, spent oldest first by 调休 leave, and the report shows both', async () => {
    const asked = await t.http().post('/overtime-requests').set(emp.auth).send({ date: '2026-11-21', start: '09:00', end: '13:00', compensation: 'lieu', reason: '双11 售后' }).expect(201);
    expect(asked.body).toMatchObject({ dayKind: 'rest_day', compensation: 'lieu', minutes: 240 });
    await t.http().post(`/overtime-requests/${asked.body.id}/approve`).set(lead.auth).send({}).expect(200);
    await t.http().post('/punches/batch').set(admin.auth).send({ punches: [
      { employeeNo: emp.employeeNo, at: '2026-11-21T08:55:00+08:00' },
      { employeeNo: emp.employeeNo, at: '2026-11-21T13:05:00+08:00' },
    ] }).expect(200);

    // Read through the report first, which brings the punched day up to date as any reader would.
    const report = async () => (await t.http().get('/reports/monthly?month=2026-11&pageSize=100').set(finance.auth).expect(200)).body.items.find((row: { staffId: string }) => row.staffId === emp.id);
    expect(await report()).toMatchObject({ overtimeRestDayHours: 4, overtimeRestDayLieuHours: 4, overtimePayFen: 0, lieuEarnedHours: 4, lieuTakenHours: 0, lieuRemainingHours: 4 });
    const saturday = (await t.http().get(`/attendance?staffId=${emp.id}&month=2026-11`).set(emp.auth).expect(200)).body.days.find((day: { date: string }) => day.date === '2026-11-21');
    expect(saturday).toMatchObject({ status: 'rest', overtimeKind: 'rest_day', overtimeMinutes: 240, lieuMinutes: 240 });

    const granted = await lieuBalance();
    expect(granted).toMatchObject({ grantedHours: 4, availableHours: 4 });
    expect(granted.lots).toEqual([expect.objectContaining({ earnedOn: '2026-11-21', source: 'overtime', hours: 4, expiresOn: '2027-02-19' })]);

    // Monday morning (the first office session, 3.5 h), asked a day ahead, then the afternoon (4.5 h) is more than is left.
    const morning = await t.http().post('/leave-requests').set(emp.auth).send({ type: 'lieu', startDate: '2026-11-30', endDate: '2026-11-30', endHalf: 'am', reason: '调休' }).expect(201);
    await t.http().post(`/leave-requests/${morning.body.id}/approve`).set(lead.auth).send({}).expect(200);
    expect(await lieuBalance()).toMatchObject({ grantedHours: 4, takenHours: 3.5, availableHours: 0.5 });
    const afternoon = await t.http().post('/leave-requests').set(emp.auth).send({ type: 'lieu', startDate: '2026-12-01', endDate: '2026-12-01', startHalf: 'pm', reason: '调休' }).expect(422);
    expect(afternoon.body.code).toBe('LEAVE_BALANCE_INSUFFICIENT');

    // Cancelling the overtime takes its grant away: the morning already taken stays, unfunded, for the office to settle.
    await t.http().post(`/overtime-requests/${asked.body.id}/cancel`).set(admin.auth).send({ reason: '记错日期' }).expect(200);
    expect(await report()).toMatchObject({ overtimeRestDayHours: 0, lieuEarnedHours: 0 });
    expect(await lieuBalance()).toMatchObject({ grantedHours: 0, unfundedHours: 3.5 });
  });
});
