import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './report';

/** The console's figures (issue 14): JavaScript of the first screen, and Lighthouse on two pages. */

const WEB_DIR = join(process.cwd(), 'dist', 'web');

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/**
 * Gzip bytes of the JavaScript a signed-in employee's first screen loads: the entry, the Today
 * page's chunk, and every chunk they import statically (Vite's manifest lists them), each counted once.
 */
export function firstScreenJavaScript(): { gzipBytes: number; files: string[] } {
  const manifest = JSON.parse(readFileSync(join(WEB_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The console build's manifest has no ${key}: run npm run build`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  visit('src/features/employee/Today.tsx');
  const files = [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(WEB_DIR, file)), { level: 9 }).length, 0);
  return { gzipBytes, files };
}

export interface SignedInAs {
  token: string;
  /** GET /auth/me of that token: the console keeps it next to the token. */
  staff: unknown;
}

/** A DOM node as Lighthouse describes it in an audit's details. */
interface LhNode {
  selector?: string;
  nodeLabel?: string;
}

export interface LighthouseScores {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The performance metrics behind the score: FCP, LCP, TBT, CLS, Speed Index (ms, CLS unitless). */
  metrics: string;
}

/**
 * Lighthouse 12 on a console page, signed in — its mobile profile for the employee's pages (staff clock in
 * from phones), its desktop profile for finance's report (a desk job on a wide table) — with simulated throttling:
 * the session is put into localStorage first, exactly as the sign-in form would, and Lighthouse is
 * told not to clear it. Debian's Chromium, as in the browser journeys.
 */
export async function lighthouseScores(serviceUrl: string, path: string, session: SignedInAs, formFactor: 'mobile' | 'desktop' = 'mobile'): Promise<LighthouseScores> {
  const chromeLauncher = await import('chrome-launcher');
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const puppeteer = await import('puppeteer-core');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    await page.goto(`${serviceUrl}/app/sign-in`);
    // Runs in the page, where localStorage exists (this file is compiled without the DOM library).
    await page.evaluate((value) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kaoqin.session', value), JSON.stringify({ token: session.token, expiresAt: Date.now() + 3600_000, staff: session.staff }));
    await page.close();
    const result = await lighthouse(
      `${serviceUrl}${path}`,
      { port: chrome.port, output: 'json', logLevel: 'error', disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'] },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    await browser.disconnect();
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const categories = result.lhr.categories;
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    const audit = (id: string) => result.lhr.audits[id]?.displayValue ?? '?';
    const work = (result.lhr.audits['mainthread-work-breakdown']?.details as { items?: { groupLabel: string; duration: number }[] } | undefined)?.items ?? [];
    const breakdown = work.slice(0, 4).map((item) => `${item.groupLabel} ${Math.round(item.duration)} ms`).join(', ');
    // What to work on next: the element the LCP waited for and the longest main-thread tasks.
    const lcpDetails = result.lhr.audits['largest-contentful-paint-element']?.details as { items?: ({ node?: LhNode } & { items?: { node?: LhNode }[] })[] } | undefined;
    const lcpItem = lcpDetails?.items?.[0];
    const lcpNode = lcpItem?.node ?? lcpItem?.items?.[0]?.node;
    const lcpLabel = lcpNode ? `${lcpNode.selector ?? ''} "${(lcpNode.nodeLabel ?? '').slice(0, 40)}"` : `? (${result.lhr.audits['largest-contentful-paint-element']?.errorMessage ?? 'not reported'})`;
    const longTasks = ((result.lhr.audits['long-tasks']?.details as { items?: { url: string; duration: number; startTime: number }[] } | undefined)?.items ?? [])
      .slice(0, 3)
      .map((task) => `${Math.round(task.duration)} ms at ${Math.round(task.startTime)} ms (${task.url.split('/').pop()})`)
      .join(', ');
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => `${id} ${audit(id)}`).join(', ') + `; main thread: ${breakdown}; LCP element ${lcpLabel}; long tasks: ${longTasks || 'none'}; host benchmarkIndex ${Math.round(result.lhr.environment.benchmarkIndex)}`;
    return { page: `${path} (${formFactor})`, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), metrics };
  } finally {
    chrome.kill();
  }
}

export function consoleFigures(js: { gzipBytes: number }, scores: LighthouseScores[]): Figure[] {
  const figures: Figure[] = [
    {
      name: 'console: first-screen JavaScript (gzip)',
      unit: 'KB',
      ours: js.gzipBytes / 1024,
      baseline: null,
      better: 'lower',
      target: { op: '<=', value: 300 },
      note: 'the entry, the Today page and their static imports, gzip -9 (Vite manifest)',
    },
  ];
  for (const page of scores) {
    figures.push(
      { name: `console: Lighthouse performance ${page.page}`, unit: '', ours: page.performance, baseline: null, better: 'higher', target: { op: '>=', value: 90 } },
      { name: `console: Lighthouse accessibility ${page.page}`, unit: '', ours: page.accessibility, baseline: null, better: 'higher', target: { op: '>=', value: 95 } },
      { name: `console: Lighthouse best practices ${page.page}`, unit: '', ours: page.bestPractices, baseline: null, better: 'higher', target: { op: '>=', value: 95 } },
    );
  }
  return figures;
}

export interface ReportSmoothness {
  rows: number;
  loadSeconds: number;
  /** The longest main-thread task (ms) while sorting by name, then by employee number. */
  sortLongestTaskMs: number;
  /** The longest main-thread task (ms) while scrolling the whole table in 20 steps. */
  scrollLongestTaskMs: number;
}

/**
 * Finance's report page with the whole seeded company (issue 14: "10,000 staff scroll and sort
 * without freezing"): in Debian's Chromium through playwright-core, at desktop size, signed in as
 * finance. The page loads every row (the API pages at 200), then sorts and scrolls a virtual table;
 * the figure is the longest main-thread task the browser reports (PerformanceObserver 'longtask').
 */
export async function reportPageSmoothness(serviceUrl: string, month: string, session: SignedInAs, expectedRows: number): Promise<ReportSmoothness> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    await context.addInitScript((value) => {
      const w = globalThis as unknown as { localStorage: { setItem(k: string, v: string): void }; __longest: number; PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => { observe(o: object): void } };
      w.localStorage.setItem('kaoqin.session', value);
      w.__longest = 0;
      new w.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    }, JSON.stringify({ token: session.token, expiresAt: Date.now() + 3600_000, staff: session.staff }));
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${serviceUrl}/app/finance/report?month=${month}`);
    // Every row is in once the total line counts them all.
    await page.locator('.fin-report-table .ant-table-summary').getByText(new RegExp(`${expectedRows}`)).first().waitFor({ timeout: 300_000 });
    const loadSeconds = (performance.now() - started) / 1000;
    const longest = () => page.evaluate(() => (globalThis as unknown as { __longest: number }).__longest);
    const reset = () => page.evaluate(() => ((globalThis as unknown as { __longest: number }).__longest = 0));
    await page.waitForTimeout(500);
    await reset();
    for (const header of ['姓名', '工号']) {
      await page.locator('.fin-report-table th').filter({ hasText: header }).first().click();
      await page.waitForTimeout(300);
    }
    const sortLongestTaskMs = await longest();
    await reset();
    const holder = page.locator('.fin-report-table .ant-table-tbody-virtual-holder, .fin-report-table .ant-table-body').first();
    for (let step = 1; step <= 20; step++) {
      await holder.evaluate((element, fraction) => element.scrollTo({ top: element.scrollHeight * fraction }), step / 20);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
    return { rows: expectedRows, loadSeconds, sortLongestTaskMs, scrollLongestTaskMs: await longest() };
  } finally {
    await browser.close();
  }
}

export function smoothnessFigures(run: ReportSmoothness): Figure[] {
  return [
    { name: `console: report page, all ${run.rows} rows loaded`, unit: 's', ours: run.loadSeconds, baseline: null, better: 'lower', target: null },
    // 200 ms: past it a click visibly hangs; RAIL's 100 ms is for the response to start.
    { name: 'console: report page, longest task while sorting', unit: 'ms', ours: run.sortLongestTaskMs, baseline: null, better: 'lower', target: { op: '<=', value: 200 } },
    { name: 'console: report page, longest task while scrolling', unit: 'ms', ours: run.scrollLongestTaskMs, baseline: null, better: 'lower', target: { op: '<=', value: 200 } },
  ];
}
