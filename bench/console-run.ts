import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { startService } from '../src/bootstrap/start-service';
import { loadConfig } from '../src/config/app-config';
import { consoleFigures, firstScreenJavaScript, lighthouseScores, reportPageSmoothness, smoothnessFigures } from './console';
import { freshDatabase } from './database';
import { Api } from './http';
import { recomputeThroughApi, seedPunchesWithSql } from './measure';
import { COMPANY_ZONE } from './options';
import { evaluate, printReport } from './report';
import { seedCompany } from './seed';

/** `--staff N` (BENCH_STAFF): a seeded company of N people with last month's punches (SQL) behind the report. */
function staffOption(): number {
  const at = process.argv.indexOf('--staff');
  const raw = at >= 0 ? process.argv[at + 1] : process.env.BENCH_STAFF;
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 20_000) throw new Error(`--staff must be a whole number up to 20000, got "${raw}"`);
  return Number(raw);
}

/**
 * `npm run bench:console [-- --staff N]`: only the console's figures (the last section of `npm run
 * bench`), for working on the console's weight and scores without the whole bench: on a company of
 * two, or with `--staff N` on a seeded company whose last month the report page shows.
 */
async function main(): Promise<void> {
  const staff = staffOption();
  const startedAt = new Date();
  const database = await freshDatabase(process.env.BENCH_DATABASE_URL ?? null);
  const adminPassword = randomBytes(12).toString('hex');
  const service = await startService(
    loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: randomBytes(32).toString('hex'), ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'error' }),
  );
  try {
    const api = new Api(service.url);
    const admin = await api.login('admin', adminPassword);
    const lastMonth = DateTime.now().setZone(COMPANY_ZONE).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
    if (staff > 0) {
      const dataSource = service.app.get(DataSource);
      const company = await seedCompany(api, dataSource, admin, { staff, month: lastMonth, clockUsers: 1, seed: 1 });
      const pool = new pg.Pool({ connectionString: (dataSource.options as { url: string }).url, max: 4 });
      try {
        await seedPunchesWithSql(pool, company, 10_000, 3);
      } finally {
        await pool.end();
      }
      await recomputeThroughApi(api, admin, lastMonth);
    }
    const password = randomBytes(12).toString('hex');
    const people = [
      { employeeNo: 'BENCH-E1', name: '李雷', username: 'bench-employee', roles: [] as string[] },
      { employeeNo: 'BENCH-F1', name: '韩梅梅', username: 'bench-finance', roles: ['finance'] },
    ];
    const sessions = [];
    for (const person of people) {
      await api.ok('POST', '/staff', { token: admin, json: { ...person, password, hiredOn: '2025-01-01' } });
      const token = await api.login(person.username, password);
      sessions.push({ token, staff: await api.ok('GET', '/auth/me', { token }) });
    }
    const js = firstScreenJavaScript();
    const month = staff > 0 ? lastMonth : DateTime.now().setZone(COMPANY_ZONE).toFormat('yyyy-MM');
    const scores = [await lighthouseScores(service.url, '/app/today', sessions[0]), await lighthouseScores(service.url, `/app/finance/report?month=${month}`, sessions[1], 'desktop')];
    const total = (await api.ok<{ total: number }>('GET', `/reports/monthly?month=${month}&pageSize=1`, { token: sessions[1].token })).total;
    const smoothness = await reportPageSmoothness(service.url, month, sessions[1], total);
    printReport({
      startedAt: startedAt.toISOString(),
      options: { only: 'console', staff, node: process.version },
      database: database.description,
      counts: [],
      figures: [...consoleFigures(js, scores), ...smoothnessFigures(smoothness)].map(evaluate),
      details: [{ section: 'console: first-screen files', lines: js.files }, { section: 'console: Lighthouse metrics', lines: scores.map((page) => `${page.page}: ${page.metrics}`) }],
      memory: [],
      seconds: (Date.now() - startedAt.getTime()) / 1000,
    });
  } finally {
    await service.stop();
    await database.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
