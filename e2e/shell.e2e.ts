import type { Browser } from 'playwright-core';
import { DEFAULT_PASSWORD, loginAdmin, newStaff } from '../test/support/actors';
import { ADMIN_PASSWORD } from '../test/support/test-app';
import { launchBrowser, newContext, signIn } from './support/browser';
import { checkPage } from './support/page-check';
import { type RunningConsole, startConsole } from './support/service';

/**
 * The frame every person meets: signing in, the language switch, who is signed in, the token kept
 * out of URLs and forgotten on sign-out and on 401, and clocking in with one tap on a phone.
 */
describe('Console shell and today (issue 14)', () => {
  let browser: Browser;
  let run: RunningConsole;
  // Monday 30 November 2026, 08:20 in Shanghai: an office workday, before the shift starts.
  const now = new Date('2026-11-30T00:20:00Z');

  beforeAll(async () => {
    run = await startConsole(now.toISOString());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.t.close();
  });

  it('signs in (both languages, both widths), shows who is signed in and in which roles', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      for (const language of ['zh-CN', 'en'] as const) {
        const context = await newContext(browser, { now, viewport, language });
        const page = await context.newPage();
        await page.goto(`${run.baseUrl}/`);
        await page.waitForURL(/\/app\/sign-in$/);
        await page.getByRole('heading', { name: language === 'en' ? 'Sign in to Kaoqin' : '登录考勤' }).waitFor();
        await checkPage(page, `sign-in-${language}`, viewport);
        await page.locator('button[type=submit]').click();
        await page.getByText(language === 'en' ? 'Enter your Username' : '请填写用户名').waitFor();
        await context.close();
      }
    }
    const context = await newContext(browser, { now });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    expect(page.url()).toBe(`${run.baseUrl}/app/today`);
    await page.locator('.shell-user').getByText('行政').waitFor();
    await context.close();
  });

  it('shows a wrong password beside the form in the reader language, and never puts the token in a URL', async () => {
    const context = await newContext(browser, { now, language: 'en' });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${run.baseUrl}/app/sign-in`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('kaoqin.session') ?? '{}').token as string);
    expect(token).toMatch(/^ey/);
    expect(urls.filter((url) => url.includes(token))).toEqual([]);
    await context.close();
  });

  it('remembers the language switch across reloads and asks the API in it', async () => {
    const context = await newContext(browser, { now });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: '今日考勤' }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    const asked = page.waitForRequest((request) => request.url().includes('/attendance/today'));
    await page.reload();
    expect((await asked).headers()['accept-language']).toBe('en');
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });

  it('lets an employee clock in with one tap at phone width and shows the time in company time, not the browser zone', async () => {
    const admin = await loginAdmin(run.t);
    const employee = await newStaff(run.t, admin, { name: '王小明', hiredOn: '2026-01-01' });
    for (const language of ['zh-CN', 'en'] as const) {
      const context = await newContext(browser, { now, viewport: 'phone', language });
      const page = await context.newPage();
      await signIn(page, run.baseUrl, employee.username, DEFAULT_PASSWORD);
      await checkPage(page, `today-${language}`, 'phone');
      if (language === 'zh-CN') {
        await page.locator('.clock-button').click();
        // 08:20 in Shanghai; the browser is in New York (19:20 the day before).
        await page.getByText('已打卡 08:20').waitFor();
        await page.locator('.today-result').getByText('08:20', { exact: true }).waitFor();
        await checkPage(page, 'today-clocked-zh-CN', 'phone');
      }
      await context.close();
    }
    const desktop = await newContext(browser, { now, language: 'zh-CN' });
    const page = await desktop.newPage();
    await signIn(page, run.baseUrl, employee.username, DEFAULT_PASSWORD);
    await checkPage(page, 'today-zh-CN', 'desktop');
    await desktop.close();
  });

  it('forgets the token on sign-out and when the service answers 401', async () => {
    const context = await newContext(browser, { now });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/app\/sign-in$/);
    expect(await page.evaluate(() => localStorage.getItem('kaoqin.session'))).toBeNull();

    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    // The token is revoked behind the console's back (a password change bumps the token version).
    const admin = await loginAdmin(run.t);
    await run.t.http().post(`/staff/${admin.id}/password`).set(admin.auth).send({ oldPassword: ADMIN_PASSWORD, newPassword: ADMIN_PASSWORD }).expect(204);
    await page.reload();
    await page.waitForURL(/\/app\/sign-in$/);
    expect(await page.evaluate(() => localStorage.getItem('kaoqin.session'))).toBeNull();
    await context.close();
  });

  it('shows its own "page not found" screen for an unknown address', async () => {
    const context = await newContext(browser, { now });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${run.baseUrl}/app/no-such-page`);
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await context.close();
  });

  it('moves less when the system asks for less motion, and keeps its motion otherwise', async () => {
    const transitionOfSubmit = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await newContext(browser, { now, reducedMotion });
      const page = await context.newPage();
      await page.goto(`${run.baseUrl}/app/sign-in`);
      const submit = page.locator('button[type=submit]');
      await submit.waitFor();
      const duration = await submit.evaluate((element) => getComputedStyle(element).transitionDuration);
      await context.close();
      return duration;
    };
    expect(await transitionOfSubmit('reduce')).toMatch(/^0s(, 0s)*$/);
    expect(await transitionOfSubmit('no-preference')).not.toMatch(/^0s(, 0s)*$/);
  });
});
