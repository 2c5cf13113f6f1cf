import type { Browser, Page } from 'playwright-core';
import { LeaveGrantSweeper } from '../src/leave-balance/leave-grant.sweeper';
import { loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { LieuDays } from '../test/support/lieu';
import { ADMIN_PASSWORD } from '../test/support/test-app';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/**
 * Leave balances in the console (issue 16). An employee with 11 years of service has 10 days of
 * statutory annual leave (条例 第三条): on a phone they see the balance card, open its ledger, ask
 * for two days and see what is left; a request over the balance shows the service's refusal above
 * the form. Finance reads the year-end statement on a desktop, a leaver marked with the leaving date.
 * The office gives a leave type a yearly allowance from a date, changes the carry-over, reads the
 * grant sweep's runs and adjusts the employee's annual leave with a reason; finance changes the
 * carry-over too. Both languages.
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
    await signIn(page, run.baseUrl, who.username, who === admin ? ADMIN_PASSWORD : 'password-123');
    await page.goto(`${run.baseUrl}/app/${path}`);
    return page;
  }

  /** antd writes a two-character Chinese button as 保 存: the name matches with or without the space. */
  const cjk = (name: string) => new RegExp(`^${[...name].join('\\s?')}$`);
  /** The form dialog that is open now. */
  const dialog = (page: Page) => page.locator('.ant-modal').filter({ has: page.locator('form') });
  const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text).waitFor();
  const fieldError = (page: Page, id: string) => dialog(page).locator('.ant-form-item-has-error').filter({ has: page.locator(`#${id}`) }).locator('.ant-form-item-explain-error');
  async function pickOption(page: Page, select: string, option: string) {
    await page.locator(select).click();
    await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
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

  it('the office gives a type a yearly allowance from a date, changes the carry-over and reads the grant runs (zh-CN, desktop)', async () => {
    const page = await open(admin, 'desktop', 'zh-CN', 'admin/leave-types');
    await page.getByRole('heading', { level: 1, name: '假期类型' }).waitFor();
    const types = page.locator('.admin-page > .admin-table');
    await types.locator('.ant-table-row').filter({ hasText: 'annual' }).getByText('法定年休假，不可透支').waitFor();
    await types.locator('.ant-table-row').filter({ hasText: 'sick' }).getByText('不计余额').waitFor();

    // 病假 gets 5 days a year from 1 January 2027; 2.3 days first, not in halves, refused beside the field.
    await page.getByRole('button', { name: '修改病假的额度规则' }).click();
    await dialog(page).locator('#effectiveFrom').fill('2027-01-01');
    await dialog(page).getByRole('radio', { name: '每年固定天数' }).check();
    await dialog(page).locator('#days').fill('2.3');
    await dialog(page).getByRole('button', { name: cjk('保存') }).click();
    await fieldError(page, 'days').getByText('days 必须大于 0、不超过 365，以半天为单位').waitFor();
    await checkPage(page, 'admin-allowance-error-zh-CN', 'desktop');
    await dialog(page).locator('#days').fill('5');
    await dialog(page).getByRole('button', { name: cjk('保存') }).click();
    await toast(page, '已保存，自 2027-01-01 起生效');
    const sick = types.locator('.ant-table-row').filter({ hasText: 'sick' });
    await sick.getByRole('button', { name: '展开行' }).click();
    const versions = types.locator('.ant-table-expanded-row');
    await versions.locator('.ant-table-row').filter({ hasText: '2027-01-01' }).filter({ hasText: '待生效' }).getByText('每年 5 天，不可透支').waitFor();
    const settings = (await run.t.http().get('/leave-balances/settings').set(admin.auth).expect(200)).body as { rules: { leaveType: string; versions: { effectiveFrom: string; kind: string; days: number | null }[] }[] };
    expect(settings.rules.find((rules) => rules.leaveType === 'sick')?.versions).toEqual([expect.objectContaining({ effectiveFrom: '2027-01-01', kind: 'per_year', days: 5, allowNegative: false })]);

    // Carry-over: up to 5 days into the next year, expiring on 31 March; a date not written MM-DD first.
    const carry = page.locator('.admin-carry-over');
    await carry.getByText('不结转：未休天数在年末失效').first().waitFor();
    await carry.getByRole('button', { name: '从某日起修改结转' }).click();
    await dialog(page).locator('#maxDays').fill('5');
    await dialog(page).locator('#expiresOn').fill('3-31');
    await dialog(page).getByRole('button', { name: cjk('保存') }).click();
    await fieldError(page, 'expiresOn').getByText('请按“月-日”填写，例如 03-31').waitFor();
    await dialog(page).locator('#expiresOn').fill('03-31');
    await dialog(page).getByRole('button', { name: cjk('保存') }).click();
    await toast(page, '已保存，自 2026-12-01 起生效');
    await carry.locator('.ant-descriptions').getByText('最多结转 5 天，次年 03-31 到期').waitFor();

    // The sweep's runs, newest first: the first one granted the year's annual leave.
    const runs = page.locator('.admin-grant-runs');
    const first = runs.locator('.ant-table-row').last();
    await first.getByText('完成').waitFor();
    await first.getByRole('button', { name: '展开行' }).click();
    await runs.locator('.admin-run-detail .ant-table-row').filter({ hasText: '年休假' }).filter({ hasText: '发放' }).first().waitFor();
    await checkPage(page, 'admin-leave-balance-settings-zh-CN', 'desktop');
    await page.context().close();
  });

  it("the office adjusts a person's annual leave with a reason; a refusal is shown beside the days (zh-CN, desktop)", async () => {
    const page = await open(admin, 'desktop', 'zh-CN', `office/staff/${employee.id}`);
    await page.getByRole('heading', { level: 1, name: '李年假' }).waitFor();
    const section = page.locator('.office-balances');
    await section.getByRole('heading', { name: '假期余额' }).waitFor();
    const annual = section.locator('.balance-type').filter({ hasText: '年休假' });
    await annual.locator('.balance-available-number').getByText('8', { exact: true }).waitFor();

    // Taking 20 days away would go below zero, which the statutory rule forbids.
    await section.getByRole('button', { name: '调整余额' }).click();
    await dialog(page).locator('.ant-select').getByText('年休假').waitFor();
    await dialog(page).locator('#days').fill('-20');
    await dialog(page).locator('#reason').fill('核对旧表');
    await dialog(page).getByRole('button', { name: '确认调整' }).click();
    await fieldError(page, 'days').getByText('假期余额不足：年休假可用 8 天，本次需要 20 天').waitFor();
    await checkPage(page, 'office-balance-refused-zh-CN', 'desktop');

    // One and a half days given back, with the reason; the card and its ledger follow.
    await dialog(page).locator('#days').fill('1.5');
    await dialog(page).locator('#reason').fill('11 月大促加班调休，旧表漏记');
    await dialog(page).getByRole('button', { name: '确认调整' }).click();
    await toast(page, '已调整，年休假现可用 9.5 天');
    await annual.locator('.balance-available-number').getByText('9.5', { exact: true }).waitFor();
    await annual.locator('.balance-facts').getByText('+1.5').waitFor();
    await annual.getByText('余额明细（3 条）').click();
    await annual.locator('.balance-entry').filter({ hasText: '行政调整' }).getByText('11 月大促加班调休，旧表漏记').waitFor();
    await checkPage(page, 'office-balances-zh-CN', 'desktop');

    // Next year: the annual leave and the sick leave's new yearly allowance, nothing granted yet.
    await pickOption(page, '.office-balances .balance-year', '2027 年');
    await section.locator('.balance-type').filter({ hasText: '病假' }).getByText('2027 年的额度在到期时发放（如 1 月 1 日、入职日）').waitFor();

    const balances = (await run.t.http().get(`/leave-balances?staffId=${employee.id}&year=2026`).set(admin.auth).expect(200)).body as { types: { leaveType: string; available: number; adjusted: number; entries: { kind: string; reason: string | null }[] }[] };
    const kept = balances.types.find((type) => type.leaveType === 'annual');
    expect(kept).toMatchObject({ available: 9.5, adjusted: 1.5 });
    expect(kept?.entries.filter((entry) => entry.kind === 'adjustment').map((entry) => entry.reason)).toEqual(['11 月大促加班调休，旧表漏记']);
    await page.context().close();
  });

  it("the office adjusts in English on a phone; a closed month's date is refused beside the date", async () => {
    await run.t.http().post('/months/2026-10/close').set(finance.auth).expect(200);
    const page = await open(admin, 'phone', 'en', `office/staff/${employee.id}`);
    const section = page.locator('.office-balances');
    await section.getByRole('heading', { name: 'Leave balances' }).waitFor();
    const annual = section.locator('.balance-type').filter({ hasText: 'Annual leave' });
    await annual.locator('.balance-available-number').getByText('9.5', { exact: true }).waitFor();
    await checkPage(page, 'office-balances-en', 'phone');

    await section.getByRole('button', { name: 'Adjust balance' }).click();
    await dialog(page).locator('#days').fill('-0.5');
    await dialog(page).locator('#date').fill('2026-10-15');
    await dialog(page).locator('#reason').fill('Half day taken in October, not in the old sheet');
    await dialog(page).getByRole('button', { name: 'Adjust', exact: true }).click();
    await fieldError(page, 'date').getByText('Finance has closed 2026-10: its days can no longer change').waitFor();
    await checkPage(page, 'office-balance-adjust-en', 'phone');
    await dialog(page).locator('#date').fill('2026-11-30');
    await dialog(page).getByRole('button', { name: 'Adjust', exact: true }).click();
    await toast(page, 'Adjusted: 9 day(s) of Annual leave available now');
    await annual.locator('.balance-available-number').getByText('9', { exact: true }).waitFor();

    // The leave types page at phone width, in English, with the allowance form open.
    await page.goto(`${run.baseUrl}/app/admin/leave-types`);
    await page.getByRole('heading', { level: 1, name: 'Leave types' }).waitFor();
    await page.locator('.admin-page > .admin-table .ant-table-row').filter({ hasText: 'annual' }).getByText('Statutory annual leave; not below zero').waitFor();
    await page.locator('.admin-carry-over .ant-descriptions').getByText('Up to 5 day(s) carried, expiring on 03-31 of the next year').waitFor();
    await checkPage(page, 'admin-leave-balance-settings-en', 'phone');
    await page.getByRole('button', { name: 'Change the allowance of Annual leave' }).click();
    await dialog(page).getByRole('radio', { name: 'Statutory annual leave (5, 10 or 15 days a year by years of service)' }).waitFor();
    await checkPage(page, 'admin-allowance-form-en', 'phone');
    await page.context().close();
  });

  it('finance changes the carry-over beside the statement (en desktop, zh-CN phone)', async () => {
    const en = await open(finance, 'desktop', 'en', 'finance/leave-statement');
    const carry = en.locator('.admin-carry-over');
    await carry.locator('.ant-descriptions').getByText('Up to 5 day(s) carried, expiring on 03-31 of the next year').waitFor();
    await carry.getByRole('button', { name: 'Change from a date' }).click();
    await dialog(en).locator('#effectiveFrom').fill('2026-12-31');
    await dialog(en).locator('#maxDays').fill('0');
    await dialog(en).locator('#expiresOn').waitFor({ state: 'detached' });
    await dialog(en).getByRole('button', { name: 'Save' }).click();
    await toast(en, 'Saved; applies from 2026-12-31');
    await carry.locator('.ant-descriptions').getByText('None: unused days lapse at the end of the year').waitFor();
    await en.locator('.admin-grant-runs .ant-table-row').first().waitFor();
    await checkPage(en, 'leave-statement-settings-en', 'desktop');
    await en.context().close();

    const zh = await open(finance, 'phone', 'zh-CN', 'finance/leave-statement');
    const carryZh = zh.locator('.admin-carry-over');
    await carryZh.getByRole('button', { name: '从某日起修改结转' }).click();
    await dialog(zh).locator('#effectiveFrom').fill('2026-12-31');
    await dialog(zh).locator('#maxDays').fill('3');
    await dialog(zh).locator('#expiresOn').fill('06-30');
    await dialog(zh).getByRole('button', { name: cjk('保存') }).click();
    await toast(zh, '已保存，自 2026-12-31 起生效');
    await carryZh.locator('.ant-descriptions').getByText('最多结转 3 天，次年 06-30 到期').waitFor();
    await checkPage(zh, 'leave-statement-settings-zh-CN', 'phone');
    await zh.context().close();
    const settings = (await run.t.http().get('/leave-balances/settings').set(finance.auth).expect(200)).body as { carryOver: { current: unknown; versions: { effectiveFrom: string }[] } };
    expect(settings.carryOver.current).toEqual({ effectiveFrom: '2026-12-31', maxDays: 3, expiresOn: '06-30' });
  });

  it('the employee picks the year of their balance card (zh-CN, phone)', async () => {
    const page = await open(employee, 'phone', 'zh-CN', 'leave');
    const card = page.locator('.employee-balance-card');
    await card.locator('.balance-type').filter({ hasText: '年休假' }).locator('.balance-available-number').getByText('9', { exact: true }).waitFor();
    await pickOption(page, '.employee-balance-card .balance-year', '2027 年');
    await card.locator('.balance-type').filter({ hasText: '病假' }).getByText('2027 年的额度在到期时发放（如 1 月 1 日、入职日）').waitFor();
    await checkPage(page, 'leave-balance-next-year-zh-CN', 'phone');
    await pickOption(page, '.employee-balance-card .balance-year', '2025 年');
    await card.getByText('2025 年没有需要计算余额的假期类型').waitFor();
    await page.context().close();
  });

  // Last: it makes Saturdays rest days from September on (the company works every day until then).
  it('time off in lieu (调休, issue 22): the card in hours with its grants, a morning asked in hours, the office and the rule (zh-CN phone, en desktop)', async () => {
    // From November: October is closed by the journey above, and a closed month's rules do not change.
    await run.t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-01', workWeek: [1, 2, 3, 4, 5] }).expect(200);
    const worker = await newStaff(run.t, admin, { name: '王调休', hiredOn: '2025-01-01' });
    // Set on the judged days (the path from an overtime request is test/overtime/overtime-lieu.spec.ts):
    // 8 h on Saturday 7 November and 4.5 h on Saturday 14 November, taken back as 调休.
    const lieu = new LieuDays(run.t);
    await lieu.earn(worker.id, '2026-11-07', 480);
    await lieu.earn(worker.id, '2026-11-14', 270);

    const page = await open(worker, 'phone', 'zh-CN', 'leave');
    const card = page.locator('.employee-balance-card').locator('.balance-type').filter({ hasText: '调休' });
    await card.locator('.balance-available-number').getByText('12.5', { exact: true }).waitFor();
    await card.getByText('小时可用').waitFor();
    await card.getByText('调休明细（2 笔），先获得的先用').click();
    await card.locator('.balance-lot').filter({ hasText: '休息日加班' }).filter({ hasText: '+8' }).getByText(/有效期至/).waitFor();
    await checkPage(page, 'leave-balance-lieu-card-zh-CN', 'phone');

    // Monday 7 December, the morning: the first office session, 3.5 h.
    await pickLeaveType(page, '调休');
    await page.getByText('今日可用调休 12.5 小时').waitFor();
    await page.locator('#startDate').fill('2026-12-07');
    await page.locator('#endDate').fill('2026-12-07');
    await page.locator('.employee-form').getByText('上午止', { exact: true }).click();
    await page.getByText('今日可用调休 12.5 小时，本次需 3.5 小时，剩余 9 小时（每笔调休只能用于到期日前的日期）').waitFor();
    await checkPage(page, 'leave-balance-lieu-form-zh-CN', 'phone');
    await page.getByRole('button', { name: '提交申请' }).click();
    await card.locator('.balance-available-number').getByText('9', { exact: true }).waitFor();
    await page.context().close();
    const body = (await run.t.http().get(`/leave-balances?staffId=${worker.id}&year=2026`).set(worker.auth).expect(200)).body as { lieu: { availableHours: number; reservedHours: number } };
    expect(body.lieu).toMatchObject({ availableHours: 9, reservedHours: 3.5 });

    // The office reads it in English on the person's page; the 调休 rule on the leave types page.
    const office = await open(admin, 'desktop', 'en', `office/staff/${worker.id}`);
    const lieuCard = office.locator('.office-balances .balance-type').filter({ hasText: 'Time off in lieu' });
    await lieuCard.getByText('hours available').waitFor();
    await lieuCard.locator('.balance-available-number').getByText('9', { exact: true }).waitFor();
    await lieuCard.getByText('Grants (2), oldest used first').click();
    await lieuCard.locator('.balance-lot').filter({ hasText: 'Rest-day overtime' }).first().getByText('Used 0 h · pending 3.5 h · left 4.5 h').waitFor();
    await checkPage(office, 'office-balances-lieu-en', 'desktop');
    await office.goto(`${run.baseUrl}/app/admin/leave-types`);
    await office.locator('.admin-page > .admin-table .ant-table-row').filter({ hasText: 'lieu' }).getByText('Hours of rest-day overtime, each grant valid 90 day(s) after it was earned; not below zero').waitFor();
    await office.getByRole('button', { name: 'Change the allowance of Time off in lieu' }).click();
    await dialog(office).locator('#expiresAfterDays').waitFor();
    await checkPage(office, 'admin-allowance-lieu-form-en', 'desktop');
    await office.context().close();
  });
});
