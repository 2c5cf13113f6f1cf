import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Overtime in finance's monthly report (issue 22): hours by kind (150% / 200% / 300%), the rest-day
 * hours taken as time off in lieu, cap overrides, and the pay from finance's amounts per hour; the
 * grid marks overtime days. Today is Friday 2026-11-27; Monday–Friday are workdays.
 */
describe('Overtime in the monthly report (劳动法第41/44条, H-ORG-2)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let lead: CreatedStaff;
  let a: CreatedStaff;
  let b: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    lead = await newStaff(t, admin, { employeeNo: 'Q100', name: '李主管' });
    a = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'Q001', name: '王芳' });
    b = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'Q002', name: '张伟' });
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-01', workWeek: [1, 2, 3, 4, 5], overtimeDaysAfter: 31 }).expect(200);
    await t.http().put('/calendar/2026-11-20').set(admin.auth).send({ kind: 'holiday', name: '店庆' }).expect(200);
    const punches = [
      ['Q001', '2026-11-24T08:25:00+08:00'], ['Q001', '2026-11-24T19:35:00+08:00'],
      ['Q001', '2026-11-21T09:00:00+08:00'], ['Q001', '2026-11-21T17:00:00+08:00'],
      ['Q002', '2026-11-20T09:00:00+08:00'], ['Q002', '2026-11-20T12:00:00+08:00'],
    ];
    await t.http().post('/punches/batch').set(admin.auth).send({ punches: punches.map(([employeeNo, at]) => ({ employeeNo, at })) }).expect(200);
    const approve = async (who: SignedIn, body: Record<string, unknown>, by: SignedIn = lead) => {
      const created = await t.http().post('/overtime-requests').set(who.auth).send({ reason: 'Backlog', ...body }).expect(201);
      await t.http().post(`/overtime-requests/${created.body.id}/approve`).set(by.auth).send({}).expect(200);
    };
    // A: 1.5 h on a working day; 8 h on Saturday, 4 h of them as time off in lieu (two requests).
    await approve(a, { date: '2026-11-24', start: '18:00', end: '19:30' });
    await approve(a, { date: '2026-11-21', start: '09:00', end: '13:00', compensation: 'lieu' });
    await approve(a, { date: '2026-11-21', start: '13:00', end: '17:00' });
    // B: 3 h on the holiday, filed by the office beyond a lowered monthly cap with a reason.
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-20', overtimeMonthlyCapMinutes: 120 }).expect(200);
    const created = await t.http().post('/overtime-requests').set(admin.auth).send({ staffId: b.id, date: '2026-11-20', start: '09:00', end: '12:00', reason: 'Store anniversary', capOverrideReason: 'Anniversary sale, agreed by 赵总' }).expect(201);
    await t.http().post(`/overtime-requests/${created.body.id}/approve`).set(lead.auth).send({}).expect(200);
    await t.http().put('/finance-policy').set(finance.auth).send({
      effectiveMonth: '2026-11', lateFen: 0, seriousLateFen: 0, absenceDayFen: 0, missingPunchFen: 0, fullAttendanceBonusFen: 0,
      overtimeWorkdayHourFen: 3000, overtimeRestDayHourFen: 4000, overtimeHolidayHourFen: 6000,
    }).expect(200);
  });
  afterAll(() => t.close());

  it('劳动法第44条: hours per kind and person and in the totals, lieu hours apart and unpaid, pay from finance\'s amounts per hour; 劳动法第41条: cap overrides counted', async () => {
    const report = await t.http().get('/reports/monthly?month=2026-11').set(finance.auth).expect(200);
    expect(report.body.policy).toMatchObject({ overtimeWorkdayHourFen: 3000, overtimeRestDayHourFen: 4000, overtimeHolidayHourFen: 6000 });
    const rowOf = (id: string) => report.body.items.find((row: { staffId: string }) => row.staffId === id);
    // 1.5 h × 30.00 + (8 − 4) h × 40.00 = 45.00 + 160.00
    expect(rowOf(a.id)).toMatchObject({ overtimeWorkdayHours: 1.5, overtimeRestDayHours: 8, overtimeRestDayLieuHours: 4, overtimeHolidayHours: 0, overtimeCapOverrides: 0, overtimePayFen: 20500 });
    // 3 h × 60.00
    expect(rowOf(b.id)).toMatchObject({ overtimeWorkdayHours: 0, overtimeRestDayHours: 0, overtimeHolidayHours: 3, overtimeCapOverrides: 1, overtimePayFen: 18000 });
    expect(report.body.totals).toMatchObject({ overtimeWorkdayHours: 1.5, overtimeRestDayHours: 8, overtimeRestDayLieuHours: 4, overtimeHolidayHours: 3, overtimeCapOverrides: 1, overtimePayFen: 38500 });
  });

  it('the grid marks overtime days (√加 on a working day, 休加 on a rest day or holiday)', async () => {
    const grid = await t.http().get('/reports/monthly/grid?month=2026-11').set(finance.auth).expect(200);
    const dates: string[] = grid.body.dates;
    const cells = (id: string) => grid.body.items.find((row: { staffId: string }) => row.staffId === id).days as string[];
    expect(cells(a.id)[dates.indexOf('2026-11-24')]).toBe('√加');
    expect(cells(a.id)[dates.indexOf('2026-11-21')]).toBe('休加');
    expect(cells(a.id)[dates.indexOf('2026-11-22')]).toBe('休');
    expect(cells(b.id)[dates.indexOf('2026-11-20')]).toBe('休加');
  });

  it('CSV columns with Chinese and English headers, money in yuan', async () => {
    const csv = async (lang: string) => {
      const response = await t.http().get(`/reports/monthly?month=2026-11&format=csv&lang=${lang}`).set(finance.auth).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(response.status).toBe(200);
      return (response.body as Buffer).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
    };
    const zh = await csv('zh-CN');
    const head = zh[0];
    const cell = (row: string[], header: string) => row[head.indexOf(header)];
    const rowA = zh.find((row) => row[0] === 'Q001')!;
    expect(cell(rowA, '工作日加班（小时，150%）')).toBe('1.5');
    expect(cell(rowA, '休息日加班（小时，200%）')).toBe('8');
    expect(cell(rowA, '其中调休（小时）')).toBe('4');
    expect(cell(rowA, '法定节假日加班（小时，300%）')).toBe('0');
    expect(cell(rowA, '加班费（元）')).toBe('205.00');
    expect(cell(zh.find((row) => row[0] === '合计')!, '超限加班（次）')).toBe('1');
    const en = await csv('en');
    expect(en[0]).toEqual(expect.arrayContaining(['Workday overtime h (150%)', 'Rest-day overtime h (200%)', 'Of which time off in lieu (h)', 'Holiday overtime h (300%)', 'Overtime cap overrides', 'Overtime pay (yuan)']));
  });
});
