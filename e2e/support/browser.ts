import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: playwright's own browser downloads are not reachable from CI. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = join(process.cwd(), 'e2e', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1366, height: 860 },
  phone: { width: 375, height: 740 },
} as const;
export type Viewport = keyof typeof VIEWPORTS;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export interface ContextOptions {
  viewport?: Viewport;
  /** The instant the browser's clock shows: the same as the service's fixed clock. */
  now: Date;
  /** zh-CN unless the journey switches. */
  language?: 'zh-CN' | 'en';
  /** 'reduce' unless a journey checks the console with its motion on. */
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * A fresh browser profile. The browser sits in New York on purpose: the console must show company
 * time (Asia/Shanghai), whatever zone the browser is in.
 */
export async function newContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const viewport = VIEWPORTS[options.viewport ?? 'desktop'];
  const context = await browser.newContext({
    viewport,
    isMobile: options.viewport === 'phone',
    hasTouch: options.viewport === 'phone',
    deviceScaleFactor: 1,
    timezoneId: 'America/New_York',
    locale: options.language === 'en' ? 'en-US' : 'zh-CN',
    // The console honours reduced motion (no antd motion, no CSS transitions): every screenshot and
    // every accessibility check sees a settled screen, never a dialog's mask halfway through fading.
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  await context.clock.setFixedTime(options.now);
  if (options.language) {
    await context.addInitScript((language) => {
      if (!localStorage.getItem('kaoqin.language')) localStorage.setItem('kaoqin.language', language);
    }, options.language);
  }
  return context;
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

/**
 * A person signed in on a fresh profile at `now`, on the console's `path` (a journey with several
 * people, each opening pages of their own).
 */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  who: { username: string; password: string },
  options: { now: Date; viewport: Viewport; language: 'zh-CN' | 'en'; path: string },
): Promise<Page> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await signIn(page, baseUrl, who.username, who.password);
  await page.goto(`${baseUrl}/app/${options.path}`);
  return page;
}

/**
 * Accessibility of what is on screen now: 0 serious or critical violations (WCAG 2.1 AA rules).
 * Returns the violations so that a failing test prints them.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // Only violations are read: collecting every passing node doubles axe's time on antd pages.
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} [${node.any[0]?.message ?? node.failureSummary ?? ''}]`);
      return `${violation.id} (${violation.impact}): ${violation.help} — ${nodes.join(', ')}`;
    });
}

/** No sideways scrolling: the page is no wider than the viewport (phone pages at 375 px). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Writes e2e/screenshots/<name>-<viewport>.png, the folder reviewers look at. */
export async function screenshot(page: Page, name: string, viewport: Viewport): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Lazy chunks and the page's reads settle first; motion is off (reduced motion), so once the
  // fonts are in and two frames have painted, the picture shows the page, not its entrance.
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  // From the top: a full-page picture taken while scrolled shows the sticky header halfway down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport}.png`), fullPage: true });
}
