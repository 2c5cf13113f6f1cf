import type { Browser, Page } from 'playwright-core';
import { LeaveGrantSweeper } from '../src/leave-balance/leave-grant.sweeper';
import { loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/**
 * Leave balances in the console (issue 16). An employee with 11 years of service has 10 days of
 * statutory annual leave (条例 第三条): on a phone they see the balance card, open its ledger, ask
 * for two days and see what is left; a request over the balance shows the service's refusal above
 * the form. Finance reads the year-end statement on a desktop, a leaver marked with the leaving date.
 * Both languages.
 */
describe('Leave balances in the console (issue 16)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let admin: SignedIn;
  let employee: SignedIn;
  let finance: SignedIn;
  // Monday 30 November 2026, 08:20 in Shanghai.
  const now = new Date('2026-11-30T00:20:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    admin = await loginAdmin(run.t);
    employee = await newStaff(run.t, admin, { name: '李年假', hiredOn: '2020-01-01', workStartedOn: '2015-03-01' });
    finance = await newStaff(run.t, admin, { name: '财务张', roles: ['finance'], hiredOn: '2019-01-01' });
    // 9 years of service (5 days), left on 30 June: 181 ÷ 365 × 5 = 2.48, 2 days settled, none taken.
    const leaver = await newStaff(run.t, admin, { name: '周离职', hiredOn: '2018-01-01', workStartedOn: '2017-06-01' });
    await run.t.app.get(LeaveGrantSweeper).run();
    await run.t.http().post(`/staff/${leaver.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-06-30' }).expect(200);
    await run.t.app.get(LeaveGrantSweeper).run();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  async function open(who: SignedIn, viewport: Viewport, language: 'zh-CN' | 'en', path: string): Promise<Page> {
    const context = await newContext(browser, { now, viewport, language });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, who.username, 'password-123');
    await page.goto(`${run.baseUrl}/app/${path}`);
    return page;
  }

  async function pickLeaveType(page: Page, name: string) {
    await page.locator('#type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
  }

  it('shows the balance card and its ledger, the balance after a request, and the refusal of one over the balance (zh-CN, phone)', async () => {
    const page = await open(employee, 'phone', 'zh-CN', 'leave');
    const card = page.locator('.employee-balance-card');
    await card.getByRole('heading', { name: '我的假期余额' }).waitFor();
    const annual = card.locator('.balance-type').filter({ hasText: '年休假' });
    await annual.locator('.balance-available-number').getByText('10', { exact: true }).waitFor();
    await checkPage(page, 'leave-balance-card-zh-CN', 'phone');

    await annual.getByText('余额明细（1 条）').click();
    await annual.getByText('条例 第三条：全年 10 天').waitFor();
    await checkPage(page, 'leave-balance-ledger-zh-CN', 'phone');

    // Monday 7 and Tuesday 8 December: 2 working days of the 10.
    await pickLeaveType(page, '年休假');
    await page.getByText('年休假可用 10 天').waitFor();
    await page.locator('#startDate').fill('2026-12-07');
    await page.locator('#endDate').fill('2026-12-08');
    await page.getByText('共 2 个工作日').waitFor();
    await page.getByText('年休假可用 10 天，本次 2 天后剩余 8 天').waitFor();
    await checkPage(page, 'leave-balance-form-zh-CN', 'phone');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('已提交，共 2 个工作日，等待主管审批').waitFor();
    await annual.locator('.balance-available-number').getByText('8', { exact: true }).waitFor();
    await annual.locator('.balance-facts').getByText('待审批占用').waitFor();

    // 10 to 31 December: 22 working days, 8 left. The form warns; the service refuses and says why.
    await pickLeaveType(page, '年休假');
    await page.locator('#startDate').fill('2026-12-10');
    await page.locator('#endDate').fill('2026-12-31');
    await page.getByText('共 22 个工作日').waitFor();
    await page.getByText('年休假可用 8 天，本次需要 22 天，余额不足').waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('alert').getByText('假期余额不足：年休假可用 8 天，本次需要 22 天', { exact: true }).waitFor();
    await checkPage(page, 'leave-balance-refused-zh-CN', 'phone');

    const balances = (await run.t.http().get(`/leave-balances?staffId=${employee.id}&year=2026`).set(employee.auth).expect(200)).body as { types: { leaveType: string; available: number; reserved: number }[] };
    expect(balances.types.find((type) => type.leaveType === 'annual')).toMatchObject({ available: 8, reserved: 2 });
    await page.context().close();
  });

  it('shows the balance card, its ledger and the balance after in English (phone)', async () => {
    const page = await open(employee, 'phone', 'en', 'leave');
    const card = page.locator('.employee-balance-card');
    await card.getByRole('heading', { name: 'My leave balances' }).waitFor();
    const annual = card.locator('.balance-type').filter({ hasText: 'Annual leave' });
    await annual.locator('.balance-available-number').getByText('8', { exact: true }).waitFor();
    await annual.getByText('Ledger (2 entries)').click();
    await annual.getByText('Held by a request').waitFor();
    await checkPage(page, 'leave-balance-ledger-en', 'phone');

    await pickLeaveType(page, 'Annual leave');
    await page.locator('#startDate').fill('2026-12-14');
    await page.locator('#endDate').fill('2026-12-16');
    await page.getByText('8 day(s) of Annual leave available; 5 left after these 3').waitFor();
    await checkPage(page, 'leave-balance-form-en', 'phone');
    await page.locator('#endDate').fill('2026-12-31');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('alert').getByText('Not enough leave left: 8 day(s) of Annual leave available, 18 needed', { exact: true }).waitFor();
    await checkPage(page, 'leave-balance-refused-en', 'phone');
    await page.context().close();
  });

  it('finance sees the annual leave left at the month\'s end in the monthly report (desktop, both languages)', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const page = await open(finance, 'desktop', language, 'finance/report?month=2026-11');
      const table = page.locator('.fin-report-table');
      await table.locator('.ant-table-thead').getByText(language === 'en' ? 'Annual leave left' : '年休假剩余', { exact: true }).waitFor();
      // 10 granted; the 2 days asked for in December are pending and in December, so November still shows 10.
      await table.locator('.ant-table-row').filter({ hasText: '李年假' }).locator('[data-measure="annualLeaveRemainingDays"]').filter({ hasText: /^10$/ }).waitFor();
      await page.context().close();
    }
  });

  it('finance reads the year-end statement, the leaver marked with the leaving date (desktop, both languages)', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const page = await open(finance, 'desktop', language, 'finance/leave-statement');
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Annual leave statement' : '年休假结算' }).waitFor();
      await page.getByRole('menuitem', { name: language === 'en' ? 'Leave statement' : '年休假结算' }).waitFor();
      const rows = page.locator('.fin-statement .ant-table-row');
      const leaverRow = rows.filter({ hasText: '周离职' });
      await leaverRow.locator('.status-tag').filter({ hasText: language === 'en' ? 'Left Jun 30, 2026' : '2026年6月30日 离职' }).waitFor();
      await rows.filter({ hasText: '李年假' }).getByText('300%').waitFor();
      await checkPage(page, `leave-statement-${language}`, 'desktop');
      await page.context().close();
    }
  });
});
