import type { Browser, Page } from 'playwright-core';
import { DEFAULT_PASSWORD, login, loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/**
 * An employee's month in the console, on a phone: asking for leave a day ahead and seeing the
 * working days it covers, withdrawing a request, filing an emergency afterwards (which needs a
 * reason), a business trip, reading and acknowledging the handbook, answering two disciplinary
 * records, reading why a day came out late, and changing the password. Then every employee page in
 * both languages at both widths.
 */
describe('Employee screens (issue 14)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let admin: SignedIn;
  let employee: SignedIn;
  let password = DEFAULT_PASSWORD;
  // Monday 30 November 2026, 08:20 in Shanghai.
  const now = new Date('2026-11-30T00:20:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    admin = await loginAdmin(run.t);
    employee = await newStaff(run.t, admin, { name: '王小明', hiredOn: '2026-01-01' });
    const http = () => run.t.http();

    // Wednesday 25 November: in at 08:40 (late), out at 17:35. Thursday 26: in only.
    for (const at of ['2026-11-25 08:40:00', '2026-11-25 17:35:00', '2026-11-26 08:25:00']) {
      await http().post('/punches/manual').set(admin.auth).send({ staffId: employee.id, at, reason: '考勤机故障补录' }).expect(201);
    }
    await run.t.settle();
    await http().put('/calendar/2026-12-05').set(admin.auth).send({ kind: 'holiday', name: '公司年会' }).expect(200);

    // The employee acknowledged version 1; version 2 then changes one of its articles.
    await http().post('/handbook/acknowledgements').set(employee.auth).send({ version: 1 }).expect(201);
    const v1 = (await http().get('/handbook/versions/1').set(admin.auth).expect(200)).body as { articles: { id: string; key: string; chapter: string; titleZh: string; titleEn: string; textZh: string; textEn: string }[] };
    await http().post('/handbook/versions').set(admin.auth).send({ note: '接听电话规范更新' }).expect(201);
    const phone = v1.articles.find((article) => article.key === 'H-CON-4')!;
    await http()
      .put('/handbook/versions/2/articles/H-CON-4')
      .set(admin.auth)
      .send({ chapter: phone.chapter, titleZh: phone.titleZh, titleEn: phone.titleEn, textZh: `${phone.textZh}电话铃响三声内接听。`, textEn: `${phone.textEn} Answer within three rings.` })
      .expect(200);
    await http().post('/handbook/versions/2/publish').set(admin.auth).send({}).expect(200);

    // Two records under version 1 (in force on the day): a warning to acknowledge, a fine to appeal.
    const unreachable = v1.articles.find((article) => article.key === 'H-CON-8')!;
    const record = (body: object) => http().post('/disciplinary-records').set(admin.auth).send({ staffId: employee.id, articleIds: [unreachable.id], ...body }).expect(201);
    await record({ occurredOn: '2026-11-18', facts: '值班期间电话无人接听，延误客户退货处理。', severity: 'minor', action: 'warning' });
    await record({ occurredOn: '2026-11-19', facts: '工作时间联系不上，导致直播延误半小时。', severity: 'major', action: 'fine', amountFen: 5000 });
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  async function employeePage(viewport: Viewport = 'phone', language: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
    const context = await newContext(browser, { now, viewport, language });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, employee.username, password);
    return page;
  }

  /** The OK button of the open confirmation (antd puts it last). */
  const confirm = (page: Page) => page.locator('.ant-modal-confirm').getByRole('button').last().click();

  async function pickLeaveType(page: Page, name: string) {
    await page.locator('#type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
  }

  it('asks for leave a day ahead, sees the working days it covers, and withdraws another request', async () => {
    const page = await employeePage();
    await page.goto(`${run.baseUrl}/app/leave`);
    await page.getByRole('heading', { name: '请假', exact: true }).waitFor();
    await page.getByText('还没有请假申请').waitFor();
    await checkPage(page, 'employee-leave-empty-zh-CN', 'phone');

    // Friday 4 to Monday 7 December, ending at noon. The company works all week (H-ATT-2), but Saturday 5 is its holiday.
    await pickLeaveType(page, '事假');
    await page.locator('#startDate').fill('2026-12-04');
    await page.locator('#endDate').fill('2026-12-07');
    await page.getByText('上午止', { exact: true }).click();
    await page.getByText('共 2.5 个工作日').waitFor();
    await page.getByText(/^12月4日\s?周五、12月6日\s?周日、12月7日\s?周一 上午$/).waitFor();
    await page.getByText(/不计入（非工作日）：12月5日\s?周六（公司年会）/).waitFor();
    await page.getByText(/已提前申请/).waitFor();
    await checkPage(page, 'employee-leave-form-zh-CN', 'phone');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('已提交，共 2.5 个工作日，等待主管审批').waitFor();
    const list = page.locator('.employee-list');
    await list.getByText('待审批').waitFor();

    // A second request, then withdrawn from its detail.
    await pickLeaveType(page, '事假');
    await page.locator('#startDate').fill('2026-12-10');
    await page.locator('#endDate').fill('2026-12-10');
    await page.getByText('共 1 个工作日').waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('已提交，共 1 个工作日，等待主管审批').waitFor();
    await list.locator('.employee-list-item').filter({ hasText: '12月10日' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('提交申请').waitFor();
    await checkPage(page, 'employee-leave-detail-zh-CN', 'phone');
    await drawer.getByRole('button', { name: '撤回申请' }).click();
    await page.locator('.ant-modal-confirm-title').getByText('撤回这份请假申请？').waitFor();
    await confirm(page);
    await drawer.locator('.status-tag').filter({ hasText: '已撤回' }).waitFor();
    await drawer.getByText('撤回', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: /close|关闭/i }).click();
    await list.locator('.employee-list-item').filter({ hasText: '12月10日' }).getByText('已撤回').waitFor();
    await list.locator('.employee-list-item').filter({ hasText: '12月4日' }).getByText('待审批').waitFor();

    const mine = (await run.t.http().get('/leave-requests').query({ staffId: employee.id }).set(employee.auth).expect(200)).body as { items: { status: string; workingDays: number }[] };
    expect(mine.items.map((item) => [item.status, item.workingDays]).sort()).toEqual([['cancelled', 1], ['pending', 2.5]]);
    await page.context().close();
  });

  it('files an emergency afterwards only with a reason, shown beside the field', async () => {
    const page = await employeePage();
    await page.goto(`${run.baseUrl}/app/leave`);
    // Friday 27 November is already past on Monday the 30th.
    await pickLeaveType(page, '病假');
    await page.locator('#startDate').fill('2026-11-27');
    await page.locator('#endDate').fill('2026-11-27');
    await page.getByText('这是事后补办的紧急请假（H-ATT-11）').waitFor();
    await page.getByRole('button', { name: '提交紧急请假' }).click();
    const reasonItem = page.locator('.ant-form-item').filter({ has: page.locator('#reason') });
    await reasonItem.getByText('紧急请假须填写原因').waitFor();
    await checkPage(page, 'employee-leave-emergency-zh-CN', 'phone');
    await page.locator('#reason').fill('周五凌晨发烧去医院急诊，无法提前请假。');
    await page.getByRole('button', { name: '提交紧急请假' }).click();
    await page.getByText('已提交，共 1 个工作日，等待主管审批').waitFor();
    await page.locator('.employee-list-item').filter({ hasText: '11月27日' }).getByText('紧急').waitFor();
    await page.context().close();

    // The same refusal in English.
    const english = await employeePage('phone', 'en');
    await english.goto(`${run.baseUrl}/app/leave`);
    await pickLeaveType(english, 'Sick');
    await english.locator('#startDate').fill('2026-11-26');
    await english.getByRole('button', { name: 'Send emergency request' }).click();
    await english.locator('.ant-form-item').filter({ has: english.locator('#reason') }).getByText('An emergency request needs a reason').waitFor();
    await checkPage(english, 'employee-leave-emergency-en', 'phone');
    await english.context().close();
  });

  it('asks for a business trip and follows it', async () => {
    const page = await employeePage();
    await page.goto(`${run.baseUrl}/app/trips`);
    await page.locator('#date').fill('2026-12-03');
    await page.getByText('部分时段', { exact: true }).click();
    await page.locator('#from').fill('09:00');
    await page.locator('#to').fill('12:00');
    await page.locator('#destination').fill('杭州 客户仓库');
    await page.locator('#reason').fill('盘点退货库存');
    await checkPage(page, 'employee-trips-form-zh-CN', 'phone');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('已提交，等待主管签字').waitFor();
    await page.locator('.employee-list-item').filter({ hasText: '杭州 客户仓库' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('09:00–12:00').waitFor();
    await drawer.getByText('提交申请').waitFor();
    await checkPage(page, 'employee-trips-detail-zh-CN', 'phone');
    await page.context().close();
  });

  it('reads what changed in the handbook and acknowledges it', async () => {
    const page = await employeePage();
    await page.goto(`${run.baseUrl}/app/handbook`);
    await page.getByRole('heading', { name: '自您上次确认的版本以来的变化（第 1 版 → 第 2 版）' }).waitFor();
    await page.locator('.employee-handbook-changes').getByText('电话铃响三声内接听').waitFor();
    await page.getByRole('heading', { name: '行为规范', exact: true }).waitFor();
    await page.getByRole('button', { name: '我已阅读并确认' }).click();
    await page.locator('.ant-modal-confirm-title').getByText('确认已阅读第 2 版员工守则？').waitFor();
    await confirm(page);
    await page.getByText(/已于 2026-11-30 08:20 确认第 2 版/).waitFor();
    await checkPage(page, 'employee-handbook-acknowledged-zh-CN', 'phone');
    // Known to the service, not only to this tab: after a reload it still says so, and nothing is left to compare.
    await page.reload();
    await page.getByText(/已于 2026-11-30 08:20 确认第 2 版/).waitFor();
    expect(await page.locator('.employee-handbook-changes').count()).toBe(0);
    const status = (await run.t.http().get('/handbook/acknowledgements').set(admin.auth).expect(200)).body as { acknowledged: { staffId: string }[] };
    expect(status.acknowledged.map((row) => row.staffId)).toContain(employee.id);
    await page.context().close();
  });

  it('acknowledges one disciplinary record and appeals the other with a statement', async () => {
    const page = await employeePage();
    await page.goto(`${run.baseUrl}/app/my-records`);
    const warning = page.locator('.employee-record').filter({ hasText: '警告' });
    const fine = page.locator('.employee-record').filter({ hasText: '罚款' });
    await fine.getByText('¥50.00').waitFor();
    await checkPage(page, 'employee-records-zh-CN', 'phone');

    await warning.getByRole('button', { name: '确认知悉' }).click();
    await confirm(page);
    await warning.getByText('已确认', { exact: true }).waitFor();

    await fine.getByRole('button', { name: '提出申诉' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '提交申诉' });
    await modal.getByRole('button', { name: '提交申诉' }).click();
    await modal.locator('.ant-form-item').filter({ has: page.locator('#statement') }).getByText('请填写申诉陈述').waitFor();
    await checkPage(page, 'employee-records-appeal-zh-CN', 'phone');
    await page.locator('#statement').fill('当天手机在直播间静音充电，已在群里报备，并非故意失联。');
    await modal.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('已提交申诉').waitFor();
    await fine.getByText('申诉中').waitFor();
    await fine.getByText('当天手机在直播间静音充电').waitFor();
    await page.context().close();
  });

  it('shows why a day came out as it did in my month', async () => {
    const page = await employeePage();
    await page.goto(`${run.baseUrl}/app/my-month?month=2026-11`);
    await page.getByRole('button', { name: /11月25日.*迟到/ }).click();
    const day = page.locator('.employee-day');
    await day.getByText('08:40', { exact: true }).waitFor();
    await day.getByText('17:35', { exact: true }).waitFor();
    await day.getByText('10 分钟', { exact: true }).waitFor();
    await day.locator('.explanation li').filter({ hasText: 'H-ATT-5' }).first().waitFor();
    await checkPage(page, 'employee-my-month-day-zh-CN', 'phone');
    await page.getByRole('button', { name: /11月26日.*旷工/ }).click();
    await day.locator('.explanation li').filter({ hasText: 'H-ATT-6' }).first().waitFor();
    await page.context().close();
  });

  it('changes the password: a wrong current one is refused beside its field', async () => {
    const page = await employeePage();
    await page.goto(`${run.baseUrl}/app/me`);
    await page.getByText('王小明').first().waitFor();
    await page.locator('#oldPassword').fill('not-my-password');
    await page.locator('#newPassword').fill('new-password-456');
    await page.locator('#repeat').fill('new-password-456');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('.ant-form-item').filter({ has: page.locator('#oldPassword') }).locator('.ant-form-item-explain-error').waitFor();
    await checkPage(page, 'employee-me-password-error-zh-CN', 'phone');
    await page.locator('#oldPassword').fill(DEFAULT_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，其他设备已退出登录').waitFor();
    // Still signed in here (signed back in with the new password), and the new password works.
    await page.reload();
    await page.getByRole('heading', { name: '我的', exact: true }).waitFor();
    await login(run.t, employee.username, 'new-password-456');
    password = 'new-password-456';
    employee = await login(run.t, employee.username, password);
    await page.context().close();
  });

  const everyPage = [
    { path: 'today', zh: '今日考勤', en: 'Today' },
    { path: 'my-month?month=2026-11', zh: '我的考勤', en: 'My month' },
    { path: 'leave', zh: '请假', en: 'Leave' },
    { path: 'trips', zh: '因公外出', en: 'Business trips' },
    { path: 'corrections', zh: '补卡申请', en: 'Make-up punches' },
    { path: 'overtime', zh: '加班申请', en: 'Overtime' },
    { path: 'handbook', zh: '员工守则', en: 'Staff handbook' },
    { path: 'my-records', zh: '奖惩记录', en: 'My disciplinary records' },
    { path: 'me', zh: '我的', en: 'Me' },
  ];
  // One test per language and width, each with its own time limit. Employees use their phones:
  // both languages there; at desktop width, Chinese (the English desktop adds nothing the English
  // phone and the Chinese desktop do not check).
  for (const [viewport, language] of [['phone', 'zh-CN'], ['phone', 'en'], ['desktop', 'zh-CN']] as const) {
    it(`shows every employee page in ${language} at ${viewport} width`, async () => {
      const page = await employeePage(viewport, language);
      for (const { path, zh, en } of everyPage) {
        await page.goto(`${run.baseUrl}/app/${path}`);
        await page.getByRole('heading', { level: 1, name: language === 'en' ? en : zh, exact: true }).waitFor();
        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
        await checkPage(page, `employee-${path.split('?')[0]}-${language}`, viewport);
      }
      await page.context().close();
    });
  }
});
