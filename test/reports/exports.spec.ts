import ExcelJS from 'exceljs';
import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * October 2026 in Asia/Shanghai, exported on 27 November as a finance clerk reads it. 1–7 October
 * are 国庆节 (statutory holidays), Saturday 10 October a make-up workday (调休上班); 1 October is a
 * Thursday. Finance's policy: 50.00 per late arrival, full-attendance bonus 300.00.
 * R001 (售后客服) is 17 min late on 8 October, otherwise on time: penalties 50.00, no bonus.
 * R002 (售前客服) takes a morning of personal leave (事假) on 20 October: 0.5 leave days, no bonus.
 */
const WORKDAYS = Array.from({ length: 24 }, (_, i) => `2026-10-${String(i + 8).padStart(2, '0')}`);

type Book = ExcelJS.Workbook;

describe('CSV and XLSX as a Chinese finance office reads them (issue 21, H-ORG-2, H-ATT-7)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;

  const raw = (path: string, headers: Record<string, string> = {}) =>
    t.http().get(path).set(finance.auth).set(headers).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const csv = async (path: string, headers: Record<string, string> = {}) => {
    const response = await raw(path, headers);
    expect(response.status).toBe(200);
    return (response.body as Buffer).toString('utf8').slice(1).trim().split('\r\n');
  };
  const xlsx = async (path: string, headers: Record<string, string> = {}): Promise<Book> => {
    const response = await raw(path, headers);
    expect(response.status).toBe(200);
    const bytes = response.body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return workbook;
  };
  const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'], employeeNo: 'F001', hiredOn: '2027-01-01' });
    const a = await newStaff(t, admin, { employeeNo: 'R001', name: '张三', positionCode: 'aftersales_service' });
    const b = await newStaff(t, admin, { employeeNo: 'R002', name: '李四', positionCode: 'presales_service' });
    await t.http().put('/settings/company').set(admin.auth).send({ name: '杭州家电有限公司' }).expect(200);
    await t.http().put('/finance-policy').set(finance.auth).send({ effectiveMonth: '2026-10', lateFen: 5000, seriousLateFen: 0, absenceDayFen: 0, missingPunchFen: 0, fullAttendanceBonusFen: 30000 }).expect(200);
    const day = (no: string, date: string, arrive = '08:25'): [string, string][] => [[no, `${date}T${arrive}:00+08:00`], [no, `${date}T17:35:00+08:00`]];
    const punches = [
      ...WORKDAYS.flatMap((date) => day('R001', date, date === '2026-10-08' ? '08:47' : '08:25')),
      ...WORKDAYS.flatMap((date) => (date === '2026-10-20' ? [['R002', '2026-10-20T12:55:00+08:00'], ['R002', '2026-10-20T17:35:00+08:00']] as [string, string][] : day('R002', date))),
    ];
    await t.http().post('/punches/batch').set(admin.auth).send({ punches: punches.map(([employeeNo, at]) => ({ employeeNo, at })) }).expect(200);
    const leave = await t.http().post('/leave-requests').set(b.auth).send({ type: 'personal', startDate: '2026-10-20', startHalf: 'am', endDate: '2026-10-20', endHalf: 'am', reason: '银行办事', emergency: true });
    await t.http().post(`/leave-requests/${leave.body.id}/approve`).set(admin.auth).send({}).expect(200);
    expect(a.id).toBeDefined();
  });
  afterAll(() => t.close());

  describe('an open month', () => {
    it('CSV: Chinese by default, positions and leave types by name, money in yuan with two decimals', async () => {
      const lines = await csv('/reports/monthly?month=2026-10&format=csv');
      expect(lines[0]).toBe(
        '工号,姓名,岗位,应出勤天数,出勤天数,迟到次数,迟到分钟,严重迟到次数,早退次数,缺卡次数,补卡次数,旷工天数,丧假（天）,婚假（天）,事假（天）,病假（天）,年休假（天）,调休（天）,年休假剩余（天）,' +
          '转调休（小时）,调休已休（小时）,调休剩余（小时）,调休过期待支付（小时，200%）,出差天数,节假日天数,值班次数,待定天数,' +
          '工作日加班（小时，150%）,休息日加班（小时，200%）,其中调休（小时）,法定节假日加班（小时，300%）,超限加班（次）,加班费（元）,扣款（元）,全勤奖（元）,违纪罚款（元）',
      );
      expect(lines[1]).toBe('R001,张三,售后客服,24,24,1,17,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,7,0,0,0,0,0,0,0,0.00,50.00,0.00,0.00');
      expect(lines[2]).toBe('R002,李四,售前客服,24,24,0,0,0,0,0,0,0,0,0,0.5,0,0,0,0,0,0,0,0,0,7,0,0,0,0,0,0,0,0.00,0.00,0.00,0.00');
      expect(lines[3]).toBe('合计,,,48,48,1,17,0,0,0,0,0,0,0,0.5,0,0,0,0,0,0,0,0,0,14,0,0,0,0,0,0,0,0.00,50.00,0.00,0.00');
    });

    it('CSV: English on request (Accept-Language or ?lang=en), with English names', async () => {
      for (const [path, headers] of [['/reports/monthly?month=2026-10&format=csv', { 'Accept-Language': 'en-GB,en;q=0.9' }], ['/reports/monthly?month=2026-10&format=csv&lang=en', {}]] as const) {
        const lines = await csv(path, headers);
        expect(lines[0].split(',')).toEqual(expect.arrayContaining(['Employee no', 'Position', 'Personal leave (days)', 'Penalties (yuan)', 'Bonus (yuan)', 'Disciplinary fines (yuan)']));
        expect(lines[1]).toMatch(/^R001,张三,After-sales customer service,24,/);
        expect(lines[3]).toMatch(/^Total,/);
      }
    });

    it('XLSX: 汇总 with a title block, headers in 元, money as numbers formatted ¥#,##0.00, totals, A4 landscape print setup', async () => {
      const book = await xlsx('/reports/monthly?month=2026-10&format=xlsx');
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '考勤表']);
      const summary = book.getWorksheet('汇总')!;
      expect(summary.getCell('A1').value).toBe('杭州家电有限公司 考勤月度汇总');
      expect(summary.getCell('A2').value).toBe('月份：2026-10　　生成时间：2026-11-27 10:00:00（Asia/Shanghai）');
      expect(summary.getCell('A3').value).toBe('未结账：数据仍可能变动');
      const header = values(summary, 4);
      expect(header.slice(0, 3)).toEqual(['工号', '姓名', '岗位']);
      const money = header.indexOf('扣款（元）') + 1;
      expect(header.slice(money - 1)).toEqual(['扣款（元）', '全勤奖（元）', '违纪罚款（元）']);
      expect(values(summary, 5).slice(0, 3)).toEqual(['R001', '张三', '售后客服']);
      const penalty = summary.getRow(5).getCell(money);
      expect(penalty.value).toBe(50);
      expect(penalty.numFmt).toBe('¥#,##0.00');
      expect(summary.getRow(7).getCell(1).value).toBe('合计');
      expect(summary.getRow(7).getCell(money).value).toBe(50);
      expect(summary.getRow(7).getCell(money).numFmt).toBe('¥#,##0.00');
      expect(summary.getRow(7).font?.bold).toBe(true);
      expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    });

    it('XLSX: 考勤表 with weekday (一…日) and holiday / make-up workday rows, a totals row and a legend of codes and colours', async () => {
      const grid = (await xlsx('/reports/monthly?month=2026-10&format=xlsx')).getWorksheet('考勤表')!;
      expect(grid.getCell('A1').value).toBe('杭州家电有限公司 考勤表');
      expect(values(grid, 4).slice(0, 4)).toEqual(['工号', '姓名', '01', '02']);
      const weekdays = values(grid, 5);
      expect(weekdays.slice(1, 12)).toEqual(['星期', '四', '五', '六', '日', '一', '二', '三', '四', '五', '六']);
      const marks = values(grid, 6);
      expect(marks[1]).toBe('节假日');
      expect(marks.slice(2, 9)).toEqual(['休', '休', '休', '休', '休', '休', '休']); // 1–7 October, 国庆节
      expect(marks[2 + 9]).toBe('班'); // Saturday 10 October, make-up workday
      expect(marks[2 + 7] ?? '').toBe('');
      expect(grid.getRow(4).getCell(3).note).toBe('国庆节');
      const fill = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      expect(fill(grid.getRow(6).getCell(3))).not.toBe(fill(grid.getRow(6).getCell(3 + 7)));
      expect(values(grid, 7).slice(0, 11)).toEqual(['R001', '张三', '休', '休', '休', '休', '休', '休', '休', '迟', '√']);
      expect(values(grid, 8)[2 + 19]).toBe('√'); // R002: morning on leave, afternoon worked — present
      const totals = values(grid, 9);
      expect(totals.slice(0, 2)).toEqual(['合计', '出勤人数']);
      expect(totals[2]).toBe(0); // a holiday
      expect(totals[2 + 7]).toBe(2); // 8 October: one late, one present
      expect(grid.getRow(11).getCell(1).value).toBe('图例');
      const legend = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [grid.getRow(12 + i).getCell(1).value, grid.getRow(12 + i).getCell(2).value]));
      expect(legend).toMatchObject({ '√': '出勤', 迟: '迟到', 旷: '旷工', 早: '早退（当日计旷工）', 事: '事假', 病: '病假', 差: '因公外出', 值: '值班（出勤）' });
      expect(fill(grid.getRow(12).getCell(1))).toBe(fill(grid.getRow(7).getCell(3 + 8))); // √ as in the grid
      expect(grid.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:6' });
      expect(grid.views[0]).toMatchObject({ state: 'frozen', ySplit: 6, xSplit: 2 });
    });

    it('XLSX in English: Summary and Grid, English headers, weekdays and marks', async () => {
      const book = await xlsx('/reports/monthly?month=2026-10&format=xlsx', { 'Accept-Language': 'en' });
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Grid']);
      const summary = book.getWorksheet('Summary')!;
      expect(summary.getCell('A1').value).toBe('杭州家电有限公司 — Monthly attendance summary');
      expect(summary.getCell('A3').value).toBe('Not closed: the figures may still change');
      expect(values(summary, 4)).toEqual(expect.arrayContaining(['Employee no', 'Position', 'Personal leave (days)', 'Penalties (yuan)']));
      expect(values(summary, 5)[2]).toBe('After-sales customer service');
      const grid = book.getWorksheet('Grid')!;
      expect(values(grid, 5).slice(1, 4)).toEqual(['Day', 'Th', 'Fr']);
      expect(values(grid, 6)[2]).toBe('Hol');
      expect(values(grid, 6)[2 + 9]).toBe('Work');
      expect(grid.getRow(11).getCell(1).value).toBe('Legend');
    });
  });

  describe('a closed month', () => {
    it('is built from its snapshot: 已结账 with close time and SHA-256, and the same at every download except the generated time', async () => {
      clock.set('2026-11-28T09:00:00+08:00');
      const closed = await t.http().post('/months/2026-10/close').set(finance.auth).expect(200);
      const sha256: string = closed.body.snapshots[0].sha256;
      const csvBefore = await csv('/reports/monthly?month=2026-10&format=csv');
      const first = await xlsx('/reports/monthly?month=2026-10&format=xlsx');

      // Renames after the close change nothing in the closed month's exports.
      await t.http().put('/settings/company').set(admin.auth).send({ name: '改名后的公司' }).expect(200);
      await t.http().patch('/positions/aftersales_service').set(admin.auth).send({ nameZh: '客服（售后）' }).expect(200);
      clock.set('2026-12-05T15:30:00+08:00');
      const second = await xlsx('/reports/monthly?month=2026-10&format=xlsx');
      expect(await csv('/reports/monthly?month=2026-10&format=csv')).toEqual(csvBefore);

      const summary = first.getWorksheet('汇总')!;
      expect(summary.getCell('A1').value).toBe('杭州家电有限公司 考勤月度汇总');
      expect(summary.getCell('A3').value).toBe(`已结账：2026-11-28 09:00:00　　快照 SHA-256：${sha256}`);
      expect(second.getWorksheet('汇总')!.getCell('A2').value).toBe('月份：2026-10　　生成时间：2026-12-05 15:30:00（Asia/Shanghai）');
      const cells = (book: Book) =>
        book.worksheets.flatMap((sheet) => {
          const out: unknown[] = [];
          sheet.eachRow((row, n) => out.push([sheet.name, n, n === 2 ? 'generated' : row.values]));
          return out;
        });
      expect(cells(second)).toEqual(cells(first));
      expect(values(second.getWorksheet('汇总')!, 5)[2]).toBe('售后客服');
      expect(csvBefore[1]).toMatch(/^R001,张三,售后客服,/);
      // Open months read the names as they are now.
      expect((await csv('/reports/monthly?month=2026-11&format=csv')).find((line) => line.startsWith('R001'))).toMatch(/^R001,张三,客服（售后）,/);
    });
  });
});
