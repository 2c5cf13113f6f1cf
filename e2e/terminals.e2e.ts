import type { Browser, Page } from 'playwright-core';
import { loginAdmin, newStaff, type SignedIn } from '../test/support/actors';
import { ADMIN_PASSWORD } from '../test/support/test-app';
import { launchBrowser, newContext, signIn, type Viewport } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/** The words the journey clicks and expects, in each language. */
const WORDS = {
  'zh-CN': {
    devicesTitle: '考勤设备', register: '登记设备', registerOk: '登记并生成密钥', keySaved: '我已保存密钥',
    ahead: '快 5 分', beyond: '超出允许的 2 分', retry: '重试记录…', retryOk: '重试', notBefore: '不能早于 2026-12-01',
    summary: '重试 2 条；已入库 1 条；仍未入库 1 条', stored: '已入库', stillRejected: '仍未入库', unknownPerson: '找不到对应的员工', close: '关闭',
    setTime: '校准时间', info: '读取信息', recover: '补传记录…', queue: '下发', refresh: '刷新',
    queued: '排队中', done: '已完成', failed: '失败', returnCode: '返回码 -1002', infoKind: '读取设备信息', recoverKind: '补传记录',
    everyDevice: '按原因重试所有设备…', oneStored: '重试 1 条；已入库 1 条；仍未入库 0 条', expand: /展开/, rtlog: 'rtlog',
    enrolled: '终端上的人员（1 人，1 人未匹配到员工）', matchesNobody: '未匹配到员工', unmatchedInList: '1 人未匹配到员工',
  },
  en: {
    devicesTitle: 'Devices', register: 'Register a device', registerOk: 'Register and create key', keySaved: 'I have saved the key',
    ahead: '5 min ahead', beyond: 'Beyond the 2 min allowed', retry: 'Retry lines…', retryOk: 'Retry', notBefore: 'must not be before 2026-12-01',
    summary: 'Lines retried: 2; stored: 1; still not stored: 1', stored: 'Stored', stillRejected: 'Still not stored', unknownPerson: 'No staff member matches', close: 'Close',
    setTime: 'Set the clock', info: 'Read information', recover: 'Recover records…', queue: 'Queue', refresh: 'Refresh',
    queued: 'Queued', done: 'Done', failed: 'Failed', returnCode: 'Return code -1002', infoKind: 'Read device information', recoverKind: 'Recover records',
    everyDevice: 'Retry one cause on every device…', oneStored: 'Lines retried: 1; stored: 1; still not stored: 0', expand: /expand/i, rtlog: 'rtlog',
    enrolled: 'Enrolled on this terminal (1; matching nobody: 1)', matchesNobody: 'matches nobody', unmatchedInList: 'Users matching nobody: 1',
  },
} as const;

type Language = keyof typeof WORDS;

/** A button's name as antd renders it: a space between two Chinese characters, an icon's label before it. */
const btn = (text: string) => new RegExp([...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?'));

/** Each run has its own terminal, person and unknown PIN, so that both runs share one service. */
const RUNS: { language: Language; viewport: Viewport; serial: string; name: string; employeeNo: string; unknownPin: string }[] = [
  { language: 'zh-CN', viewport: 'desktop', serial: 'TERM-FAST-ZH', name: '仓库考勤机', employeeNo: 'E5001', unknownPin: 'E5901' },
  { language: 'en', viewport: 'phone', serial: 'TERM-FAST-EN', name: 'Warehouse terminal', employeeNo: 'E5002', unknownPin: 'E5902' },
];

/**
 * Issue 19, the console: a terminal registered by the office; its clock runs five minutes fast, so a
 * punch is kept as rejected (TIME_IN_FUTURE) and a PIN matches nobody; the office sees the measured
 * difference, retries with it accepted (a reversed period refused beside its field), and the line is
 * stored; commands queued are delivered when the simulated terminal polls and answer done or failed;
 * the PIN's person registered (and pushed to the terminal on its next poll), one cause is retried on
 * every device; the users the terminal reports are listed, a PIN matching nobody marked. Both
 * languages, both widths, axe.
 */
describe('Terminal screens (issue 19)', () => {
  let browser: Browser;
  let run: RunningConsole;
  let admin: SignedIn;
  let firstDeviceId = '';
  /** The device page of each run's terminal, once registered. */
  const deviceUrl: Partial<Record<Language, string>> = {};
  // Tuesday 1 December 2026, 10:00 in Shanghai: the terminal's clock shows 10:05.
  const now = new Date('2026-12-01T02:00:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
    admin = await loginAdmin(run.t);
    for (const r of RUNS) await newStaff(run.t, admin, { employeeNo: r.employeeNo, name: `Staff ${r.employeeNo}`, hiredOn: '2025-01-01' });
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

  /** The simulated terminal: plain HTTP to /iclock/* as the PUSH document describes it. */
  const terminal = (serial: string) => ({
    handshake: () => run.t.http().get(`/iclock/cdata?SN=${serial}&options=all&pushver=2.4.1`).expect(200),
    upload: (table: string, lines: string[]) => run.t.http().post(`/iclock/cdata?SN=${serial}&table=${table}&Stamp=1`).set('Content-Type', 'text/plain').buffer(true).send(lines.join('\n')).expect(200),
    /** Polls once and answers each command: INFO with its information, a query of records with -1002 (the terminal failed it), the others done. */
    async pollAndAnswer(): Promise<string[]> {
      const polled = await run.t.http().get(`/iclock/getrequest?SN=${serial}`).buffer(true).expect(200);
      const commands = polled.text === 'OK' ? [] : polled.text.split('\n');
      for (const line of commands) {
        const [, id, command] = /^C:(\d+):(.*)$/.exec(line) ?? [];
        const verb = command.split(' ')[0];
        const code = command.startsWith('DATA QUERY ATTLOG') ? -1002 : 0;
        const reply = command === 'INFO' ? '\n~DeviceName=SenseFace 4\nFWVersion=Ver 6.60\nUserCount=2\nTransactionCount=5' : '';
        await run.t.http().post(`/iclock/devicecmd?SN=${serial}`).set('Content-Type', 'text/plain').buffer(true).send(`ID=${id}&Return=${code}&CMD=${verb}${reply}`).expect(200);
      }
      return commands.map((line) => line.replace(/^C:\d+:/, ''));
    },
  });

  for (const r of RUNS) {
    const w = WORDS[r.language];
    const shot = async (page: Page, name: string) => {
      // The browser's clock stands still, so toasts never time out: hidden while the picture is taken.
      if (await page.locator('.ant-modal-wrap:visible').count()) await page.waitForTimeout(600);
      const hide = await page.addStyleTag({ content: '.ant-message { visibility: hidden !important; }' });
      await checkPage(page, `terminals-${name}-${r.language}`, r.viewport);
      await hide.evaluate((node) => (node as unknown as { remove(): void }).remove());
    };

    it(`registers a terminal and sees its fast clock, its rejected lines and its kept uploads (${r.language}, ${r.viewport})`, async () => {
      const page = await open(r.language, r.viewport);
      await page.goto(`${run.baseUrl}/app/office/devices`);
      await page.getByRole('heading', { name: w.devicesTitle, level: 1 }).waitFor();
      await page.getByRole('button', { name: btn(w.register) }).click();
      const form = page.locator('.ant-modal-wrap:visible');
      await form.locator('#name').fill(r.name);
      await form.locator('#serialNumber').fill(r.serial);
      await form.getByRole('button', { name: btn(w.registerOk) }).click();
      await page.getByTestId('device-key').waitFor();
      await page.getByRole('button', { name: btn(w.keySaved) }).click();
      await page.getByRole('link', { name: r.name }).waitFor();

      // The terminal calls in, pushes a punch stamped 10:05 (five minutes ahead), a PIN nobody has, and a real-time event.
      const device = terminal(r.serial);
      await device.handshake();
      expect((await device.upload('ATTLOG', [`${r.employeeNo}\t2026-12-01 10:05:00\t0\t1`, `${r.unknownPin}\t2026-12-01 08:55:00\t0\t1`])).text).toBe('OK:0');
      await device.upload('rtlog', ['time=2026-12-01 10:05:00\tpin=0\tcardno=0\teventaddr=1\tevent=27\tinoutstatus=0\tverifytype=200']);
      // Its users, as it reports them: one PIN nobody in Kaoqin has (a visitor enrolled on the terminal itself).
      await device.upload('USERINFO', ['USER PIN=GUEST1\tName=Visitor\tPri=0\tPasswd=1234\tCard=[0012D687]\tGrp=1']);

      await page.reload();
      const row = page.getByRole('row', { name: new RegExp(r.serial) });
      await row.getByText(w.ahead).waitFor();
      await row.getByText(w.unmatchedInList).waitFor();
      await shot(page, 'devices');
      await row.getByRole('link', { name: r.name }).click();
      await page.getByRole('heading', { name: r.name, level: 1 }).waitFor();
      await page.getByText(w.beyond).first().waitFor();
      await page.getByText(w.unknownPerson).waitFor();
      await page.getByText(w.rtlog, { exact: true }).waitFor();
      await page.getByRole('heading', { name: w.enrolled, level: 2 }).waitFor();
      await page.getByRole('row', { name: /GUEST1/ }).getByText(w.matchesNobody).waitFor();
      await shot(page, 'device');
      deviceUrl[r.language] = page.url();
      if (r.language === 'zh-CN') firstDeviceId = page.url().split('/').pop() ?? '';
      await page.context().close();
    });

    it(`retries the lines with the clock difference accepted, a reversed period refused beside its field (${r.language}, ${r.viewport})`, async () => {
      const page = await open(r.language, r.viewport);
      await page.goto(deviceUrl[r.language] ?? '');
      await page.getByRole('heading', { name: r.name, level: 1 }).waitFor();
      // The rejected line's row, by its time too: the command queue lists the person's PIN as well (pushed to the terminal).
      const rejectedRow = page.getByRole('row', { name: new RegExp(`${r.employeeNo}\\s+2026-12-01 10:05:00`) });
      await rejectedRow.waitFor();
      // Retry with the measured difference accepted; a period that ends before it starts is refused beside its last date.
      await page.getByRole('button', { name: btn(w.retry) }).click();
      const retry = page.locator('.ant-modal-wrap:visible');
      await retry.locator('#acceptSkew').click();
      expect(await retry.locator('#clockSkewSeconds').inputValue()).toBe('300');
      expect(await retry.locator('#from').inputValue()).toBe('2026-12-01');
      await retry.locator('#to').fill('2026-11-30');
      await retry.getByRole('button', { name: btn(w.retryOk) }).click();
      await retry.locator('.ant-form-item').filter({ has: page.locator('#to') }).locator('.ant-form-item-explain-error').getByText(w.notBefore).waitFor();
      await shot(page, 'retry');
      await retry.locator('#to').fill('2026-12-01');
      await retry.getByRole('button', { name: btn(w.retryOk) }).click();
      const result = page.locator('.ant-modal-wrap:visible');
      await result.getByTestId('retry-summary').getByText(w.summary).waitFor();
      await result.getByRole('row', { name: new RegExp(r.employeeNo) }).getByText(w.stored).waitFor();
      await result.getByRole('row', { name: new RegExp(r.unknownPin) }).getByText(w.unknownPerson).waitFor();
      await shot(page, 'retry-result');
      await result.locator('.ant-modal-footer').getByRole('button', { name: btn(w.close) }).click();
      // Stored at the terminal's 10:05 less the 300 s accepted: 10:00 in Shanghai.
      const stored = await run.t.sql<{ at: Date }>('SELECT p.at FROM punch p JOIN staff s ON s.id = p.staff_id WHERE s.employee_no = $1', [r.employeeNo]);
      expect(stored.map((punch) => punch.at.toISOString())).toEqual(['2026-12-01T02:00:00.000Z']);
      await rejectedRow.waitFor({ state: 'detached' });
      await page.context().close();
    });

    it(`queues commands, each asked first, and sees them done or failed once the terminal polls and answers (${r.language}, ${r.viewport})`, async () => {
      const device = terminal(r.serial);
      const page = await open(r.language, r.viewport);
      await page.goto(deviceUrl[r.language] ?? '');
      await page.getByRole('heading', { name: r.name, level: 1 }).waitFor();
      // Commands, each asked first; the terminal polls and answers: two done, the query of records failed with its code.
      await page.getByRole('button', { name: btn(w.setTime) }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: btn(w.queue) }).click();
      await page.getByRole('row', { name: new RegExp(w.setTime) }).getByText(w.queued).waitFor();
      await page.getByRole('button', { name: btn(w.info) }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: btn(w.queue) }).click();
      await page.getByRole('row', { name: new RegExp(w.infoKind) }).waitFor();
      await page.getByRole('button', { name: btn(w.recover) }).click();
      const recover = page.locator('.ant-modal-wrap:visible');
      await recover.locator('#from').fill('2026-11-28');
      await recover.locator('#to').fill('2026-11-30');
      await recover.getByRole('button', { name: btn(w.queue) }).click();
      await page.getByRole('row', { name: new RegExp(w.recoverKind) }).waitFor();
      const ran = await device.pollAndAnswer();
      // Registered with staff pushed (the default): everyone employed then was queued first, with their PIN.
      const pushed = ran.filter((command) => command.startsWith('DATA UPDATE USERINFO '));
      expect(pushed).toContain(`DATA UPDATE USERINFO PIN=${r.employeeNo}\tName=Staff ${r.employeeNo}\tPri=0`);
      expect(ran.slice(pushed.length)).toEqual([expect.stringMatching(/^SET OPTIONS DateTime=\d+$/), 'INFO', 'DATA QUERY ATTLOG StartTime=2026-11-28 00:00:00\tEndTime=2026-11-30 23:59:59']);
      await page.getByRole('button', { name: btn(w.refresh) }).click();
      await page.getByRole('row', { name: new RegExp(w.setTime) }).getByText(w.done).waitFor();
      await page.getByRole('row', { name: new RegExp(w.recoverKind) }).getByText(w.returnCode).waitFor();
      await page.getByRole('row', { name: new RegExp(w.recoverKind) }).getByText(w.failed, { exact: true }).waitFor();
      await page.getByRole('row', { name: new RegExp(w.infoKind) }).getByRole('button', { name: w.expand }).click();
      await page.getByText('FWVersion=Ver 6.60').waitFor();
      await shot(page, 'commands');
      await page.context().close();
    });

    it(`retries one cause on every device once the person behind the PIN is registered (${r.language}, ${r.viewport})`, async () => {
      const page = await open(r.language, r.viewport);
      // The person behind the PIN is registered: that cause is retried on every device.
      await newStaff(run.t, admin, { employeeNo: r.unknownPin, name: `Staff ${r.unknownPin}`, hiredOn: '2025-01-01' });
      // The office created the person: the terminal's next poll is sent them.
      expect(await terminal(r.serial).pollAndAnswer()).toEqual([`DATA UPDATE USERINFO PIN=${r.unknownPin}\tName=Staff ${r.unknownPin}\tPri=0`]);
      await page.goto(`${run.baseUrl}/app/office/devices`);
      await page.getByRole('button', { name: btn(w.everyDevice) }).click();
      await page.locator('.ant-modal-wrap:visible').getByRole('button', { name: btn(w.retryOk) }).click();
      const every = page.locator('.ant-modal-wrap:visible');
      await every.getByTestId('retry-summary').getByText(w.oneStored).waitFor();
      await every.getByRole('row', { name: new RegExp(r.unknownPin) }).getByText(r.name).waitFor();
      await shot(page, 'retry-every');
      await page.context().close();
    });
  }

  for (const { language, viewport } of [
    { language: 'en', viewport: 'desktop' },
    { language: 'zh-CN', viewport: 'phone' },
  ] as const) {
    it(`shows the terminal pages in the other language and width too (${language}, ${viewport})`, async () => {
      const page = await open(language, viewport);
      for (const [path, name, ready] of [
        ['office/devices', 'devices', '.ant-table-row'],
        [`office/devices/${firstDeviceId}`, 'device', '.terminal-text'],
      ] as const) {
        await page.goto(`${run.baseUrl}/app/${path}`);
        await page.locator(ready).first().waitFor();
        await checkPage(page, `terminals-${name}-${language}`, viewport);
      }
      await page.context().close();
    });
  }
});
