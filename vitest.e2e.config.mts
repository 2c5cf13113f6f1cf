import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the console in a real headless Chromium (Debian's, driven by playwright-core)
 * against the real service on a real PostgreSQL; same database setup as `npm test` (vitest.config.mts).
 */
export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globals: true,
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    // As in `npm test`: the service's modules are loaded once per worker; each journey starts its own
    // service, browser and database.
    isolate: false,
    // Two journeys at once. They are CPU-bound (Chromium's renderers: drawing antd pages and running
    // axe on them), so on this 2-core machine a third only slows the others: with three the admin
    // journey's steps ran past their 180 s limit; with two all twelve files took 1,428 s
    // (2 December 2026, docs/ci.md).
    maxWorkers: 2,
    testTimeout: 180000,
    hookTimeout: 180000,
    teardownTimeout: 60000,
  },
});
