import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { type CreatedStaff, DEFAULT_PASSWORD, loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

async function expectCount(locator: Locator, count: number): Promise<void> {
  for (let i = 0; i < 50 && (await locator.count()) !== count; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await locator.count()).toBe(count);
}

/**
 * Finance's month (issue 14, H-ORG-2, H-ATT-7): the report with an approved leave counted, sorted
 * and downloaded; the policy typed in yuan and stored in fen; a close refused while the month
 * runs, the close once it is over with its SHA-256, and a reopen with a reason.
 */
describe('Finance: report, policy, month close (issue 14)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let finance: CreatedStaff;
  let admin: SignedIn;
  // Wednesday 18 November 2026, 10:00 in Shanghai; the month is not over.
  let now = new Date('2026-11-18T02:00:00Z');
  // Thursday 5 November, when the leave is requested and approved (the report counts days that have come).
  const earlier = new Date('2026-11-05T02:00:00Z');

  beforeAll(async () => {
    run = await startConsole(earlier.toISOString());
    browser = await launchBrowser();
    admin = await loginAdmin(run.t);
    finance = await newStaff(run.t, admin, { name: '赵敏', employeeNo: 'F0001', roles: ['finance'], hiredOn: '2024-01-01' });
    const supervisor = await newStaff(run.t, admin, { name: '李建国', employeeNo: 'S1001', hiredOn: '2024-03-01' });
    const zhang = await newStaff(run.t, admin, { name: '张伟', employeeNo: 'E2001', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
    await newStaff(run.t, admin, { name: '王芳', employeeNo: 'E2002', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
    const leave = await run.t.http().post('/leave-requests').set(zhang.auth).send({ type: 'personal', startDate: '2026-11-09', startHalf: null, endDate: '2026-11-10', endHalf: null, reason: '老家房子过户' });
    expect(leave.status).toBe(201);
    expect((await run.t.http().post(`/leave-requests/${leave.body.id}/approve`).set(supervisor.auth).send({ comment: '同意' })).status).toBe(200);
    run.clock.set(now);
    await run.t.settle();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  const open = async (viewport: Viewport, language: 'zh-CN' | 'en', path: string): Promise<{ page: Page; context: BrowserContext }> => {
    const context = await newContext(browser, { now, viewport, language });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, finance.username, DEFAULT_PASSWORD);
    await page.goto(`${run.baseUrl}/app/${path}`);
    return { page, context };
  };
  const reportRow = (page: Page, name: string) => page.locator('.fin-report-table .ant-table-row').filter({ hasText: name });

  // One test per width and language, each with its own time limit. Finance works at a desk: both
  // languages there; at phone width English, whose longer labels are the ones that overflow. Every
  // page is checked in both languages and at both widths.
  for (const [viewport, language] of [['desktop', 'zh-CN'], ['desktop', 'en'], ['phone', 'en']] as const) {
    it(`shows every page in ${language} at ${viewport} width, the approved leave counted`, async () => {
      const { page, context } = await open(viewport, language, 'finance/report?month=2026-11');
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Monthly attendance report' : '月度考勤报表' }).waitFor();
      // Approved personal leave on 9 and 10 November: 2 days in 张伟's row.
      expect(await reportRow(page, '张伟').locator('[data-measure="leave.personal"]').textContent()).toBe('2');
      await page.locator('.fin-totals').getByText(language === 'en' ? /Totals \(\d+ people\)/ : /合计（\d+ 人）/).waitFor();
      await checkPage(page, `finance-report-${language}`, viewport);
      if (viewport === 'desktop') {
        // The column chooser: the penalty items are hidden at first, one tick shows them, and the choice outlives a reload.
        const thead = page.locator('.fin-report-table .ant-table-thead');
        const penaltyHeader = thead.getByText(language === 'en' ? 'Late penalty' : '迟到扣款', { exact: true });
        expect(await penaltyHeader.count()).toBe(0);
        await thead.getByText(language === 'en' ? 'Fines' : '纪律罚款', { exact: true }).waitFor();
        // Overtime pay is money owed (劳动法第44条): among the amounts shown from the start.
        await thead.getByText(language === 'en' ? 'Overtime pay' : '加班费', { exact: true }).waitFor();
        await page.getByRole('button', { name: language === 'en' ? /Columns/ : /显示列/ }).click();
        await page.getByRole('checkbox', { name: language === 'en' ? /Penalty and bonus items/ : /扣款与奖金明细/ }).check();
        await penaltyHeader.waitFor();
        await checkPage(page, `finance-report-columns-${language}`, viewport);
        await page.reload();
        await penaltyHeader.waitFor();
        expect(await reportRow(page, '张伟').locator('[data-measure="penalties.lateFen"]').count()).toBe(1);
      }
      await page.getByRole('tab', { name: language === 'en' ? 'Daily grid' : '考勤表' }).click();
      await page.locator('.fin-grid .ant-table-row').filter({ hasText: '张伟' }).waitFor();
      await checkPage(page, `finance-report-grid-${language}`, viewport);

      await page.goto(`${run.baseUrl}/app/finance/months`);
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Month close' : '月结' }).waitFor();
      await page.locator('.fin-months .ant-table-row').filter({ hasText: '2026-11' }).waitFor();
      await checkPage(page, `finance-months-${language}`, viewport);

      await page.goto(`${run.baseUrl}/app/finance/policy`);
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Penalties and bonus' : '奖惩标准' }).waitFor();
      await page.locator('.fin-card .ant-table-row').first().waitFor();
      await checkPage(page, `finance-policy-${language}`, viewport);
      await context.close();
    });
  }

  it('sorts the report and downloads it as XLSX and as CSV with Chinese or English headers', async () => {
    const { page, context } = await open('desktop', 'zh-CN', 'finance/report?month=2026-11');
    await reportRow(page, '张伟').waitFor();
    const all = await run.t.http().get('/reports/monthly').query({ month: '2026-11', pageSize: 200 }).set(finance.auth);
    const numbers: string[] = all.body.items.map((row: { employeeNo: string }) => row.employeeNo).sort();
    const firstNo = () => page.locator('.fin-report-table .ant-table-row').first().locator('.ant-table-cell').first().textContent();
    expect(await firstNo()).toBe(numbers[0]);
    // Employee no. is sorted ascending at first; one click turns it round.
    await page.locator('.fin-report-table .ant-table-thead').getByText('工号', { exact: true }).click();
    for (let i = 0; i < 50 && (await firstNo()) !== numbers.at(-1); i += 1) await page.waitForTimeout(100);
    expect(await firstNo()).toBe(numbers.at(-1));

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 Excel/ }).click()]);
    expect(xlsx.suggestedFilename()).toBe('kaoqin-report-2026-11.xlsx');
    expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK');

    for (const [label, header] of [
      ['CSV（中文表头）', '工号'],
      ['CSV（英文表头）', 'Employee no'],
    ] as const) {
      await page.getByRole('button', { name: /下载 CSV/ }).hover();
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: label }).click()]);
      expect(csv.suggestedFilename()).toMatch(/^kaoqin-.*2026-11\.csv$/);
      const text = (await readFile(await csv.path())).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain(header);
      expect(text).toContain('张伟');
    }
    await context.close();
  });

  it('sets the policy in yuan, shows the service field errors beside the fields, and stores fen', async () => {
    const { page, context } = await open('desktop', 'zh-CN', 'finance/policy');
    const form = page.locator('.fin-policy-form');
    await form.getByLabel('生效月份', { exact: true }).fill('2026-11');
    await form.getByLabel('迟到（每次）', { exact: true }).fill('12.5');
    await form.getByLabel('严重迟到（每次）', { exact: true }).fill('30');
    await form.getByLabel('旷工（每天）', { exact: true }).fill('200.05');
    // Over the service's limit (1,000,000 yuan): its field error lands beside the field.
    await form.getByLabel('缺卡（每次）', { exact: true }).fill('2000000');
    await form.getByLabel('补卡（每次）', { exact: true }).fill('5');
    await form.getByLabel('全勤奖', { exact: true }).fill('300');
    // 劳动法第44条: an amount per paid hour of each kind of overtime.
    await form.getByLabel('工作日加班（每小时）', { exact: true }).fill('45');
    await form.getByLabel('休息日加班（每小时）', { exact: true }).fill('60');
    await form.getByLabel('法定节假日加班（每小时）', { exact: true }).fill('90');
    await form.getByRole('button', { name: '保存标准' }).click();
    await page.locator('.ant-form-item').filter({ hasText: '缺卡（每次）' }).locator('.ant-form-item-explain-error').waitFor();
    await checkPage(page, 'finance-policy-field-error-zh-CN', 'desktop');
    await form.getByLabel('缺卡（每次）', { exact: true }).fill('20');
    await form.getByRole('button', { name: '保存标准' }).click();
    await page.getByText('已保存，自 2026-11 起生效').waitFor();
    const stored = await run.t.http().get('/finance-policy').set(finance.auth);
    expect(stored.body.items.find((item: { effectiveMonth: string }) => item.effectiveMonth === '2026-11')).toEqual({
      effectiveMonth: '2026-11',
      lateFen: 1250,
      seriousLateFen: 3000,
      absenceDayFen: 20005,
      missingPunchFen: 2000,
      correctionFen: 500,
      fullAttendanceBonusFen: 30000,
      overtimeWorkdayHourFen: 4500,
      overtimeRestDayHourFen: 6000,
      overtimeHolidayHourFen: 9000,
    });
    await page.locator('.fin-card .ant-table-row').filter({ hasText: '2026-11' }).getByText('¥200.05').waitFor();
    await checkPage(page, 'finance-policy-saved-zh-CN', 'desktop');
    await context.close();
  });

  it('refuses to close a month that is not over and says why', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const { page, context } = await open('desktop', language, 'finance/months');
      const november = page.locator('.fin-months .ant-table-row').filter({ hasText: '2026-11' });
      await november.getByRole('button', { name: language === 'en' ? 'Close' : '结账' }).click();
      await page.getByRole('dialog').getByRole('button', { name: language === 'en' ? 'Close' : /^结\s?账$/ }).click();
      const refusal = page.locator('.fin-alert');
      await refusal.getByText(language === 'en' ? '2026-11 cannot be closed yet' : '2026-11 暂不能结账').waitFor();
      await refusal.getByText(language === 'en' ? /not over yet/ : '2026-11 还没结束，不能结账').waitFor();
      await checkPage(page, `finance-months-refused-${language}`, 'desktop');
      await context.close();
    }
    expect((await run.t.http().get('/months').set(finance.auth)).body.items.find((m: { month: string }) => m.month === '2026-11')?.state ?? 'open').toBe('open');
  });

  it('closes the month once it is over (with a confirmation), shows its SHA-256, and reopens it with a reason', async () => {
    // Tuesday 1 December, 10:00 in Shanghai: November is over and its last punch window has closed.
    now = new Date('2026-12-01T02:00:00Z');
    run.clock.set(now);
    await run.t.settle();
    const { page, context } = await open('desktop', 'zh-CN', 'finance/months');
    const november = page.locator('.fin-months .ant-table-row').filter({ hasText: '2026-11' });
    await november.getByRole('button', { name: '结账' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('结账后将保存当月报表快照', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: /^结\s?账$/ }).click();
    await page.getByText('2026-11 已结账').waitFor();
    const months = await run.t.http().get('/months').set(finance.auth);
    const closed = months.body.items.find((m: { month: string }) => m.month === '2026-11');
    expect(closed.state).toBe('closed');
    const sha256: string = closed.snapshots[0].sha256;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    await november.getByText(sha256).waitFor();
    const served = await run.t.http().get('/months/2026-11/report').set(finance.auth);
    expect(served.headers['x-content-sha256']).toBe(sha256);
    await november.getByRole('button', { name: '校验快照' }).click();
    await page.getByText('2026-11 快照校验一致').waitFor();
    await checkPage(page, 'finance-months-closed-zh-CN', 'desktop');

    await november.getByRole('button', { name: '重开' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^重\s?开$/ }).click();
    await dialog.getByText('请填写重开原因').waitFor();
    await checkPage(page, 'finance-months-reopen-zh-CN', 'desktop');
    await dialog.getByLabel('原因').fill('张伟的紧急事假补批');
    await dialog.getByRole('button', { name: /^重\s?开$/ }).click();
    await page.getByText('2026-11 已重开').waitFor();
    const reopened = (await run.t.http().get('/months').set(finance.auth)).body.items.find((m: { month: string }) => m.month === '2026-11');
    expect(reopened).toMatchObject({ state: 'open', snapshots: [{ sha256, reopenReason: '张伟的紧急事假补批' }] });
    // The history keeps the close and the reopen with its reason.
    await november.locator('.ant-table-row-expand-icon').click();
    await page.locator('.fin-history').getByText('张伟的紧急事假补批', { exact: false }).waitFor();
    await expectCount(page.locator('.fin-history li'), 1);
    await checkPage(page, 'finance-months-history-zh-CN', 'desktop');
    await context.close();
  });
});
