import ExcelJS from 'exceljs';
import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * October 2026 in Asia/Shanghai, judged on 27 November. 1–7 October are statutory holidays
 * (国庆节), so 8–31 October are the 24 workdays of the seven-day week (H-ATT-2).
 * Finance's policy from October: late 20.00, absence day 100.00, missing punch 5.00, full-attendance bonus 300.00.
 */
const WORKDAYS = Array.from({ length: 24 }, (_, i) => `2026-10-${String(i + 8).padStart(2, '0')}`);

describe("Finance's monthly report (H-ORG-2, H-ATT-1, H-ATT-7)", () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let a: CreatedStaff; // late once, one early leave, one missing clock-out
  let b: CreatedStaff; // half-day leave, a business trip, on duty on a holiday
  let c: CreatedStaff; // perfect month

  const batch = (lines: [string, string][]) =>
    t.http().post('/punches/batch').set(admin.auth).send({ punches: lines.map(([employeeNo, at]) => ({ employeeNo, at })) }).expect(200);
  const normalDays = (no: string, except: string[]): [string, string][] =>
    WORKDAYS.filter((date) => !except.includes(date)).flatMap((date): [string, string][] => [[no, `${date}T08:25:00+08:00`], [no, `${date}T17:35:00+08:00`]]);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'], employeeNo: 'F001', hiredOn: '2027-01-01' });
    b = await newStaff(t, admin, { employeeNo: 'R002', name: 'B 乙' });
    a = await newStaff(t, admin, { employeeNo: 'R001', name: 'A 甲', supervisorId: b.id });
    c = await newStaff(t, admin, { employeeNo: 'R003', name: 'C 丙' });
    await t.http().put('/finance-policy').set(finance.auth).send({ effectiveMonth: '2026-10', lateFen: 2000, seriousLateFen: 0, absenceDayFen: 10000, missingPunchFen: 500, fullAttendanceBonusFen: 30000 }).expect(200);
    await t.http().put('/roster/2026-10-03').set(admin.auth).send({ staffId: b.id }).expect(200);
    await batch([
      ...normalDays('R001', ['2026-10-08', '2026-10-09', '2026-10-12']),
      ['R001', '2026-10-08T08:47:00+08:00'], ['R001', '2026-10-08T17:30:00+08:00'], // 17 min late
      ['R001', '2026-10-09T08:25:00+08:00'], ['R001', '2026-10-09T17:00:00+08:00'], // 30 min early → absence
      ['R001', '2026-10-12T08:20:00+08:00'], // no clock-out → early leave → absence
      ...normalDays('R002', ['2026-10-20', '2026-10-21']),
      ['R002', '2026-10-03T15:58:00+08:00'], ['R002', '2026-10-04T00:05:00+08:00'], // duty on a holiday
      ['R002', '2026-10-20T12:55:00+08:00'], ['R002', '2026-10-20T17:31:00+08:00'], // morning on leave
      ...normalDays('R003', []),
    ]);
    const leave = await t.http().post('/leave-requests').set(b.auth).send({ type: 'personal', startDate: '2026-10-20', startHalf: 'am', endDate: '2026-10-20', endHalf: 'am', reason: 'Bank', emergency: true });
    await t.http().post(`/leave-requests/${leave.body.id}/approve`).set(admin.auth).send({}).expect(200);
    const trip = await t.http().post('/exemptions').set(b.auth).send({ date: '2026-10-21', from: null, to: null, destination: 'Tmall warehouse', reason: 'Stocktake' });
    await t.http().post(`/exemptions/${trip.body.id}/approve`).set(admin.auth).send({ attest: true }).expect(200);
  });
  afterAll(() => t.close());

  const report = async (who: SignedIn, query = '') => t.http().get(`/reports/monthly?month=2026-10${query}`).set(who.auth);

  it('H-ATT-1/H-ATT-7: the numbers of a hand-computed month', async () => {
    const response = await report(finance, '&pageSize=200');
    expect(response.status).toBe(200);
    const rows = Object.fromEntries(response.body.items.map((row: { employeeNo: string }) => [row.employeeNo, row]));
    expect(Object.keys(rows).sort()).toEqual(['R001', 'R002', 'R003']); // F001 is hired in 2027
    // A: 24 workdays; 21 normal + late 08:47 (17 min) + early leave 17:00 + only a clock-in.
    expect(rows.R001).toMatchObject({
      scheduledDays: 24, presentDays: 22, lateCount: 1, lateMinutes: 17, earlyLeaveCount: 2, missingPunchCount: 1,
      absenceDays: 2, holidayDays: 7, dutyShifts: 0, pendingDays: 0, exemptDays: 0,
      leaveDays: { personal: 0, sick: 0, marriage: 0, bereavement: 0, annual: 0 },
      // 1 × 20.00 + 2 × 100.00 + 1 × 5.00 = 225.00
      penaltiesFen: 22500, penalties: { lateFen: 2000, seriousLateFen: 0, absenceFen: 20000, missingPunchFen: 500 }, bonusFen: 0,
    });
    // B: 24 workdays + duty on 3 October (a holiday) = 25 scheduled; 21 October on a business trip; morning of the 20th on leave.
    expect(rows.R002).toMatchObject({
      scheduledDays: 25, presentDays: 24, lateCount: 0, absenceDays: 0, holidayDays: 6, dutyShifts: 1, exemptDays: 1,
      leaveDays: { personal: 0.5, sick: 0, marriage: 0, bereavement: 0, annual: 0 }, penaltiesFen: 0,
      // personal leave forfeits the full-attendance bonus
      bonusFen: 0,
    });
    expect(rows.R003).toMatchObject({ scheduledDays: 24, presentDays: 24, absenceDays: 0, penaltiesFen: 0, bonusFen: 30000, bonus: { fullAttendanceFen: 30000 } });
    expect(response.body.totals).toMatchObject({ scheduledDays: 73, lateCount: 1, lateMinutes: 17, absenceDays: 2, exemptDays: 1, penaltiesFen: 22500, bonusFen: 30000, leaveDays: { personal: 0.5 } });
    expect(response.body.policy).toMatchObject({ effectiveMonth: '2026-10', lateFen: 2000 });
    expect(response.body.rosterGaps).toBe(30);
  });

  it('H-ATT-1: the grid codes', async () => {
    const response = await t.http().get('/reports/monthly/grid?month=2026-10').set(finance.auth);
    expect(response.status).toBe(200);
    expect(response.body.dates).toHaveLength(31);
    const byNo = Object.fromEntries(response.body.items.map((row: { employeeNo: string; days: string[] }) => [row.employeeNo, row.days]));
    const cell = (no: string, day: number) => byNo[no][day - 1];
    expect([cell('R001', 1), cell('R001', 8), cell('R001', 9), cell('R001', 12), cell('R001', 13)]).toEqual(['休', '迟', '早', '早', '√']);
    expect([cell('R002', 3), cell('R002', 4), cell('R002', 20), cell('R002', 21)]).toEqual(['值', '休', '√', '差']);
  });

  it('is paginated with totals over everyone', async () => {
    const response = await report(finance, '&page=2&pageSize=1');
    expect(response.body).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(response.body.items.map((row: { employeeNo: string }) => row.employeeNo)).toEqual(['R002']);
    expect(response.body.totals.penaltiesFen).toBe(22500);
  });

  it('answers pages of up to 5000 people (the console reads a large company in few requests); the grid keeps 200', async () => {
    const large = await report(finance, '&pageSize=5000');
    expect(large.status).toBe(200);
    expect(large.body).toMatchObject({ page: 1, pageSize: 5000, total: 3 });
    for (const bad of ['5001', '0', '1.5', 'abc']) {
      const refused = await report(finance, `&pageSize=${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.body.details.length).toBeGreaterThan(0);
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual(refused.body.details.map(() => 'pageSize'));
    }
    expect((await t.http().get('/reports/monthly/grid?month=2026-10&pageSize=201').set(finance.auth)).status).toBe(400);
    expect((await t.http().get('/reports/monthly/grid?month=2026-10&pageSize=200').set(finance.auth)).status).toBe(200);
  });

  it('who sees what: an employee their own row, a supervisor their reports, finance and admin everyone', async () => {
    expect((await report(c)).body.items.map((row: { employeeNo: string }) => row.employeeNo)).toEqual(['R003']);
    expect((await report(a)).body.items.map((row: { employeeNo: string }) => row.employeeNo)).toEqual(['R001']);
    expect((await report(b)).body.items.map((row: { employeeNo: string }) => row.employeeNo).sort()).toEqual(['R001', 'R002']);
    expect((await report(admin)).body.total).toBe(3);
    expect((await t.http().get('/reports/monthly?month=2026-10')).status).toBe(401);
    const versions = await t.http().get('/finance-policy').set(finance.auth);
    expect(versions.body.items.map((version: { effectiveMonth: string }) => version.effectiveMonth)).toEqual(['2000-01', '2026-10']);
    expect((await t.http().get('/finance-policy').set(c.auth)).status).toBe(403);
    expect((await t.http().put('/finance-policy').set(admin.auth).send({ effectiveMonth: '2026-12', lateFen: 1, seriousLateFen: 0, absenceDayFen: 0, missingPunchFen: 0, fullAttendanceBonusFen: 0 })).status).toBe(403);
  });

  it('CSV opens as UTF-8 (BOM) with Chinese headers on ?lang=zh and by default (the company language), English on request, totals last', async () => {
    const zh = await t.http().get('/reports/monthly?month=2026-10&format=csv&lang=zh').set(finance.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(zh.status).toBe(200);
    expect(zh.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = zh.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 5)).toEqual(['工号', '姓名', '岗位', '应出勤天数', '出勤天数']);
    expect(lines[0]).toContain('事假（天）');
    expect(lines).toHaveLength(5); // header, 3 people, totals
    expect(lines[1].startsWith('R001,A 甲,')).toBe(true);
    expect(lines[4].startsWith('合计,')).toBe(true);
    const byDefault = await t.http().get('/reports/monthly?month=2026-10').set(finance.auth).set('Accept', 'text/csv');
    expect(byDefault.text).toBe(bytes.toString('utf8'));
    const en = await t.http().get('/reports/monthly?month=2026-10').set(finance.auth).set('Accept', 'text/csv').set('Accept-Language', 'en');
    expect(en.text.slice(1).split('\r\n')[0].startsWith('Employee no,Name,Position,Scheduled days')).toBe(true);
    const grid = await t.http().get('/reports/monthly/grid?month=2026-10&format=csv').set(finance.auth);
    expect(grid.text.split('\r\n')[1]).toMatch(/^R001,A 甲,休,休,休,休,休,休,休,迟,早,√,√,早,√/);
  });

  it('XLSX has a summary sheet and a grid sheet with a frozen header row and a colour per status', async () => {
    const response = await t.http().get('/reports/monthly?month=2026-10&format=xlsx&lang=en').set(finance.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = response.body as Buffer;
    // exceljs declares its own Buffer (an ArrayBuffer); hand it exactly the bytes received.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Grid']);
    const summary = workbook.getWorksheet('Summary')!;
    // Three title rows, then the header (exports.spec.ts checks the title block).
    expect(summary.getRow(4).getCell(1).value).toBe('Employee no');
    expect(summary.getRow(5).getCell(1).value).toBe('R001');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const grid = workbook.getWorksheet('Grid')!;
    // Title rows, then the date, weekday and holiday header rows.
    expect(grid.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    const late = grid.getRow(7).getCell(2 + 8);
    const absent = grid.getRow(7).getCell(2 + 9);
    expect([late.value, absent.value]).toEqual(['迟', '早']);
    const colour = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(colour(late)).not.toEqual(colour(absent));
    expect(colour(grid.getRow(7).getCell(2 + 13))).toBe('FFC6EFCE');
  });

  it('refuses a bad month or format', async () => {
    expect((await t.http().get('/reports/monthly?month=2026-13').set(finance.auth)).status).toBe(400);
    expect((await t.http().get('/reports/monthly?month=2026-10&format=pdf').set(finance.auth)).status).toBe(400);
  });
});
