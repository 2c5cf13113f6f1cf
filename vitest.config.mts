import { defineConfig } from 'vitest/config';

/**
 * `npm test`. Vitest rather than jest: jest's ESM VM (--experimental-vm-modules) linked NestJS,
 * TypeORM and the app again for every test file, 4–5 s of CPU each (docs/ci.md). Here node_modules
 * load natively, and the app's own files are transformed once per run (oxc, with the decorator
 * metadata NestJS injects by, as tsc emits it).
 */
export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    include: ['test/**/*.spec.ts'],
    globals: true,
    environment: 'node',
    // Migrates the template database each file clones (on the server or an embedded PostgreSQL),
    // writes the OpenAPI document and builds the service once for the suites that run it as a
    // process; afterwards drops them and checks every operation was exercised.
    globalSetup: ['test/setup/global-setup.ts'],
    // Every answer a test receives is checked against the OpenAPI document (see README, "The OpenAPI document").
    setupFiles: ['test/setup/response-contract.ts'],
    // Two worker processes, each running its files one after another in one module cache: NestJS,
    // TypeORM and the app are loaded once per worker, not once per file. The files stay independent:
    // each starts its own app on a database of its own (test/support/test-app.ts), and the few
    // globals a file changes it restores (test/attendance/attendance-tz.spec.ts).
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60000,
    // jest's testTimeout covered hooks too; the apps and databases start in beforeAll.
    hookTimeout: 60000,
    teardownTimeout: 60000,
  },
});
