/**
 * `npm run test:e2e`: the console in a real headless Chromium (Debian's, driven by playwright-core)
 * against the real service on a real PostgreSQL; same database setup as `npm test`.
 */
module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.jest.json' }],
  },
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Three journeys at once, each with its own browser, service and database: a journey spends much of
  // its time waiting on the other (browser on service, service on PostgreSQL). Nine files on this
  // 2-core machine: 11.5 min one at a time (seven files then), 8.9 min two at a time, 7.9 min three.
  maxWorkers: 3,
  testTimeout: 180000,
};
