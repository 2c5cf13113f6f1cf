import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { startService } from '../src/bootstrap/start-service';
import { loadConfig } from '../src/config/app-config';
import { consoleFigures, firstScreenJavaScript, lighthouseScores, reportPageSmoothness, smoothnessFigures } from './console';
import { freshDatabase } from './database';
import { Api } from './http';
import { evaluate, printReport } from './report';

/**
 * `npm run bench:console`: only the console's figures (the last section of `npm run bench`), on a
 * small fresh company, for working on the console's weight and scores without the whole bench.
 */
async function main(): Promise<void> {
  const startedAt = new Date();
  const database = await freshDatabase(process.env.BENCH_DATABASE_URL ?? null);
  const adminPassword = randomBytes(12).toString('hex');
  const service = await startService(
    loadConfig({ ...database.env, PORT: '0', HOST: '127.0.0.1', JWT_SECRET: randomBytes(32).toString('hex'), ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'error' }),
  );
  try {
    const api = new Api(service.url);
    const admin = await api.login('admin', adminPassword);
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
    const scores = [await lighthouseScores(service.url, '/app/today', sessions[0]), await lighthouseScores(service.url, '/app/finance/report', sessions[1])];
    const month = new Date().toISOString().slice(0, 7);
    const total = (await api.ok<{ total: number }>('GET', `/reports/monthly?month=${month}&pageSize=1`, { token: sessions[1].token })).total;
    const smoothness = await reportPageSmoothness(service.url, month, sessions[1], total);
    printReport({
      startedAt: startedAt.toISOString(),
      options: { only: 'console', node: process.version },
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
