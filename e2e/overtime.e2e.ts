import type { Browser, Locator, Page } from 'playwright-core';
import { type CreatedStaff, DEFAULT_PASSWORD, loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { launchBrowser, openAs, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/**
 * Overtime in the console (加班, issue 22; 劳动法第41/44条). Today is Friday 27 November 2026, 10:00
 * in Shanghai; the office shift 08:30–12:00 + 13:00–17:30 from Monday to Friday (the work week set
 * from 1 November), Sunday 29 November a company holiday; the caps 3 h a working day and 36 h a month,
 * requests afterwards within 7 days. 王芳 asks on a phone for the evening of the 27th (a working day,
 * 150%) and for Saturday the 28th with time off in lieu (200%, the only day type offering it); a
 * working-day window beyond 3 h is refused beside its end in the service's sentence. Her supervisor
 * approves on a desktop; the office files one, cancels another with a reason, and files one for her
 * beyond the cap with a recorded reason; the settings page lowers the daily cap to 1 h, and the
 * office, approving in the supervisor's place a request now beyond it, gives the reason. Both languages.
 */
describe('Overtime in the console (issue 22)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let admin: SignedIn;
  let office: CreatedStaff;
  let supervisor: CreatedStaff;
  let wang: CreatedStaff;
  let alone: CreatedStaff;
  const now = new Date('2026-11-27T02:00:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    admin = await loginAdmin(run.t);
    office = await newStaff(run.t, admin, { name: '周行政', employeeNo: 'A4001', roles: ['admin'], hiredOn: '2023-01-01' });
    supervisor = await newStaff(run.t, admin, { name: '李建国', employeeNo: 'S4001', hiredOn: '2024-03-01' });
    wang = await newStaff(run.t, admin, { name: '王芳', employeeNo: 'E4001', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
    await run.t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-01', workWeek: [1, 2, 3, 4, 5] }).expect(200);
    // Without a supervisor: the administrators decide (H-ORG-3).
    alone = await newStaff(run.t, admin, { name: '赵磊', employeeNo: 'E4002', hiredOn: '2025-06-01' });
    await run.t.http().post('/overtime-requests').set(alone.auth).send({ date: '2026-11-25', start: '18:00', end: '19:30', reason: '月末盘点' }).expect(201);
    await run.t.http().put('/calendar/2026-11-29').set(admin.auth).send({ kind: 'holiday', name: '公司庆典' }).expect(200);
    await run.t.settle();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  const open = (who: SignedIn, viewport: Viewport, language: 'zh-CN' | 'en', path: string): Promise<Page> =>
    openAs(browser, run.baseUrl, { username: who.username, password: DEFAULT_PASSWORD }, { now, viewport, language, path });
  const requests = async () => {
    const list = await run.t.http().get('/overtime-requests').query({ staffId: wang.id }).set(admin.auth).expect(200);
    return list.body.items as { id: string; date: string; status: string; compensation: string; dayKind: string; capOverrideReason: string | null; cancelReason: string | null }[];
  };
  const fill = async (page: Page, date: string, start: string, end: string, reason: string) => {
    await page.locator('#date').fill(date);
    await page.locator('#start').fill(start);
    await page.locator('#end').fill(end);
    await page.locator('#reason').fill(reason);
  };
  const inboxCard = (page: Page, day: RegExp): Locator => page.locator('.sup-card').filter({ hasText: '王芳' }).filter({ hasText: day });

  it('asks for a working-day evening on a phone, seeing the day type, its rate and the month against the cap; a window beyond 3 h is refused beside its end (zh-CN)', async () => {
    const page = await open(wang, 'phone', 'zh-CN', 'overtime');
    await page.getByRole('heading', { level: 1, name: '加班申请' }).waitFor();
    await fill(page, '2026-11-26', '18:00', '22:00', '双十一售后工单积压');
    await page.locator('.ot-day').getByText('工作日加班 · 150%').waitFor();
    await page.getByText('11月已申请加班 0 小时，上限 36 小时，还可申请 36 小时').waitFor();
    // Time off in lieu is offered only for a rest day (劳动法第44条).
    expect(await page.getByRole('radio', { name: '调休' }).count()).toBe(0);
    await page.getByRole('button', { name: '提交加班申请' }).click();
    await page.getByRole('alert').getByText('超出加班上限（上限 180 分钟，还剩 180 分钟）（劳动法第41条）').waitFor();
    // Beside the end, in the service's words.
    await page.locator('.ant-form-item').filter({ has: page.locator('#end') }).getByText('超出每日加班上限，还剩 180 分钟').waitFor();
    await checkPage(page, 'overtime-cap-refused-zh-CN', 'phone');

    await fill(page, '2026-11-27', '18:00', '20:00', '双十一售后工单积压');
    await page.getByRole('button', { name: '提交加班申请' }).click();
    await page.getByText('已提交：当月还可申请 34 小时，当天还可延长 1 小时').waitFor();
    const mine = page.locator('.employee-list-card');
    await mine.getByText('待审批').waitFor();
    await mine.getByText('18:00–20:00 · 2 小时').waitFor();
    await checkPage(page, 'overtime-sent-zh-CN', 'phone');

    await mine.getByRole('button', { name: /18:00–20:00/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('双十一售后工单积压').waitFor();
    await drawer.getByRole('button', { name: '撤回申请' }).waitFor();
    await checkPage(page, 'overtime-detail-zh-CN', 'phone');
    expect((await requests()).map((r) => [r.date, r.dayKind, r.status])).toEqual([['2026-11-27', 'workday', 'pending']]);
    await page.context().close();
  });

  it('asks for Saturday with time off in lieu, and sees a holiday paid at 300% (zh-CN, phone and desktop)', async () => {
    const page = await open(wang, 'phone', 'zh-CN', 'overtime');
    await fill(page, '2026-11-29', '10:00', '12:00', '仓库盘点');
    await page.locator('.ot-day').getByText('法定节假日加班 · 300%').waitFor();
    await page.locator('.ot-day').getByText('（公司庆典）').waitFor();
    expect(await page.getByRole('radio', { name: '调休' }).count()).toBe(0);
    await checkPage(page, 'overtime-holiday-zh-CN', 'phone');

    await page.locator('#date').fill('2026-11-28');
    await page.locator('.ot-day').getByText('休息日加班 · 200%').waitFor();
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '调休' }).click();
    await page.getByText('11月已申请加班 2 小时，上限 36 小时，还可申请 34 小时').waitFor();
    await checkPage(page, 'overtime-rest-day-zh-CN', 'phone');
    await page.getByRole('button', { name: '提交加班申请' }).click();
    await page.getByText('已提交：当月还可申请 32 小时').waitFor();
    await page.context().close();

    const desk = await open(wang, 'desktop', 'zh-CN', 'overtime');
    await desk.locator('.employee-list-card').getByText('休息日加班 · 200% · 调休').waitFor();
    await checkPage(desk, 'overtime-page-zh-CN', 'desktop');
    await desk.context().close();
    expect((await requests()).find((r) => r.date === '2026-11-28')).toMatchObject({ dayKind: 'rest_day', compensation: 'lieu', status: 'pending' });
  });

  it('the supervisor sees the window, the day type and rate, the compensation and the month, and approves (zh-CN, phone and desktop)', async () => {
    const phone = await open(supervisor, 'phone', 'zh-CN', 'approvals');
    await inboxCard(phone, /11月27日/).getByText('工作日加班 · 150%').waitFor();
    await checkPage(phone, 'overtime-inbox-zh-CN', 'phone');
    await phone.context().close();

    const page = await open(supervisor, 'desktop', 'zh-CN', 'approvals');
    const card = inboxCard(page, /11月27日/);
    await card.getByText('18:00–20:00 · 2 小时', { exact: false }).first().waitFor();
    await card.getByText('含本条共 4 小时（上限 36 小时）').waitFor();
    await card.getByText('加班费').waitFor();
    await checkPage(page, 'overtime-inbox-zh-CN', 'desktop');
    await card.getByRole('button', { name: '批准' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('意见').fill('辛苦了');
    await dialog.getByRole('button', { name: /^批\s?准$/ }).click();
    await page.getByText('已批准王芳的申请').waitFor();
    await card.waitFor({ state: 'detached' });
    expect((await requests()).find((r) => r.date === '2026-11-27')!.status).toBe('approved');
    await page.context().close();
  });

  it('asks and is approved in English (employee on a phone, supervisor on a desktop)', async () => {
    const page = await open(wang, 'phone', 'en', 'overtime');
    await page.getByRole('heading', { level: 1, name: 'Overtime' }).waitFor();
    await fill(page, '2026-11-25', '18:00', '19:30', 'Stock count after closing');
    await page.locator('.ot-day').getByText('Working day overtime · 150%').waitFor();
    await page.getByText('November: 4 h of overtime asked, cap 36 h, 32 h left').waitFor();
    await checkPage(page, 'overtime-form-en', 'phone');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Sent: 30.5 h left this month, 1.5 h of extended hours left that day').waitFor();
    await checkPage(page, 'overtime-sent-en', 'phone');
    await page.context().close();

    const desk = await open(supervisor, 'desktop', 'en', 'approvals');
    const card = inboxCard(desk, /Nov 28/);
    await card.getByText('Rest day overtime · 200%').waitFor();
    await card.getByText('Time off in lieu').waitFor();
    await checkPage(desk, 'overtime-inbox-en', 'desktop');
    await card.getByRole('button', { name: 'Approve' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
    await desk.context().close();

    const again = await open(wang, 'phone', 'en', 'overtime');
    await again.locator('.employee-list-card').getByRole('button', { name: /Nov 28/ }).click();
    const drawer = again.locator('.ant-drawer');
    await drawer.getByText('Approved', { exact: true }).first().waitFor();
    await drawer.getByText('Once the day’s punch window closes, it is credited by the company rules and shown in My month').waitFor();
    await checkPage(again, 'overtime-detail-en', 'phone');
    await again.context().close();
  });

  it('the office files one, cancels another with a reason, and asks for her beyond the cap with a recorded reason (zh-CN, desktop)', async () => {
    const page = await open(office, 'desktop', 'zh-CN', 'admin/requests?tab=overtime');
    const rows = page.locator('.ant-table-row');
    const the27th = rows.filter({ hasText: '2026-11-27' });
    const the28th = rows.filter({ hasText: '2026-11-28' });
    await the27th.getByRole('button', { name: /^备\s?案$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^备\s?案$/ }).click();
    await the27th.locator('.status-tag').filter({ hasText: '已备案' }).waitFor();

    await the28th.getByRole('button', { name: /^撤\s?销$/ }).click();
    const cancel = page.getByRole('dialog');
    await cancel.getByRole('button', { name: /^撤\s?销$/ }).click();
    await cancel.getByText('请写明原因（至少 3 个字）').waitFor();
    await cancel.getByLabel('撤销原因').fill('周六盘点取消');
    await checkPage(page, 'overtime-office-cancel-zh-CN', 'desktop');
    await cancel.getByRole('button', { name: /^撤\s?销$/ }).click();
    await page.getByText('已撤销', { exact: true }).first().waitFor();
    await the28th.locator('.status-tag').filter({ hasText: '已撤销' }).waitFor();

    // Beyond the daily cap (2 h asked on the 27th, 3 h more): refused, then filed with the reason asked for.
    await page.getByRole('button', { name: '代员工申请加班' }).click();
    const ask = page.getByRole('dialog');
    await ask.locator('#staffId').click();
    await page.keyboard.type('王芳');
    await page.locator('.ant-select-item-option').filter({ hasText: '王芳（E4001）' }).click();
    await ask.locator('#date').fill('2026-11-27');
    await ask.locator('.ot-day').getByText('工作日加班 · 150%').waitFor();
    await ask.locator('#start').fill('20:00');
    await ask.locator('#end').fill('23:00');
    await ask.locator('#reason').fill('大促当晚系统切换');
    await ask.getByRole('button', { name: '提交加班申请' }).click();
    await ask.getByRole('alert').getByText('超出加班上限（上限 180 分钟，还剩 60 分钟）（劳动法第41条）').waitFor();
    await ask.getByLabel('超出上限的理由').fill('总经理批准的系统切换，须连续值守');
    await checkPage(page, 'overtime-office-override-zh-CN', 'desktop');
    await ask.getByRole('button', { name: '提交加班申请' }).click();
    await page.getByText('已代为提交，等待主管审批').waitFor();
    await rows.filter({ hasText: '20:00–23:00' }).locator('.status-tag').filter({ hasText: '待审批' }).waitFor();
    await checkPage(page, 'overtime-office-zh-CN', 'desktop');
    await page.context().close();

    const all = await requests();
    expect(all.find((r) => r.date === '2026-11-28')).toMatchObject({ status: 'cancelled', cancelReason: '周六盘点取消' });
    expect(all.find((r) => r.date === '2026-11-27' && r.status === 'pending')!.capOverrideReason).toBe('总经理批准的系统切换，须连续值守');
  });

  it('the office tab on a phone and in English; the supervisor sees the override and its reason on the card (zh-CN, desktop)', async () => {
    for (const [viewport, language] of [
      ['phone', 'zh-CN'],
      ['desktop', 'en'],
    ] as const) {
      const view = await open(office, viewport, language, 'admin/requests?tab=overtime');
      await view.locator('.ant-table-row').filter({ hasText: '2026-11-28' }).locator('.status-tag').filter({ hasText: language === 'en' ? 'Cancelled' : '已撤销' }).waitFor();
      await checkPage(view, `overtime-office-${language}`, viewport);
      await view.context().close();
    }

    // The supervisor sees the override and its reason on the card.
    const sup = await open(supervisor, 'desktop', 'zh-CN', 'approvals');
    await inboxCard(sup, /20:00–23:00/).getByText('总经理批准的系统切换，须连续值守').waitFor();
    await checkPage(sup, 'overtime-inbox-override-zh-CN', 'desktop');
    await sup.context().close();
  });

  it('the rules page sets the overtime rules, the break refused beside its field without the other half (zh-CN desktop, English phone)', async () => {
    const page = await open(office, 'desktop', 'zh-CN', 'admin/settings');
    await page.getByText('审批时段内的打卡，按 30 分钟取整，日上限 3 小时，月上限 36 小时，事后 7 天内可补报').first().waitFor();
    await page.getByRole('button', { name: '从某日起设置新规则' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('生效日期').fill('2026-11-01');
    await dialog.getByLabel('满多少分钟扣休息').fill('240');
    await dialog.getByLabel('工作日每日上限').fill('60');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await dialog.getByText('须与另一项休息扣除设置同时填写').waitFor();
    await checkPage(page, 'overtime-settings-zh-CN', 'desktop');
    await dialog.getByLabel('扣除休息').fill('30');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('审批时段内的打卡，按 30 分钟取整，日上限 1 小时，月上限 36 小时，事后 7 天内可补报，满 240 分钟扣 30 分钟休息').first().waitFor();
    await page.context().close();

    const phone = await open(office, 'phone', 'en', 'admin/settings');
    await phone.getByText('Punches in the approved window, rounded down to 30 min, 1 h a day, 36 h a month, filed up to 7 days afterwards, a 30 min break after 240 min').first().waitFor();
    await checkPage(phone, 'overtime-settings-en', 'phone');
    await phone.context().close();
  });

  it('an administrator approving beyond the new daily cap (a person without a supervisor) is shown the refusal and gives the reason (zh-CN, desktop)', async () => {
    // 赵磊 asked for 1.5 h of extended hours on the 25th; the rules now allow 1 h a day from 1 November.
    const page = await open(office, 'desktop', 'zh-CN', 'approvals');
    const card = page.locator('.sup-card').filter({ hasText: '赵磊' });
    await card.getByRole('button', { name: '批准' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^批\s?准$/ }).click();
    await dialog.getByRole('alert').getByText('超出加班上限（上限 60 分钟，还剩 60 分钟）（劳动法第41条）').waitFor();
    await dialog.getByLabel('超出上限的理由').fill('盘点须当晚完成，经总经理同意');
    await checkPage(page, 'overtime-approve-override-zh-CN', 'desktop');
    await dialog.getByRole('button', { name: /^批\s?准$/ }).click();
    await page.getByText('已批准赵磊的申请').waitFor();
    // Approved, it waits in the office's inbox to be filed (H-ORG-4).
    await card.locator('.status-tag').filter({ hasText: '待备案' }).waitFor();
    const zhao = await run.t.http().get('/overtime-requests').query({ staffId: alone.id }).set(admin.auth).expect(200);
    expect(zhao.body.items[0]).toMatchObject({ status: 'approved', decidedAs: 'admin', capOverrideReason: '盘点须当晚完成，经总经理同意' });
    await page.context().close();
  });
});
