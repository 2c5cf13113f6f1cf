import type { Browser, Locator, Page } from 'playwright-core';
import { NotificationDeliverer } from '../src/notifications/notification-deliverer';
import { type CreatedStaff, DEFAULT_PASSWORD, loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { HttpReceiver } from '../test/support/notification-receivers';
import { ADMIN_PASSWORD } from '../test/support/test-app';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

const WEBHOOK_SECRET = `whsec_${Buffer.from('a-webhook-signing-secret-of-32-by').toString('base64')}`;
const cjk = (name: string) => new RegExp(`^${[...name].join('\\s?')}$`);

/** Waits (up to 5 s) for a locator to match exactly `count` elements, then asserts it. */
async function expectCount(locator: Locator, count: number): Promise<void> {
  for (let i = 0; i < 50 && (await locator.count()) !== count; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await locator.count()).toBe(count);
}

/**
 * Issue 18, the console: an employee's leave request reaches the supervisor's bell and
 * notifications page; opened, it leads to the approvals, and the approval comes back to the
 * employee's bell. The office adds a webhook (its secret write-only) and reads the delivery log:
 * a receiver answering 500 shows the delivery pending with its error, then failed once every retry
 * (1 min … 12 h) is spent, and a retry asks first. Both languages, both widths, axe on every page.
 */
describe('Notifications in the console (issue 18; H-ORG-3)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let receiver: HttpReceiver;
  let admin: SignedIn;
  let supervisor: CreatedStaff;
  let zhang: CreatedStaff;
  let deliverer: NotificationDeliverer;
  const ids: Record<string, string> = {};
  // Wednesday 18 November 2026, 10:00 in Shanghai.
  const now = new Date('2026-11-18T02:00:00Z');

  const leave = async (who: SignedIn, startDate: string, reason: string) => {
    const answer = await run.t.http().post('/leave-requests').set(who.auth).send({ type: 'personal', startDate, endDate: startDate, startHalf: null, endHalf: null, reason });
    if (answer.status !== 201) throw new Error(`leave: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  };

  beforeAll(async () => {
    receiver = await new HttpReceiver().start();
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    deliverer = run.t.app.get(NotificationDeliverer);
    admin = await loginAdmin(run.t);
    supervisor = await newStaff(run.t, admin, { name: '李建国', employeeNo: 'S1001', hiredOn: '2024-03-01' });
    zhang = await newStaff(run.t, admin, { name: '张伟', employeeNo: 'E2001', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
    ids.leave = await leave(zhang, '2026-11-23', '老家房子过户');
    await deliverer.deliverOnce();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
    await receiver?.stop();
  });

  const open = async (who: { username: string; password?: string }, viewport: Viewport, language: 'zh-CN' | 'en', path: string, at: Date = now): Promise<Page> => {
    const context = await newContext(browser, { now: at, viewport, language });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, who.username, who.password ?? DEFAULT_PASSWORD);
    await page.goto(`${run.baseUrl}/app/${path}`);
    return page;
  };
  const office = { username: 'admin', password: ADMIN_PASSWORD };
  const bell = (page: Page) => page.locator('header a.shell-bell');

  it("H-ORG-3: the supervisor's bell counts the waiting request; the message opens the approvals (both languages, both widths)", async () => {
    for (const [viewport, language] of [
      ['phone', 'en'],
      ['desktop', 'zh-CN'],
    ] as const) {
      const page = await open(supervisor, viewport, language, 'today');
      await bell(page).and(page.getByRole('link', { name: language === 'en' ? 'Notifications, 1 unread' : '通知，1 条未读' })).waitFor();
      await bell(page).click();
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Notifications' : '通知' }).waitFor();
      const title = language === 'en' ? 'Waiting for you: leave request of 张伟' : '待审批：张伟的请假';
      const item = page.locator('.notify-item').filter({ hasText: title });
      await item.getByText(language === 'en' ? 'it waits for your decision (H-ORG-3)' : '等待您审批（H-ORG-3）', { exact: false }).waitFor();
      await checkPage(page, `notifications-supervisor-${language}`, viewport);
      if (language === 'zh-CN') {
        // Opening it reads it and leads to the approvals; the bell has nothing left to count.
        await item.getByRole('button', { name: `查看“${title}”` }).click();
        await page.waitForURL((url) => url.pathname.endsWith('/approvals'));
        await bell(page).and(page.getByRole('link', { name: '通知', exact: true })).waitFor();
        const card = page.locator('.sup-card').filter({ hasText: '张伟' });
        await card.getByRole('button', { name: '批准' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('意见').fill('同意');
        await dialog.getByRole('button', { name: cjk('批准') }).click();
        await page.getByText('已批准张伟的申请').waitFor();
      }
      await page.context().close();
    }
    const mine = await run.t.http().get('/notifications').set(supervisor.auth).expect(200);
    expect(mine.body).toMatchObject({ total: 1, unread: 0 });
  });

  it('the employee sees "approved" at the bell and on the page, and it links to the request (both languages, both widths)', async () => {
    await deliverer.deliverOnce();
    for (const [viewport, language] of [
      ['phone', 'zh-CN'],
      ['desktop', 'en'],
    ] as const) {
      const page = await open(zhang, viewport, language, 'today');
      await bell(page).and(page.getByRole('link', { name: language === 'en' ? 'Notifications, 1 unread' : '通知，1 条未读' })).waitFor();
      await bell(page).click();
      const title = language === 'en' ? 'Your leave request was approved' : '您的请假已批准';
      const item = page.locator('.notify-item.unread').filter({ hasText: title });
      await item.getByText(language === 'en' ? 'approved by 李建国' : '已由李建国处理：已批准', { exact: false }).waitFor();
      await checkPage(page, `notifications-employee-${language}`, viewport);
      if (language === 'en') {
        await item.getByRole('link', { name: title }).click();
        await page.waitForURL((url) => url.pathname.endsWith('/leave') && url.searchParams.get('request') === ids.leave);
        await bell(page).and(page.getByRole('link', { name: 'Notifications', exact: true })).waitFor();
        // All: the read one is still listed, no longer marked unread.
        await page.goto(`${run.baseUrl}/app/notifications?show=all`);
        await expectCount(page.locator('.notify-item').filter({ hasText: title }), 1);
        await expectCount(page.locator('.notify-item.unread'), 0);
      }
      await page.context().close();
    }
  });

  it('Me: per-kind e-mail choices (the office default or mine), the e-mail read-only for an employee', async () => {
    await run.t.http().patch(`/staff/${zhang.id}`).set(admin.auth).send({ email: 'zhang@example.com' }).expect(200);
    for (const [viewport, language] of [
      ['phone', 'zh-CN'],
      ['desktop', 'en'],
    ] as const) {
      const page = await open(zhang, viewport, language, 'me');
      await page.getByText('zhang@example.com').waitFor();
      await page.getByText(language === 'en' ? 'The office keeps your e-mail address' : '邮箱由办公室维护', { exact: false }).waitFor();
      // An employee chooses among the kinds that reach them, not the office's or finance's.
      await page.getByLabel(language === 'en' ? 'My request was decided' : '我的申请有了结果').waitFor();
      await expectCount(page.getByLabel(language === 'en' ? 'A terminal is not calling in' : '考勤机长时间未联系'), 0);
      await checkPage(page, `notifications-me-${language}`, viewport);
      if (language === 'zh-CN') {
        await page.getByLabel('我的申请有了结果').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '邮件：发送' }).click();
        await page.getByText('已保存通知方式').waitFor();
      }
      await page.context().close();
    }
    const preferences = await run.t.http().get('/notifications/preferences').set(zhang.auth).expect(200);
    expect(preferences.body.items.find((item: { kind: string }) => item.kind === 'request_decided')).toEqual({ kind: 'request_decided', email: true, chosen: true });
  });

  it('the office adds a webhook whose secret is write-only, and reads the delivery log: pending with its error, failed after the retries, retried after asking', async () => {
    receiver.answer = () => ({ status: 500, body: 'system busy' });
    const page = await open(office, 'desktop', 'zh-CN', 'admin/notifications?tab=channels');
    await page.getByRole('heading', { level: 1, name: '通知设置' }).waitFor();
    await page.getByRole('button', { name: '添加群机器人或 Webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('类型', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Webhook 回调' }).click();
    await dialog.getByLabel('名称', { exact: true }).fill('薪资系统');
    await dialog.getByLabel('地址', { exact: true }).fill(receiver.url('/payroll/hook'));
    // The webhook's secret is required: the form says so beside the field.
    await dialog.getByLabel('申请有了结果（发给申请人）', { exact: true }).check();
    await dialog.getByRole('button', { name: cjk('保存') }).click();
    await dialog.getByText('请填写').waitFor();
    await dialog.getByLabel('签名密钥', { exact: true }).fill('not-a-standard-secret');
    await dialog.getByRole('button', { name: cjk('保存') }).click();
    // The service's sentence, beside the secret.
    await dialog.locator('.ant-form-item').filter({ hasText: '签名密钥' }).locator('.ant-form-item-explain-error').waitFor();
    await checkPage(page, 'notifications-channel-form-zh-CN', 'desktop');
    await dialog.getByLabel('签名密钥', { exact: true }).fill(WEBHOOK_SECRET);
    await dialog.getByRole('button', { name: cjk('保存') }).click();
    await page.getByText('已保存“薪资系统”').waitFor();
    const row = page.locator('.ant-table-row').filter({ hasText: '薪资系统' });
    await row.getByText(`已设置 ···${WEBHOOK_SECRET.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(WEBHOOK_SECRET);
    // Editing: the secret starts empty and says only that it is set.
    await row.getByRole('button', { name: '编辑“薪资系统”' }).click();
    expect(await dialog.getByLabel('签名密钥', { exact: true }).inputValue()).toBe('');
    expect(await dialog.getByLabel('签名密钥', { exact: true }).getAttribute('placeholder')).toBe('已设置（留空保持不变）');
    await dialog.getByRole('button', { name: cjk('取消') }).click();
    await checkPage(page, 'notifications-channels-zh-CN', 'desktop');
    await page.context().close();

    // A decision the webhook hears: the receiver answers 500, so the delivery waits for its next attempt.
    const second = await leave(zhang, '2026-11-26', '办理证件');
    await run.t.http().post(`/leave-requests/${second}/approve`).set(supervisor.auth).send({ comment: '同意' }).expect(200);
    await deliverer.deliverOnce();
    expect(receiver.at('/payroll/hook').length).toBe(1);
    const pending = await open(office, 'desktop', 'zh-CN', 'admin/notifications?tab=log&channel=webhook');
    const entry = pending.locator('.ant-table-row').filter({ hasText: '薪资系统' });
    await entry.getByText('等待中').waitFor();
    await entry.getByText('HTTP 500: system busy', { exact: false }).waitFor();
    await pending.context().close();

    // Every retry spent (1 min, 5 min, 30 min, 2 h, 12 h later): failed, with its last error.
    let at = run.clock.now();
    for (let attempt = 2; attempt <= 6; attempt += 1) {
      at = new Date(at.getTime() + 13 * 3600_000);
      run.clock.set(at);
      await deliverer.deliverOnce();
    }
    expect(receiver.at('/payroll/hook').length).toBe(6);
    for (const [viewport, language] of [
      ['phone', 'en'],
      ['desktop', 'zh-CN'],
    ] as const) {
      const log = await open(office, viewport, language, 'admin/notifications?tab=log&status=failed', at);
      const failed = log.locator('.ant-table-row').filter({ hasText: '薪资系统' });
      await failed.getByText(language === 'en' ? 'Failed' : '失败', { exact: true }).waitFor();
      await failed.getByText('HTTP 500: system busy', { exact: false }).waitFor();
      await checkPage(log, `notifications-log-${language}`, viewport);
      if (language === 'zh-CN') {
        await failed.getByRole('button', { name: '重试发往“薪资系统”的投递' }).click();
        await log.locator('.ant-popconfirm').getByText('重新发送这条投递？', { exact: false }).waitFor();
        await log.locator('.ant-popconfirm').getByRole('button', { name: cjk('重试') }).click();
        await log.getByText('已重新排队，稍后发送').waitFor();
        await expectCount(log.locator('.ant-table-row').filter({ hasText: '薪资系统' }), 0);
      }
      await log.context().close();
    }
    const log = await run.t.http().get('/notification-deliveries?channel=webhook').set(admin.auth).expect(200);
    expect(log.body.items[0]).toMatchObject({ status: 'pending', attempts: 0, channelName: '薪资系统' }); // counted afresh
  });

  it('the office settings: every field, an error beside its field, saved (both languages, both widths)', async () => {
    for (const [viewport, language] of [
      ['desktop', 'en'],
      ['phone', 'zh-CN'],
    ] as const) {
      const page = await open(office, viewport, language, 'admin/notifications', run.clock.now());
      const escalation = page.getByLabel(language === 'en' ? 'Escalate to the office after (hours)' : '转办公室（小时）');
      await escalation.waitFor();
      await page.getByText(language === 'en' ? 'SMTP_URL is not set' : '服务器未配置 SMTP_URL', { exact: false }).waitFor();
      await checkPage(page, `notifications-settings-${language}`, viewport);
      if (language === 'en') {
        // Escalating before the reminder is refused by the service; its sentence stands beside the field.
        await escalation.fill('12');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.locator('.ant-form-item').filter({ has: escalation }).locator('.ant-form-item-explain-error').waitFor();
        await escalation.fill('72');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Notification settings saved').waitFor();
      }
      await page.context().close();
    }
    const settings = await run.t.http().get('/notification-settings').set(admin.auth).expect(200);
    expect(settings.body).toMatchObject({ escalationHours: 72, reminderHours: 24 });
  });
});
