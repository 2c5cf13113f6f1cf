import type { Browser, Locator, Page } from 'playwright-core';
import { type CreatedStaff, DEFAULT_PASSWORD, loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/** Waits (up to 5 s) for a locator to match exactly `count` elements, then asserts it. */
async function expectCount(locator: Locator, count: number): Promise<void> {
  for (let i = 0; i < 50 && (await locator.count()) !== count; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await locator.count()).toBe(count);
}

/**
 * The supervisor's pages are checked as the employees' are: on a phone in both languages, and at
 * desktop width in Chinese (the English desktop adds nothing the English phone and the Chinese
 * desktop do not check).
 */
const SWEEP = [
  ['phone', 'zh-CN'],
  ['phone', 'en'],
  ['desktop', 'zh-CN'],
] as const;

/**
 * A supervisor's day (issue 14): the inbox with each request's days and the requester's month,
 * rejecting with a comment, approving, signing a business trip only after ticking the exact
 * certification sentence, an error said plainly, and the team's month.
 */
describe('Supervisor: approvals and the team month (issue 14)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let supervisor: CreatedStaff;
  let zhang: CreatedStaff;
  let wang: CreatedStaff;
  const ids: Record<string, string> = {};
  // Wednesday 18 November 2026, 10:00 in Shanghai.
  const now = new Date('2026-11-18T02:00:00Z');

  const leave = async (who: SignedIn, body: Record<string, unknown>) => {
    const answer = await run.t.http().post('/leave-requests').set(who.auth).send({ startHalf: null, endHalf: null, ...body });
    if (answer.status !== 201) throw new Error(`leave: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  };

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    const admin = await loginAdmin(run.t);
    supervisor = await newStaff(run.t, admin, { name: '李建国', employeeNo: 'S1001', hiredOn: '2024-03-01' });
    zhang = await newStaff(run.t, admin, { name: '张伟', employeeNo: 'E2001', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
    wang = await newStaff(run.t, admin, { name: '王芳', employeeNo: 'E2002', supervisorId: supervisor.id, hiredOn: '2025-06-01' });
    ids.zhangLeave = await leave(zhang, { type: 'personal', startDate: '2026-11-23', endDate: '2026-11-24', reason: '老家房子过户' });
    ids.wangLeave = await leave(wang, { type: 'sick', startDate: '2026-11-25', endDate: '2026-11-25', reason: '复诊' });
    const trip = await run.t.http().post('/exemptions').set(zhang.auth).send({ date: '2026-11-17', from: null, to: null, destination: '京东物流廊坊仓', reason: '核对退货积压' });
    expect(trip.status).toBe(201);
    ids.trip = trip.body.id;
    await run.t.settle();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  const open = async (viewport: Viewport, language: 'zh-CN' | 'en', path: string): Promise<Page> => {
    const context = await newContext(browser, { now, viewport, language });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, supervisor.username, DEFAULT_PASSWORD);
    await page.goto(`${run.baseUrl}/app/${path}`);
    return page;
  };
  const card = (page: Page, name: string, kind: RegExp) => page.locator('.sup-card').filter({ hasText: name }).filter({ hasText: kind });

  it('shows each request with its covered days and the requester month (both languages on a phone, Chinese at a desk)', async () => {
    for (const [viewport, language] of SWEEP) {
      const page = await open(viewport, language, 'approvals');
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Approvals' : '待我审批' }).waitFor();
      const zhangLeave = card(page, '张伟', language === 'en' ? /Personal leave/ : /事假/);
      await zhangLeave.getByText(language === 'en' ? '2 working days' : '2 个工作日', { exact: false }).waitFor();
      // The strip: every date of November, the requested two outlined, in the requester's colours.
      await expectCount(zhangLeave.locator('.sup-strip-day'), 30);
      await expectCount(zhangLeave.locator('.sup-strip-day.covered'), 2);
      await card(page, '张伟', language === 'en' ? /Business trip/ : /因公外出/).getByText('京东物流廊坊仓').waitFor();
      await checkPage(page, `supervisor-approvals-${language}`, viewport);
      await page.context().close();
    }
  });

  it('rejects one request with a comment (the comment is required) and approves another', async () => {
    const page = await open('desktop', 'zh-CN', 'approvals');
    await card(page, '王芳', /病假/).getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^驳\s?回$/ }).click();
    await dialog.getByText('请填写驳回理由').waitFor();
    await dialog.getByLabel('意见').fill('月底盘点人手不足，请改到下月初');
    await checkPage(page, 'supervisor-reject-zh-CN', 'desktop');
    await dialog.getByRole('button', { name: /^驳\s?回$/ }).click();
    await page.getByText('已驳回王芳的申请').waitFor();
    await expectCount(card(page, '王芳', /病假/), 0);
    const rejected = await run.t.http().get(`/leave-requests/${ids.wangLeave}`).set(supervisor.auth);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.history.at(-1)).toMatchObject({ toStatus: 'rejected', comment: '月底盘点人手不足，请改到下月初', actingAs: 'supervisor' });

    await card(page, '张伟', /事假/).getByRole('button', { name: '批准' }).click();
    await dialog.getByLabel('意见').fill('同意');
    await dialog.getByRole('button', { name: /^批\s?准$/ }).click();
    await page.getByText('已批准张伟的申请').waitFor();
    const approved = await run.t.http().get(`/leave-requests/${ids.zhangLeave}`).set(supervisor.auth);
    expect(approved.body.status).toBe('approved');
    // The approved days are leave in the month now.
    const month = await run.t.http().get('/attendance').query({ month: '2026-11', staffId: zhang.id }).set(supervisor.auth);
    expect(month.body.days.filter((day: { status: string }) => day.status === 'leave').map((day: { date: string }) => day.date)).toEqual(['2026-11-23', '2026-11-24']);
    await page.context().close();
  });

  it('signs a business trip only after ticking the exact certification sentence', async () => {
    const sentence =
      'I, 李建国 (S1001), certify that 张伟 (E2001) was out on company business on 2026-11-17 (the whole day) at 京东物流廊坊仓, and I share the liability for this certification (H-ATT-8, H-ATT-9).';
    for (const [viewport, language] of [
      ['phone', 'en'],
      ['desktop', 'zh-CN'],
    ] as const) {
      const page = await open(viewport, language, 'approvals');
      const trip = card(page, '张伟', language === 'en' ? /Business trip/ : /因公外出/);
      await trip.getByRole('button', { name: language === 'en' ? 'Sign and approve' : '签字批准' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.locator('.sup-attestation').textContent()).toBe(sentence);
      const sign = dialog.getByRole('button', { name: language === 'en' ? 'Sign and approve' : '签字批准' });
      expect(await sign.isDisabled()).toBe(true);
      await checkPage(page, `supervisor-sign-${language}`, viewport);
      if (language === 'zh-CN') {
        await dialog.getByText('我已核实，确认签署上述证明').click();
        expect(await sign.isEnabled()).toBe(true);
        await sign.click();
        await page.getByText('已批准张伟的申请').waitFor();
      }
      await page.context().close();
    }
    const signed = await run.t.http().get(`/exemptions/${ids.trip}`).set(supervisor.auth);
    expect(signed.body).toMatchObject({ status: 'approved', certifiedBy: supervisor.id, certifiedAs: 'supervisor', attestation: sentence });
  });

  it('says plainly when someone acted first (STATE_CHANGED)', async () => {
    const late = await leave(wang, { type: 'personal', startDate: '2026-11-27', endDate: '2026-11-27', reason: '办理证件' });
    const page = await open('desktop', 'zh-CN', 'approvals');
    await card(page, '王芳', /事假/).getByRole('button', { name: '批准' }).click();
    // The employee withdraws the request while the supervisor is deciding.
    expect((await run.t.http().post(`/leave-requests/${late}/cancel`).set(wang.auth).send({})).status).toBe(200);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^批\s?准$/ }).click();
    const said = dialog.getByRole('alert').getByText('记录刚被其他人修改，请刷新后重试', { exact: false });
    await said.waitFor();
    // The inbox is read again and the withdrawn request's card leaves; the dialog stays to say why.
    await page.locator('.sup-card').filter({ hasText: '办理证件' }).waitFor({ state: 'detached' });
    await said.waitFor();
    await checkPage(page, 'supervisor-state-changed-zh-CN', 'desktop');
    await page.context().close();
  });

  it("shows the team's month: one line per report, one coloured code per date (both languages on a phone, Chinese at a desk)", async () => {
    for (const [viewport, language] of SWEEP) {
      const page = await open(viewport, language, 'team-month?month=2026-11');
      await page.getByRole('heading', { level: 1, name: language === 'en' ? "My team's month" : '团队考勤' }).waitFor();
      const zhangRow = page.locator('.ant-table-row').filter({ hasText: '张伟' });
      await zhangRow.waitFor();
      // The supervisor's own line, then their two reports.
      await expectCount(page.locator('.ant-table-row'), 3);
      // 16 Nov: absent (no punch); 17 Nov: the business trip just signed; today pending; days to come blank.
      const codes = await zhangRow.locator('td.fin-grid-cell').allTextContents();
      expect(codes.slice(15, 19)).toEqual(['旷', '差', '待', '']);
      await checkPage(page, `supervisor-team-month-${language}`, viewport);
      await page.context().close();
    }
  });
});
