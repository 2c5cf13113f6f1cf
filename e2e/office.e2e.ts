import type { Browser, Locator, Page } from 'playwright-core';
import { DEFAULT_PASSWORD, login, loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { ADMIN_PASSWORD } from '../test/support/test-app';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/** The words the journey clicks and expects, in each language. */
const WORDS = {
  'zh-CN': {
    staffTitle: '员工档案', addPerson: '新增员工', save: '保存', employeeNoTaken: '工号已被使用', created: (name: string) => `已添加员工${name}`,
    edit: '编辑', saved: '已保存', deactivate: '办理离职', inactive: '已停用', reactivate: '重新启用', active: '在职',
    resetPassword: '重置密码', rosterTitle: '值班表', generate: '自动排班', complete: '本月每天都已安排值班', clearDate: '清空当天',
    oneGap: '本月有 1 天无人值班', devicesTitle: '考勤设备', registerThis: '登记此设备', registerOk: '登记并生成密钥', keySaved: '我已保存密钥',
    more: (name: string) => `${name}的更多操作`, rotate: '更换密钥', positionsTitle: '岗位', presales: '售前客服', noAccess: '无权访问',
    rejected: '找不到对应的员工',
  },
  en: {
    staffTitle: 'Staff', addPerson: 'Add a person', save: 'Save', employeeNoTaken: 'This employee number is already in use', created: (name: string) => `${name} added`,
    edit: 'Edit', saved: 'Saved', deactivate: 'End employment', inactive: 'Deactivated', reactivate: 'Reactivate', active: 'Employed',
    resetPassword: 'Reset password', rosterTitle: 'Duty roster', generate: 'Fill by rotation', complete: 'Every date this month has someone on duty', clearDate: 'Clear the date',
    oneGap: 'Dates this month with nobody on duty: 1', devicesTitle: 'Devices', registerThis: 'Register this', registerOk: 'Register and create key', keySaved: 'I have saved the key',
    more: (name: string) => `More actions for ${name}`, rotate: 'Rotate key', positionsTitle: 'Positions', presales: 'Pre-sales customer service', noAccess: 'No access',
    rejected: 'No staff member matches',
  },
} as const;

type Language = keyof typeof WORDS;

/** A button's name as antd renders it: a space between two Chinese characters, an icon's label before it. */
const btn = (text: string) => new RegExp([...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?'));

/** Each run of the journey works on its own person, month and terminal, so that both can run in one service. */
const RUNS: { language: Language; viewport: Viewport; employeeNo: string; name: string; username: string; month: string; serial: string }[] = [
  { language: 'zh-CN', viewport: 'desktop', employeeNo: 'E3001', name: '赵六', username: 'zhaoliu', month: '2026-12', serial: 'CQZ-NEW-ZH' },
  { language: 'en', viewport: 'phone', employeeNo: 'E3002', name: 'Lucy Zhao', username: 'lucyzhao', month: '2027-01', serial: 'CQZ-NEW-EN' },
];

/**
 * The office keeps the company's records: people (with a taken employee number said beside the
 * field), their employment ending and restored, the duty roster filled by hand and by rotation,
 * attendance terminals whose keys are shown once; and nobody else can open these screens.
 */
describe('Office screens (issue 14)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let admin: SignedIn;
  let employee: SignedIn;
  let frontDoorId: string;
  // Monday 30 November 2026, 10:00 in Shanghai.
  const now = new Date('2026-11-30T02:00:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    admin = await loginAdmin(run.t);
    await newStaff(run.t, admin, { employeeNo: 'E2001', name: '张三', hiredOn: '2025-01-01' });
    await newStaff(run.t, admin, { employeeNo: 'E2002', name: '李主管', hiredOn: '2024-01-01' });
    await newStaff(run.t, admin, { employeeNo: 'E2003', name: '王五', hiredOn: '2025-06-01' });
    employee = await newStaff(run.t, admin, { employeeNo: 'E2004', name: '孙七', hiredOn: '2025-06-01' });
    // A terminal that sent lines the service could not store, and two that called in unregistered.
    const front = await run.t.http().post('/devices').set(admin.auth).send({ name: '前台考勤机', serialNumber: 'CQZ-FRONT' }).expect(201);
    frontDoorId = front.body.id;
    await run.t.http().post('/iclock/cdata?SN=CQZ-FRONT&table=ATTLOG&Stamp=1').set('Content-Type', 'text/plain').send('99999\t2026-11-30 08:01:00\t0\t1\t\t0\t0\t8\nE2001\t2026-11-30 08:02:00\t0\t1\t\t0\t0\t8').expect(200);
    for (const { serial } of RUNS) await run.t.http().get(`/iclock/cdata?SN=${serial}&options=all&pushver=2.4.1`);
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  async function open(language: Language, viewport: Viewport): Promise<Page> {
    const context = await newContext(browser, { now, viewport, language });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    return page;
  }

  /** An antd select: open it, type to search, pick the option; again if the dropdown was still moving. */
  /** `shows`: what appears once the pick took (for pickers that clear themselves after each pick). */
  async function pick(page: Page, selector: string, search: string, option: string, keepsValue = true, shows?: Locator) {
    const select = page.locator('.ant-select').filter({ has: page.locator(selector) });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await page.locator(selector).click();
      if (search) await page.locator(selector).fill(search);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
      if (shows) {
        // A loaded machine can re-render the dropdown under the click: look for the result, else pick again.
        if (await shows.waitFor({ timeout: 5000 }).then(() => true, () => false)) return;
        continue;
      }
      if (!keepsValue || (await select.getByText(option).first().isVisible())) return;
    }
    throw new Error(`could not pick ${option} in ${selector}`);
  }

  // Each journey checks every office page it passes (shot below): in Chinese at desktop width and
  // in English at phone width, so every page is seen in both languages and at phone width.
  for (const r of RUNS) {
    const w = WORDS[r.language];
    const shot = async (page: Page, name: string) => {
      // The browser's clock stands still, so toasts never time out: hidden while the picture is taken,
      // lest the steps before cover the page. A dialog's entrance animation outlasts the screenshot's settling.
      if (await page.locator('.ant-modal-wrap:visible, .ant-drawer-open').count()) await page.waitForTimeout(600);
      const hide = await page.addStyleTag({ content: '.ant-message { visibility: hidden !important; }' });
      await checkPage(page, `office-${name}-${r.language}`, r.viewport);
      await hide.evaluate((node) => (node as unknown as { remove(): void }).remove());
    };

    it(`creates, edits, deactivates and reactivates a person (${r.language}, ${r.viewport})`, async () => {
      const page = await open(r.language, r.viewport);
      await page.goto(`${run.baseUrl}/app/office/staff`);
      await page.getByRole('heading', { name: w.staffTitle, level: 1 }).waitFor();
      await page.getByRole('row', { name: /E2001/ }).waitFor();
      await shot(page, 'staff');

      await page.getByRole('button', { name: btn(w.addPerson) }).click();
      const drawer = page.getByRole('dialog');
      await drawer.locator('#employeeNo').fill('E2001');
      await drawer.locator('#name').fill(r.name);
      await drawer.locator('#username').fill(r.username);
      await drawer.locator('#password').fill(DEFAULT_PASSWORD);
      await pick(page, '#positionCode', '', w.presales);
      await pick(page, '#supervisorId', 'E2002', '李主管');
      await drawer.locator('#hiredOn').fill('2026-11-01');
      await drawer.getByRole('button', { name: btn(w.save) }).click();
      // The taken number is said beside its field, not in a banner.
      await drawer.locator('.ant-form-item').filter({ has: page.locator('#employeeNo') }).getByText(w.employeeNoTaken).waitFor();
      await shot(page, 'staff-form-error');
      await drawer.locator('#employeeNo').fill(r.employeeNo);
      await drawer.getByRole('button', { name: btn(w.save) }).click();
      await page.getByText(w.created(r.name)).waitFor();

      await page.locator('.office-filters input').first().fill(r.employeeNo);
      await page.locator('.office-filters input').first().press('Enter');
      await page.getByRole('link', { name: r.name }).click();
      await page.getByRole('heading', { name: r.name, level: 1 }).waitFor();
      await page.getByRole('link', { name: '李主管' }).waitFor();
      await shot(page, 'staff-detail');

      await page.getByRole('button', { name: btn(w.edit) }).click();
      await drawer.locator('#name').fill(`${r.name}2`);
      await drawer.getByRole('button', { name: btn(w.save) }).click();
      await page.getByRole('heading', { name: `${r.name}2`, level: 1 }).waitFor();

      await page.getByRole('button', { name: btn(w.resetPassword) }).click();
      const modal = page.locator('.ant-modal-wrap:visible');
      await modal.locator('#newPassword').fill('new-password-1');
      await modal.locator('#repeat').fill('new-password-1');
      await modal.getByRole('button', { name: btn(w.save) }).click();
      await modal.waitFor({ state: 'hidden' });
      await login(run.t, r.username, 'new-password-1');

      await page.getByRole('button', { name: btn(w.deactivate) }).click();
      await page.locator('.ant-modal-wrap:visible #leftOn').waitFor();
      await shot(page, 'staff-deactivate');
      await page.locator('.ant-modal-wrap:visible').getByRole('button', { name: btn(w.deactivate) }).click();
      await page.locator('.ant-descriptions').getByText(w.inactive).waitFor();
      await expect(login(run.t, r.username, 'new-password-1')).rejects.toThrow(/401/);

      await page.getByRole('button', { name: btn(w.reactivate) }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: btn(w.reactivate) }).click();
      await page.locator('.ant-descriptions').getByText(w.active, { exact: true }).waitFor();
      await login(run.t, r.username, 'new-password-1');
      await page.context().close();
    });

    it(`sets the roster for a date, fills the rest by rotation and clears a date (${r.language}, ${r.viewport})`, async () => {
      const page = await open(r.language, r.viewport);
      await page.goto(`${run.baseUrl}/app/office/roster?month=${r.month}`);
      await page.getByRole('heading', { name: w.rosterTitle, level: 1 }).waitFor();
      await page.locator('.office-roster-day').first().waitFor();
      await shot(page, 'roster-empty');

      await page.locator('.office-roster-day').first().click();
      await pick(page, '#staffId', 'E2001', '张三');
      await page.locator('.ant-modal-wrap:visible').getByRole('button', { name: btn(w.save) }).click();
      await page.locator('.office-roster-day').first().getByText('张三').waitFor();

      await page.getByRole('button', { name: btn(w.generate) }).click();
      await pick(page, '#rotation-add', 'E2003', '王五', false, page.locator('.office-rotation li').filter({ hasText: '王五' }));
      await pick(page, '#rotation-add', 'E2004', '孙七', false, page.locator('.office-rotation li').filter({ hasText: '孙七' }));
      await shot(page, 'roster-generate');
      await page.locator('.ant-modal-wrap:visible').getByRole('button', { name: btn(w.generate) }).click();
      await page.getByRole('alert').filter({ hasText: w.complete }).waitFor();
      const roster = await run.t.http().get('/roster').query({ month: r.month }).set(admin.auth).expect(200);
      expect(roster.body.gaps).toBe(0);
      expect(roster.body.days[0]).toMatchObject({ name: '张三', source: 'manual' });
      expect(roster.body.days[1]).toMatchObject({ name: '王五', source: 'generated' });
      expect(roster.body.days[2]).toMatchObject({ name: '孙七', source: 'generated' });
      await shot(page, 'roster-full');

      await page.locator('.office-roster-day').nth(1).click();
      await page.locator('.ant-modal-wrap:visible').getByRole('button', { name: btn(w.clearDate) }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: btn(w.clearDate) }).click();
      await page.getByRole('alert').filter({ hasText: w.oneGap }).waitFor();
      await shot(page, 'roster-gap');
      await page.context().close();
    });

    it(`registers an unknown terminal, shows its key once and rotates it (${r.language}, ${r.viewport})`, async () => {
      const page = await open(r.language, r.viewport);
      await page.goto(`${run.baseUrl}/app/office/devices`);
      await page.getByRole('heading', { name: w.devicesTitle, level: 1 }).waitFor();
      await page.getByRole('row', { name: new RegExp(r.serial) }).waitFor();
      await shot(page, 'devices');

      await page.getByRole('row', { name: new RegExp(r.serial) }).getByRole('button').click();
      const form = page.locator('.ant-modal-wrap:visible');
      expect(await form.locator('#serialNumber').inputValue()).toBe(r.serial);
      await form.locator('#name').fill(`Terminal ${r.language}`);
      await form.getByRole('button', { name: btn(w.registerOk) }).click();
      const keyText = page.getByTestId('device-key');
      await keyText.waitFor();
      const firstKey = (await keyText.innerText()).trim();
      expect(firstKey).toMatch(/^kqd_/);
      await shot(page, 'devices-key');
      await page.getByRole('button', { name: btn(w.keySaved) }).click();
      await keyText.waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(firstKey);
      await run.t.http().post('/punches/batch').set('X-Device-Key', firstKey).send({}).expect((response) => expect(response.status).not.toBe(401));

      await page.getByRole('button', { name: w.more(`Terminal ${r.language}`) }).click();
      await page.getByRole('menuitem', { name: w.rotate }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: btn(w.rotate) }).click();
      await keyText.waitFor();
      const secondKey = (await keyText.innerText()).trim();
      expect(secondKey).not.toBe(firstKey);
      await page.getByRole('button', { name: btn(w.keySaved) }).click();
      // The old key stops at once.
      await run.t.http().post('/punches/batch').set('X-Device-Key', firstKey).send({}).expect(401);

      await page.goto(`${run.baseUrl}/app/office/devices/${frontDoorId}`);
      await page.getByRole('heading', { name: '前台考勤机', level: 1 }).waitFor();
      await page.getByText(w.rejected).waitFor();
      await shot(page, 'device-detail');
      await page.context().close();
    });

    it(`lists, adds and retires positions (${r.language}, ${r.viewport})`, async () => {
      const page = await open(r.language, r.viewport);
      await page.goto(`${run.baseUrl}/app/office/positions`);
      await page.getByRole('heading', { name: w.positionsTitle, level: 1 }).waitFor();
      await page.getByText('presales_service').waitFor();
      await shot(page, 'positions');
      const code = r.language === 'en' ? 'warehouse_en' : 'warehouse_zh';
      await page.getByRole('button', { name: btn(r.language === 'en' ? 'Add a position' : '新增岗位') }).click();
      const form = page.locator('.ant-modal-wrap:visible');
      await form.locator('#code').fill('presales_service');
      await form.locator('#nameZh').fill('仓管');
      await form.locator('#nameEn').fill('Warehouse keeper');
      await form.getByRole('button', { name: btn(w.save) }).click();
      await form.locator('.ant-form-item').filter({ has: page.locator('#code') }).locator('.ant-form-item-explain-error').waitFor();
      await form.locator('#code').fill(code);
      await form.getByRole('button', { name: btn(w.save) }).click();
      await page.getByRole('row', { name: new RegExp(code) }).waitFor();
      await page.getByRole('row', { name: new RegExp(code) }).getByRole('button', { name: btn(r.language === 'en' ? 'Retire' : '停用') }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: btn(r.language === 'en' ? 'Retire' : '停用') }).click();
      await page.getByRole('row', { name: new RegExp(code) }).getByRole('button', { name: btn(r.language === 'en' ? 'Bring back' : '恢复') }).waitFor();
      await page.context().close();
    });
  }

  it('gives an ordinary employee the "no access" screen, not a blank page', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      for (const language of ['zh-CN', 'en'] as const) {
        const context = await newContext(browser, { now, viewport, language });
        const page = await context.newPage();
        await signIn(page, run.baseUrl, employee.username, DEFAULT_PASSWORD);
        await page.goto(`${run.baseUrl}/app/office/staff`);
        await page.getByRole('heading', { name: WORDS[language].noAccess, level: 1 }).waitFor();
        await checkPage(page, `office-no-access-${language}`, viewport);
        await context.close();
      }
    }
  });
});
