import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Overtime credited on the judged day (issue 22, 劳动法第41/44条), through the real app and database.
 * Today is Friday 2026-11-27, 10:00 Asia/Shanghai. Monday–Friday are workdays from 2026-11-01 (office
 * shift 08:30–12:00 + 13:00–17:30, punch window 05:30–23:30), Saturdays and Sundays rest days,
 * 2026-11-20 (Friday) a declared holiday. Requests may be filed 31 days back here.
 * Counting settings by date: punches_only on 11-05…11-08, approved_window on 11-09, a 30 min break
 * after 4 h on 11-20; everywhere else the default (the punches inside the approved window, 30 min units).
 */
describe('Overtime on the judged day (劳动法第41/44条)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let lead: CreatedStaff;
  let no = 0;

  const settings = (body: Record<string, unknown>) => t.http().put('/settings').set(admin.auth).send(body).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    lead = await newStaff(t, admin, { name: '李主管', employeeNo: 'K100' });
    await settings({ effectiveFrom: '2026-11-01', workWeek: [1, 2, 3, 4, 5], overtimeDaysAfter: 31 });
    await t.http().put('/calendar/2026-11-20').set(admin.auth).send({ kind: 'holiday', name: '店庆' }).expect(200);
    await settings({ effectiveFrom: '2026-11-05', overtimeCounting: 'punches_only' });
    await settings({ effectiveFrom: '2026-11-09', overtimeCounting: 'approved_window' });
    await settings({ effectiveFrom: '2026-11-10', overtimeCounting: 'punches_in_window' });
    await settings({ effectiveFrom: '2026-11-20', overtimeBreakAfterMinutes: 240, overtimeBreakMinutes: 30 });
    await settings({ effectiveFrom: '2026-11-21', overtimeBreakAfterMinutes: null, overtimeBreakMinutes: null });
  });
  afterAll(() => t.close());

  const employee = async () => {
    no += 1;
    const employeeNo = `K${String(no).padStart(3, '0')}`;
    return { ...(await newStaff(t, admin, { supervisorId: lead.id, name: `员工${no}`, employeeNo })), employeeNo };
  };
  const punch = (employeeNo: string, date: string, ...times: string[]) =>
    t.http().post('/punches/batch').set(admin.auth).send({ punches: times.map((time) => ({ employeeNo, at: `${date}T${time}:00+08:00` })) }).expect(200);
  const approved = async (who: SignedIn, body: Record<string, unknown>) => {
    const created = await t.http().post('/overtime-requests').set(who.auth).send({ reason: 'Backlog', ...body }).expect(201);
    await t.http().post(`/overtime-requests/${created.body.id}/approve`).set(lead.auth).send({}).expect(200);
    return created.body.id as string;
  };
  const day = async (staffId: string, date: string, language = 'zh-CN') => {
    const month = await t.http().get(`/attendance?staffId=${staffId}&month=${date.slice(0, 7)}`).set(admin.auth).set('Accept-Language', language).expect(200);
    return month.body.days.find((d: { date: string }) => d.date === date);
  };
  const stored = async (staffId: string, date: string) =>
    (await t.sql<{ overtime_kind: string | null; overtime_minutes: number; lieu_minutes: number }>(`SELECT overtime_kind, overtime_minutes, lieu_minutes FROM attendance_day WHERE staff_id = $1 AND date = $2`, [staffId, date]))[0];

  it('劳动法第44条: working-day extended hours inside the approved window are credited at 150%, written on the stored day, explained in both languages', async () => {
    const emp = await employee();
    await punch(emp.employeeNo, '2026-11-24', '08:25', '20:10');
    await approved(emp, { date: '2026-11-24', start: '18:00', end: '20:00' });
    // Approval announces the day: it is judged again before the commit.
    expect(await stored(emp.id, '2026-11-24')).toEqual({ overtime_kind: 'workday', overtime_minutes: 120, lieu_minutes: 0 });
    const zh = await day(emp.id, '2026-11-24');
    expect(zh).toMatchObject({ status: 'present', overtimeKind: 'workday', overtimeMinutes: 120, lieuMinutes: 0 });
    expect(zh.explanation).toContain('劳动法第44条：已批准加班 18:00–20:00，支付加班费');
    expect(zh.explanation).toContain('劳动法第44条：延长工作时间 2 小时，150%');
    expect(zh.explanation[zh.explanation.length - 1]).toBe('H-ATT-1：正常出勤');
    expect((await day(emp.id, '2026-11-24', 'en')).explanation).toContain('Labour Law art. 44: extended hours 2 h, 150%');
  });

  it('劳动法第44条: arriving early never counts, unless the approved window starts before the shift; rounded down to 30 min', async () => {
    const early = await employee();
    await punch(early.employeeNo, '2026-11-25', '07:00', '19:40');
    await approved(early, { date: '2026-11-25', start: '18:00', end: '19:00' });
    // 07:00–08:30 was worked but not asked for: only 18:00–19:00 counts.
    expect(await stored(early.id, '2026-11-25')).toEqual({ overtime_kind: 'workday', overtime_minutes: 60, lieu_minutes: 0 });

    const before = await employee();
    await punch(before.employeeNo, '2026-11-23', '07:10', '17:35');
    await approved(before, { date: '2026-11-23', start: '07:00', end: '08:30' });
    // 07:10–08:30 = 80 min, rounded down to 60.
    expect(await stored(before.id, '2026-11-23')).toEqual({ overtime_kind: 'workday', overtime_minutes: 60, lieu_minutes: 0 });
    expect((await day(before.id, '2026-11-23')).explanation).toContain('劳动法第44条：延长工作时间 1 小时，150%（按 30 分钟为单位向下取整）');
  });

  it('劳动法第44条: rest-day work taken as time off in lieu (调休) is 200% and lieu; the punches of the rest day are read for it, not ignored', async () => {
    const emp = await employee();
    await punch(emp.employeeNo, '2026-11-21', '08:50', '13:20');
    expect((await day(emp.id, '2026-11-21', 'en')).explanation).toContain('H-ATT-7: clock records at 08:50, 13:20 ignored — no shift scheduled');
    await approved(emp, { date: '2026-11-21', start: '09:00', end: '13:00', compensation: 'lieu' });
    expect(await stored(emp.id, '2026-11-21')).toEqual({ overtime_kind: 'rest_day', overtime_minutes: 240, lieu_minutes: 240 });
    const zh = await day(emp.id, '2026-11-21');
    expect(zh).toMatchObject({ status: 'rest', overtimeKind: 'rest_day', overtimeMinutes: 240, lieuMinutes: 240 });
    expect(zh.explanation).toContain('劳动法第44条：休息日加班 4 小时，200%，其中 4 小时调休（不支付加班费）');
    expect(zh.explanation.join('\n')).not.toContain('不计入');
  });

  it('劳动法第44条 / H-ATT-3: holiday work is 300%; the break (30 min after 4 h) is deducted before rounding', async () => {
    const emp = await employee();
    await punch(emp.employeeNo, '2026-11-20', '09:05', '17:00');
    await approved(emp, { date: '2026-11-20', start: '09:00', end: '17:00' });
    // 09:05–17:00 = 475 min, less 30 = 445, rounded down to 420.
    expect(await stored(emp.id, '2026-11-20')).toEqual({ overtime_kind: 'holiday', overtime_minutes: 420, lieu_minutes: 0 });
    const en = await day(emp.id, '2026-11-20', 'en');
    expect(en.explanation).toContain('Labour Law art. 44: 30 min break deducted from overtime of 4 h or more');
    expect(en.explanation).toContain('Labour Law art. 44: statutory holiday work 7 h, 300% (rounded down to 30 min units)');
  });

  it('approved_window counts the approved window alone, whatever the punches', async () => {
    const emp = await employee();
    await punch(emp.employeeNo, '2026-11-09', '08:30', '17:31');
    await approved(emp, { date: '2026-11-09', start: '18:00', end: '20:00' });
    expect(await stored(emp.id, '2026-11-09')).toEqual({ overtime_kind: 'workday', overtime_minutes: 120, lieu_minutes: 0 });
  });

  it('劳动法第41条: punches_only needs no request — from the end of the shift to the last punch (early arrival never counts), first to last on a rest day, capped by the daily cap with a fact', async () => {
    const emp = await employee();
    await punch(emp.employeeNo, '2026-11-05', '07:00', '19:10');
    await punch(emp.employeeNo, '2026-11-07', '09:00', '14:10');
    // Punches queue their days; reading the month brings them up to date.
    await day(emp.id, '2026-11-05');
    // 17:30–19:10 = 100 min, rounded down to 90.
    expect(await stored(emp.id, '2026-11-05')).toEqual({ overtime_kind: 'workday', overtime_minutes: 90, lieu_minutes: 0 });
    // 09:00–14:10 = 310 min, capped at 180, paid.
    expect(await stored(emp.id, '2026-11-07')).toEqual({ overtime_kind: 'rest_day', overtime_minutes: 180, lieu_minutes: 0 });
    const zh = await day(emp.id, '2026-11-07');
    expect(zh.explanation).toContain('劳动法第41条：仅按打卡记录计加班，每日最多计 3 小时');
    expect(zh.explanation).toContain('劳动法第44条：休息日加班 3 小时，200%');
    // A rest day nobody worked: nothing at all.
    expect(await stored(emp.id, '2026-11-08')).toEqual({ overtime_kind: null, overtime_minutes: 0, lieu_minutes: 0 });
  });

  it('a day off with approved overtime stays pending until its window (widened by the punch-window margins) closes; no punch in the window credits nothing', async () => {
    const emp = await employee();
    const absent = await employee();
    await approved(emp, { date: '2026-11-28', start: '10:00', end: '12:00' });
    await approved(absent, { date: '2026-11-28', start: '10:00', end: '12:00' });
    clock.set('2026-11-28T11:30:00+08:00');
    await punch(emp.employeeNo, '2026-11-28', '09:55', '11:00');
    const open = await day(emp.id, '2026-11-28');
    expect(open).toMatchObject({ status: 'pending', overtimeMinutes: 0 });
    expect(open.explanation).toContain('H-ATT-7：打卡时段至 18:00 结束，暂未判定');
    clock.set('2026-11-28T12:10:00+08:00');
    await punch(emp.employeeNo, '2026-11-28', '12:05');
    clock.set('2026-11-28T18:00:00+08:00');
    expect(await day(emp.id, '2026-11-28')).toMatchObject({ status: 'rest', overtimeKind: 'rest_day', overtimeMinutes: 120 });
    const nothing = await day(absent.id, '2026-11-28', 'en');
    expect(nothing).toMatchObject({ status: 'rest', overtimeKind: null, overtimeMinutes: 0 });
    expect(nothing.explanation).toContain('Labour Law art. 44: approved overtime not worked: no clock records inside the window — nothing credited');
    clock.set('2026-11-27T10:00:00+08:00');
  });

  it('cancelling approved overtime (admin, with a reason) takes the credit back from the stored day', async () => {
    const emp = await employee();
    await punch(emp.employeeNo, '2026-11-26', '08:25', '19:00');
    const id = await approved(emp, { date: '2026-11-26', start: '17:30', end: '19:00' });
    expect(await stored(emp.id, '2026-11-26')).toEqual({ overtime_kind: 'workday', overtime_minutes: 90, lieu_minutes: 0 });
    await t.http().post(`/overtime-requests/${id}/cancel`).set(admin.auth).send({ reason: 'Not agreed with the store manager' }).expect(200);
    expect(await stored(emp.id, '2026-11-26')).toEqual({ overtime_kind: null, overtime_minutes: 0, lieu_minutes: 0 });
  });
});
