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

export interface LighthouseScores {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
}

/**
 * Lighthouse 12 (its default mobile profile with simulated throttling) on a console page, signed in:
 * the session is put into localStorage first, exactly as the sign-in form would, and Lighthouse is
 * told not to clear it. Debian's Chromium, as in the browser journeys.
 */
export async function lighthouseScores(serviceUrl: string, path: string, session: SignedInAs): Promise<LighthouseScores> {
  const chromeLauncher = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
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
    const result = await lighthouse(`${serviceUrl}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      disableStorageReset: true,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    await browser.disconnect();
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const categories = result.lhr.categories;
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    return { page: path, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices') };
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
