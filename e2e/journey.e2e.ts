import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { type CreatedStaff, DEFAULT_PASSWORD, loginAdmin, newStaff } from '../test/support/actors';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/**
 * The journey the console exists for (issue 14), across four people and four weeks: an employee
 * asks for leave a day ahead on her phone → her supervisor approves it → she sees it in her month
 * → finance sees it in the report, downloads the XLSX and closes the month.
 */
describe('From a leave request to a closed month (issue 14)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let employee: CreatedStaff;
  let supervisor: CreatedStaff;
  let finance: CreatedStaff;
  // Monday 9 November 2026, 09:00 in Shanghai.
  let now = new Date('2026-11-09T01:00:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    const admin = await loginAdmin(run.t);
    finance = await newStaff(run.t, admin, { name: '赵敏', employeeNo: 'F0101', roles: ['finance'], hiredOn: '2024-01-01' });
    supervisor = await newStaff(run.t, admin, { name: '李建国', employeeNo: 'S0101', hiredOn: '2024-03-01' });
    employee = await newStaff(run.t, admin, { name: '陈静', employeeNo: 'E0101', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  async function as(person: CreatedStaff, viewport: Viewport, path: string): Promise<Page> {
    const context = await newContext(browser, { now, viewport, language: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, person.username, DEFAULT_PASSWORD);
    await page.goto(`${run.baseUrl}/app/${path}`);
    return page;
  }

  async function moveTo(instant: string): Promise<void> {
    now = new Date(instant);
    run.clock.set(now);
    await run.t.settle();
  }

  it('the employee asks for leave a day ahead on her phone', async () => {
    const page = await as(employee, 'phone', 'leave');
    await page.locator('#type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '事假' }).first().click();
    await page.locator('#startDate').fill('2026-11-11');
    await page.locator('#endDate').fill('2026-11-11');
    await page.getByText('共 1 个工作日').waitFor();
    await page.getByText(/已提前申请/).waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('已提交，共 1 个工作日，等待主管审批').waitFor();
    await checkPage(page, 'journey-1-employee-asks', 'phone');
    await page.context().close();
  });

  it('her supervisor approves it from the inbox, seeing the covered day and her month', async () => {
    const page = await as(supervisor, 'desktop', 'approvals');
    const card = page.locator('.sup-card').filter({ hasText: '陈静' }).filter({ hasText: /事假/ });
    await card.locator('.sup-strip-day.covered').first().waitFor();
    await checkPage(page, 'journey-2-supervisor-inbox', 'desktop');
    await card.getByRole('button', { name: '批准' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^批\s?准$/ }).click();
    await page.getByText('已批准陈静的申请').waitFor();
    await page.context().close();
  });

  it('after the day, she sees it in her month as leave, with the reason why', async () => {
    await moveTo('2026-11-12T01:00:00Z');
    const page = await as(employee, 'phone', 'my-month?month=2026-11');
    const day = page.getByRole('button', { name: /11月11日/ });
    await day.click();
    await page.locator('.employee-day').getByText('事假', { exact: false }).first().waitFor();
    await checkPage(page, 'journey-3-employee-month', 'phone');
    await page.context().close();
  });

  it('when the month is over, finance sees the leave in the report, downloads the XLSX and closes the month', async () => {
    // Tuesday 1 December, 10:00 in Shanghai: November is over and its last punch window has closed.
    await moveTo('2026-12-01T02:00:00Z');
    const page = await as(finance, 'desktop', 'finance/report?month=2026-11');
    const row = page.locator('.fin-report-table .ant-table-row').filter({ hasText: '陈静' });
    await row.waitFor();
    const report = await run.t.http().get('/reports/monthly').query({ month: '2026-11', pageSize: 200 }).set(finance.auth).expect(200);
    const mine = report.body.items.find((item: { name: string }) => item.name === '陈静');
    expect(mine.leaveDays).toEqual(expect.objectContaining({ personal: 1 }));
    await checkPage(page, 'journey-4-finance-report', 'desktop');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 Excel/ }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await xlsx.path()) as string);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.goto(`${run.baseUrl}/app/finance/months`);
    const november = page.locator('.fin-months .ant-table-row').filter({ hasText: '2026-11' });
    await november.getByRole('button', { name: '结账' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^结\s?账$/ }).click();
    await page.getByText('2026-11 已结账').waitFor();
    const months = await run.t.http().get('/months').set(finance.auth).expect(200);
    const closed = months.body.items.find((item: { month: string }) => item.month === '2026-11');
    expect(closed.state).toBe('closed');
    await november.getByText(closed.snapshots[0].sha256).waitFor();
    await checkPage(page, 'journey-5-finance-closed', 'desktop');
    await page.context().close();
  });
});
