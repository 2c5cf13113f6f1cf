import type { Browser, Locator, Page } from 'playwright-core';
import { type CreatedStaff, DEFAULT_PASSWORD, loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/**
 * Make-up punches in the console (补卡, issue 17). Today is Friday 27 November 2026, 10:00 in
 * Shanghai; the office shift 08:30–12:00 + 13:00–17:30, 7 days back (21–27 November), 3 requests a
 * month. 王芳 clocked in but never out on 24, 25 and 21 November: each day an absence (H-ATT-6).
 * On a phone she asks from her month's day (zh-CN), her supervisor approves on a desktop, and she
 * sees the day present; a request sent once the deadline has passed is refused in the service's
 * sentence; the office files one and cancels another; the employee and supervisor steps in English.
 */
describe('Make-up punches in the console (issue 17)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let admin: SignedIn;
  let office: CreatedStaff;
  let supervisor: CreatedStaff;
  let wang: CreatedStaff;
  const now = new Date('2026-11-27T02:00:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    admin = await loginAdmin(run.t);
    office = await newStaff(run.t, admin, { name: '周行政', employeeNo: 'A3001', roles: ['admin'], hiredOn: '2023-01-01' });
    supervisor = await newStaff(run.t, admin, { name: '李建国', employeeNo: 'S3001', hiredOn: '2024-03-01' });
    wang = await newStaff(run.t, admin, { name: '王芳', employeeNo: 'E3001', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
    const clockIns = ['2026-11-21T08:24:00+08:00', '2026-11-24T08:20:00+08:00', '2026-11-25T08:25:00+08:00'].map((at) => ({ employeeNo: 'E3001', at }));
    await run.t.http().post('/punches/batch').set(admin.auth).send({ punches: clockIns }).expect(200);
    await run.t.settle();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  const open = async (who: SignedIn, viewport: Viewport, language: 'zh-CN' | 'en', path: string): Promise<Page> => {
    const context = await newContext(browser, { now, viewport, language });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, who.username, DEFAULT_PASSWORD);
    await page.goto(`${run.baseUrl}/app/${path}`);
    return page;
  };
  const dayStatus = async (date: string) => {
    const month = await run.t.http().get('/attendance').query({ month: date.slice(0, 7), staffId: wang.id }).set(admin.auth).expect(200);
    return (month.body.days as { date: string; status: string }[]).find((day) => day.date === date)!.status;
  };
  const correctionOf = async (date: string) => {
    const list = await run.t.http().get('/punch-corrections').query({ staffId: wang.id }).set(admin.auth).expect(200);
    return (list.body.items as { id: string; date: string; status: string }[]).find((item) => item.date === date && item.status !== 'withdrawn')!;
  };
  const pickDay = async (page: Page, label: string) => {
    await page.locator('#date').click();
    await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  };
  const inboxCard = (page: Page, kind: RegExp): Locator => page.locator('.sup-card').filter({ hasText: '王芳' }).filter({ hasText: kind });

  it('asks from the day of her month for the missing clock-out, seeing the day now and what it becomes (zh-CN, phone)', async () => {
    const page = await open(wang, 'phone', 'zh-CN', 'my-month?month=2026-11');
    await page.getByRole('button', { name: /11月25日.*旷工/ }).click();
    const link = page.getByRole('link', { name: '下班打卡（第 2 时段）缺卡，申请补卡' });
    await link.waitFor();
    await checkPage(page, 'correction-day-link-zh-CN', 'phone');
    await link.click();

    await page.getByRole('heading', { level: 1, name: '补卡申请' }).waitFor();
    await page.getByText('11月还可补卡 3 次（每月 3 次）').waitFor();
    // Prefilled from the link: the day, its result now, and its one missing punch chosen.
    const now = page.locator('.corr-now');
    await now.getByText('旷工').waitFor();
    expect(await page.getByRole('radio', { name: /下班打卡（第 2 时段）/ }).isChecked()).toBe(true);
    await page.locator('#time').fill('17:35');
    await page.locator('#reason').fill('忘记打下班卡，17:35 与店长一起离开');
    await checkPage(page, 'correction-form-zh-CN', 'phone');
    await page.getByRole('button', { name: '提交补卡申请' }).click();
    await page.getByText('当天现在为「旷工」，批准后将为「出勤」').waitFor();
    await page.getByText('所补日期当月还可补卡 2 次').waitFor();
    const mine = page.locator('.employee-list-card');
    await mine.getByText('待审批').waitFor();
    await checkPage(page, 'correction-sent-zh-CN', 'phone');

    await mine.getByRole('button', { name: /下班打卡（第 2 时段）\s*17:35/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('忘记打下班卡，17:35 与店长一起离开').waitFor();
    await drawer.getByRole('button', { name: '撤回申请' }).waitFor();
    await checkPage(page, 'correction-detail-zh-CN', 'phone');
    expect((await correctionOf('2026-11-25')).status).toBe('pending');
    await page.context().close();
  });

  it('the supervisor sees the claimed punch and the day now beside her month, and approves with a comment (zh-CN, desktop and phone)', async () => {
    const phone = await open(supervisor, 'phone', 'zh-CN', 'approvals');
    await inboxCard(phone, /补卡/).getByText('补上 17:35 的下班打卡（第 2 时段），当天重新计算').waitFor();
    await checkPage(phone, 'correction-inbox-zh-CN', 'phone');
    await phone.context().close();

    const page = await open(supervisor, 'desktop', 'zh-CN', 'approvals');
    const card = inboxCard(page, /补卡/);
    await card.getByText('11月25日', { exact: false }).first().waitFor();
    await card.locator('.sup-card-facts .status-tag').filter({ hasText: '旷工' }).waitFor();
    await card.locator('.sup-strip-day.covered').waitFor();
    await checkPage(page, 'correction-inbox-zh-CN', 'desktop');
    await card.getByRole('button', { name: '批准' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('意见').fill('我看到她 17:35 离开');
    await dialog.getByRole('button', { name: /^批\s?准$/ }).click();
    await page.getByText('已批准王芳的申请').waitFor();
    await card.waitFor({ state: 'detached' });
    expect(await dayStatus('2026-11-25')).toBe('present');
    await page.context().close();
  });

  it('she sees the day present, the sentence saying the punch comes from the approved request (zh-CN, phone)', async () => {
    const page = await open(wang, 'phone', 'zh-CN', 'my-month?month=2026-11');
    await page.getByRole('button', { name: /11月25日.*出勤/ }).click();
    const day = page.locator('.employee-day');
    await day.getByText('17:35', { exact: true }).waitFor();
    await day.locator('.explanation li').filter({ hasText: 'H-ATT-7：17:35 的打卡来自已批准的补卡申请：王芳 申请，李建国批准' }).waitFor();
    expect(await page.getByRole('link', { name: /申请补卡/ }).count()).toBe(0);
    await checkPage(page, 'correction-day-present-zh-CN', 'phone');
    await page.goto(`${run.baseUrl}/app/corrections`);
    await page.locator('.employee-list-card').getByText('已批准').waitFor();
    await page.context().close();
  });

  it('refuses, in the service sentence, a request sent after its day has passed the deadline (zh-CN, phone)', async () => {
    const page = await open(wang, 'phone', 'zh-CN', 'corrections');
    await pickDay(page, '11月21日');
    expect(await page.getByRole('radio', { name: /下班打卡（第 2 时段）/ }).isChecked()).toBe(true);
    await page.locator('#time').fill('17:40');
    await page.locator('#reason').fill('考勤机当天故障');
    // Midnight passes while the form is open: 21 November is now eight days back.
    run.clock.set('2026-11-28T02:00:00Z');
    try {
      await page.getByRole('button', { name: '提交补卡申请' }).click();
      await page.getByRole('alert').getByText('已超过补卡期限：只能补 2026-11-22 及以后的日期（含当天共 7 天）', { exact: true }).waitFor();
      await checkPage(page, 'correction-too-old-zh-CN', 'phone');
    } finally {
      run.clock.set(now);
    }
    expect((await run.t.http().get('/punch-corrections').query({ staffId: wang.id }).set(admin.auth).expect(200)).body.total).toBe(1);
    await page.context().close();
  });

  it('asks and is approved in English (employee on a phone, supervisor on a desktop)', async () => {
    const page = await open(wang, 'phone', 'en', 'corrections');
    await page.getByRole('heading', { level: 1, name: 'Make-up punches' }).waitFor();
    await page.getByText('November: 2 of 3 requests left').waitFor();
    await pickDay(page, 'Nov 24');
    await page.locator('.corr-now').getByText('Absent').waitFor();
    await page.locator('#time').fill('17:32');
    await page.locator('#reason').fill('Forgot to clock out after the stock count');
    await checkPage(page, 'correction-form-en', 'phone');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('The day is Absent now; approved, it becomes Present').waitFor();
    await checkPage(page, 'correction-sent-en', 'phone');
    await page.context().close();

    const desk = await open(supervisor, 'desktop', 'en', 'approvals');
    const card = inboxCard(desk, /Make-up punch/).filter({ hasText: 'Nov 24' });
    await card.getByText('Adds the punch “Clock-out (session 2)” at 17:32 and judges the day again').waitFor();
    await checkPage(desk, 'correction-inbox-en', 'desktop');
    await card.getByRole('button', { name: 'Approve' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
    await desk.context().close();

    const again = await open(wang, 'phone', 'en', 'my-month?month=2026-11');
    await again.getByRole('button', { name: /November 24.*Present/ }).click();
    await again.locator('.employee-day .explanation li').filter({ hasText: 'from an approved make-up punch request' }).waitFor();
    await checkPage(again, 'correction-day-present-en', 'phone');
    await again.context().close();
  });

  it('the office files one and cancels another with a reason, which voids its punch (zh-CN desktop, phone and English)', async () => {
    const page = await open(office, 'desktop', 'zh-CN', 'admin/requests?tab=corrections');
    const rows = page.locator('.ant-table-row');
    const the25th = rows.filter({ hasText: '2026-11-25' });
    const the24th = rows.filter({ hasText: '2026-11-24' });
    await the25th.getByRole('button', { name: /^备\s?案$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^备\s?案$/ }).click();
    await the25th.locator('.status-tag').filter({ hasText: '已备案' }).waitFor();

    await the24th.getByRole('button', { name: /^作\s?废$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^作\s?废$/ }).click();
    await dialog.getByText('请写明原因（至少 3 个字）').waitFor();
    await dialog.getByLabel('作废原因').fill('监控显示 16:10 已离开');
    await checkPage(page, 'correction-office-cancel-zh-CN', 'desktop');
    await dialog.getByRole('button', { name: /^作\s?废$/ }).click();
    await page.getByText('已作废，当天已重新计算').waitFor();
    await the24th.locator('.status-tag').filter({ hasText: '已作废' }).waitFor();
    expect(await dayStatus('2026-11-24')).toBe('absent');
    expect(await dayStatus('2026-11-25')).toBe('present');
    await checkPage(page, 'correction-office-zh-CN', 'desktop');
    await page.context().close();

    for (const [viewport, language] of [
      ['phone', 'zh-CN'],
      ['desktop', 'en'],
    ] as const) {
      const view = await open(office, viewport, language, 'admin/requests?tab=corrections');
      await view.locator('.ant-table-row').filter({ hasText: '2026-11-24' }).locator('.status-tag').filter({ hasText: language === 'en' ? 'Cancelled' : '已作废' }).waitFor();
      await checkPage(view, `correction-office-${language}`, viewport);
      await view.context().close();
    }
  });

  it("finance's report counts the approved make-up punches and the grid marks the corrected day (desktop)", async () => {
    const page = await open(office, 'desktop', 'zh-CN', 'finance/report?month=2026-11');
    const row = page.locator('.fin-report-table .ant-table-row').filter({ hasText: '王芳' });
    await row.waitFor();
    // 25 November approved and filed; 24 November cancelled by the office, so it no longer counts.
    expect(await row.locator('[data-measure="correctionCount"]').textContent()).toBe('1');
    await page.getByRole('tab', { name: '考勤表' }).click();
    await page.locator('.fin-grid-legend').getByText('经补卡更正（如 √补）').waitFor();
    await page.locator('.fin-grid .ant-table-row').filter({ hasText: '王芳' }).locator('.fin-grid-code').filter({ hasText: '√补' }).waitFor();
    await checkPage(page, 'correction-report-grid-zh-CN', 'desktop');
    await page.context().close();
  });
});
