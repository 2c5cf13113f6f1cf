import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Overtime requests (加班, issue 22): filing, the day type, the caps of 劳动法第41条 and their
 * override, the month lock and the approval flow. Today is Friday 2026-11-27, 10:00 Asia/Shanghai.
 * The work week is Monday–Friday from 2026-11-01 (Saturdays and Sundays are rest days), the office
 * shift 08:30–12:00 + 13:00–17:30; 2026-11-20 is declared a holiday.
 */
describe('Overtime requests (劳动法第41/44条, H-ORG-3, H-ORG-4)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let boss: CreatedStaff;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let colleague: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    boss = await newStaff(t, admin, { name: '赵总' });
    lead = await newStaff(t, admin, { supervisorId: boss.id, name: '李主管', employeeNo: 'O100' });
    emp = await newStaff(t, admin, { supervisorId: lead.id, name: '王芳', employeeNo: 'O001' });
    colleague = await newStaff(t, admin, { supervisorId: lead.id, name: '张伟', employeeNo: 'O002' });
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-01', workWeek: [1, 2, 3, 4, 5] }).expect(200);
    await t.http().put('/calendar/2026-11-20').set(admin.auth).send({ kind: 'holiday', name: '公司年会' }).expect(200);
  });
  afterAll(() => t.close());

  const ask = (who: SignedIn, body: Record<string, unknown>) => t.http().post('/overtime-requests').set(who.auth).set('Accept-Language', 'en').send({ reason: 'Double 11 backlog', ...body });
  const act = (who: SignedIn, id: string, action: string, body: Record<string, unknown> = {}) => t.http().post(`/overtime-requests/${id}/${action}`).set(who.auth).set('Accept-Language', 'en').send(body);

  it('劳动法第44条 / H-ORG-3: a working-day request after the shift is pending for the supervisor, approved through the inbox, filed by the office, audited', async () => {
    const created = await ask(emp, { date: '2026-11-26', start: '18:00', end: '20:00' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending', dayKind: 'workday', compensation: 'pay', minutes: 120, approverId: lead.id, requestedBy: emp.id,
      startsAt: '2026-11-26T10:00:00.000Z', endsAt: '2026-11-26T12:00:00.000Z', dailyLeftMinutes: 60, monthlyLeftMinutes: 2040, capOverrideReason: null,
    });
    const inbox = await t.http().get('/approvals').set(lead.auth).expect(200);
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'overtime', id: created.body.id, waitingFor: 'decision', startDate: '2026-11-26', summary: 'overtime 2026-11-26 18:00–20:00 (workday, paid)' }));
    expect((await act(emp, created.body.id, 'approve')).body.code).toBe('SELF_APPROVAL');
    expect((await act(colleague, created.body.id, 'approve')).status).toBe(404);
    const approved = await act(lead, created.body.id, 'approve', { comment: 'OK' });
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: lead.id, decidedAs: 'supervisor' });
    const filed = await act(admin, created.body.id, 'file');
    expect(filed.body.history.map((e: { toStatus: string; actingAs: string }) => `${e.toStatus}/${e.actingAs}`)).toEqual(['pending/employee', 'approved/supervisor', 'filed/admin']);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((row) => row.action)).toEqual(['overtime.create', 'overtime.approved', 'overtime.filed']);
  });

  it('劳动法第44条: the day type decides — a rest day may be repaid in time (lieu), a working day or a holiday may not', async () => {
    const saturday = await ask(colleague, { date: '2026-11-21', start: '09:00', end: '13:00', compensation: 'lieu' });
    expect(saturday.status).toBe(201);
    expect(saturday.body).toMatchObject({ dayKind: 'rest_day', compensation: 'lieu', minutes: 240, dailyLeftMinutes: null });
    const holiday = await ask(colleague, { date: '2026-11-20', start: '09:00', end: '12:00', compensation: 'lieu' });
    expect([holiday.status, holiday.body.code]).toEqual([422, 'OVERTIME_LIEU_NOT_ALLOWED']);
    const paidHoliday = await ask(colleague, { date: '2026-11-20', start: '09:00', end: '12:00' });
    expect(paidHoliday.body).toMatchObject({ dayKind: 'holiday', compensation: 'pay' });
    const weekday = await ask(colleague, { date: '2026-11-24', start: '18:00', end: '19:00', compensation: 'lieu' });
    expect([weekday.status, weekday.body.code]).toEqual([422, 'OVERTIME_LIEU_NOT_ALLOWED']);
    // The database keeps the rule too.
    await expect(t.sql(`UPDATE overtime_request SET compensation = 'lieu' WHERE id = $1`, [paidHoliday.body.id])).rejects.toThrow(/overtime_request_lieu_rest_day/);
  });

  it('refuses a window overlapping the shift (08:30–12:00, 13:00–17:30) or another live request, and unknown fields', async () => {
    const early = await ask(colleague, { date: '2026-11-25', start: '07:00', end: '08:31' });
    expect([early.status, early.body.code]).toEqual([422, 'OVERTIME_OVERLAPS_SHIFT']);
    const lunch = await ask(colleague, { date: '2026-11-25', start: '12:00', end: '13:00' });
    expect(lunch.status).toBe(201);
    const again = await ask(colleague, { date: '2026-11-25', start: '12:30', end: '12:45' });
    expect([again.status, again.body.code]).toEqual([409, 'OVERTIME_OVERLAPS']);
    const extra = await ask(colleague, { date: '2026-11-25', start: '18:00', end: '19:00', hours: 1 });
    expect(extra.status).toBe(400);
    const badTime = await ask(colleague, { date: '2026-11-25', start: '25:00', end: '19:00' });
    expect(badTime.status).toBe(400);
  });

  it('劳动法第41条: 3 h of extended hours a day and 36 h a month, pending requests counted; OVERTIME_CAP_EXCEEDED names the cap and what is left; an admin may override with a reason', async () => {
    const worker = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'O003' });
    expect((await ask(worker, { date: '2026-11-23', start: '17:30', end: '19:30' })).status).toBe(201);
    const daily = await ask(worker, { date: '2026-11-23', start: '19:30', end: '21:00' });
    expect([daily.status, daily.body.code]).toEqual([422, 'OVERTIME_CAP_EXCEEDED']);
    expect(daily.body.details).toEqual([{ field: 'end', message: 'daily cap exceeded, 60 min left' }]);
    const zh = await t.http().post('/overtime-requests').set(worker.auth).set('Accept-Language', 'zh-CN').send({ reason: 'x', date: '2026-11-23', start: '19:30', end: '21:00' });
    expect(zh.body.message).toBe('超出加班上限（上限 180 分钟，还剩 60 分钟）（劳动法第41条）');
    expect(zh.body.details).toEqual([{ field: 'end', message: '超出每日加班上限，还剩 60 分钟' }]);
    // Rest days: three Saturdays and Sundays of 8 h, filed by the office for the worker, fill 24 h of the 36.
    for (const date of ['2026-11-21', '2026-11-28', '2026-11-29']) {
      await ask(admin, { staffId: worker.id, date, start: '09:00', end: '17:00' }).expect(201);
    }
    // 2 h + 24 h = 26 h: 10 h are left in November, and Sunday 09:00–21:00 asks for 12.
    const monthly = await ask(worker, { date: '2026-11-22', start: '09:00', end: '21:00' });
    expect([monthly.status, monthly.body.code, monthly.body.details]).toEqual([422, 'OVERTIME_CAP_EXCEEDED', [{ field: 'end', message: 'monthly cap exceeded, 600 min left' }]]);
    expect((await ask(worker, { date: '2026-11-22', start: '09:00', end: '21:00', capOverrideReason: 'Store move' })).status).toBe(403);
    const overridden = await ask(admin, { staffId: worker.id, date: '2026-11-22', start: '09:00', end: '21:00', capOverrideReason: 'Store move approved by 赵总' });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ capOverrideReason: 'Store move approved by 赵总', capOverrideBy: expect.any(String), requestedBy: expect.any(String), monthlyLeftMinutes: 0 });
    expect(overridden.body.history[0]).toMatchObject({ toStatus: 'pending', actingAs: 'admin' });
    // Withdrawing gives the minutes back.
    const first = (await t.sql<{ id: string }>(`SELECT id FROM overtime_request WHERE staff_id = $1 AND date = '2026-11-23'`, [worker.id]))[0].id;
    expect((await act(worker, first, 'withdraw')).body.status).toBe('withdrawn');
    expect((await ask(worker, { date: '2026-11-23', start: '18:00', end: '21:00', capOverrideReason: undefined })).status).toBe(422);
  });

  it('劳动法第41条: approving beyond a cap lowered since filing needs an admin with capOverrideReason, recorded on the request', async () => {
    const worker = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'O004' });
    const created = await ask(worker, { date: '2026-11-24', start: '18:00', end: '21:00' });
    expect(created.status).toBe(201);
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-24', overtimeDailyCapMinutes: 120 }).expect(200);
    const refused = await act(lead, created.body.id, 'approve');
    expect([refused.status, refused.body.details]).toEqual([422, [{ field: 'end', message: 'daily cap exceeded, 120 min left' }]]);
    expect((await act(lead, created.body.id, 'approve', { capOverrideReason: 'Needed' })).status).toBe(403);
    const approved = await act(admin, created.body.id, 'approve', { capOverrideReason: 'Inventory count, agreed with the union' });
    expect(approved.body).toMatchObject({ status: 'approved', decidedAs: 'admin', capOverrideReason: 'Inventory count, agreed with the union' });
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-24', overtimeDailyCapMinutes: 180 }).expect(200);
  });

  it('is filed in advance, or afterwards within overtimeDaysAfter (7) days: OVERTIME_TOO_LATE before', async () => {
    const ahead = await ask(colleague, { date: '2026-12-05', start: '09:00', end: '11:00', compensation: 'lieu' });
    expect([ahead.status, ahead.body.dayKind]).toEqual([201, 'rest_day']);
    const late = await ask(colleague, { date: '2026-11-20', start: '13:00', end: '14:00' });
    expect(late.status).toBe(201);
    const tooLate = await ask(colleague, { date: '2026-11-19', start: '18:00', end: '19:00' });
    expect([tooLate.status, tooLate.body.code, tooLate.body.details]).toEqual([422, 'OVERTIME_TOO_LATE', [{ field: 'date', message: 'must not be before 2026-11-20' }]]);
  });

  it('races on the real database: two requests for the same window, and two approvals, land once', async () => {
    const worker = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'O005' });
    const both = await Promise.all([ask(worker, { date: '2026-11-25', start: '18:00', end: '20:00' }), ask(worker, { date: '2026-11-25', start: '19:00', end: '20:30' })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    // Two windows that do not overlap but together pass the daily cap: the person's lock lets only one through.
    const caps = await Promise.all([ask(worker, { date: '2026-11-24', start: '18:00', end: '20:00' }), ask(worker, { date: '2026-11-24', start: '06:00', end: '08:00' })]);
    expect(caps.map((r) => r.status).sort()).toEqual([201, 422]);
    const id = both.find((r) => r.status === 201)!.body.id;
    const decisions = await Promise.all([act(lead, id, 'approve'), act(admin, id, 'reject')]);
    expect(decisions.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(decisions.find((r) => r.status === 409)!.body.code).toBe('STATE_CHANGED');
  });

  it('H-ORG-2: 409 MONTH_CLOSED once finance closes the month, for a new request and a decision', async () => {
    const pending = await ask(colleague, { date: '2026-11-30', start: '18:00', end: '19:00' });
    expect(pending.status).toBe(201);
    clock.set('2026-12-03T10:00:00+08:00');
    await act(colleague, pending.body.id, 'withdraw').expect(200);
    const again = await ask(colleague, { date: '2026-11-30', start: '18:00', end: '19:00' });
    expect(again.status).toBe(201);
    await t.http().post('/months/2026-11/close').set(finance.auth).send().expect(200);
    const refused = await ask(colleague, { date: '2026-11-29', start: '09:00', end: '10:00' });
    expect([refused.status, refused.body.code]).toEqual([409, 'MONTH_CLOSED']);
    const decision = await act(lead, again.body.id, 'approve');
    expect([decision.status, decision.body.code]).toEqual([409, 'MONTH_CLOSED']);
  });
});
