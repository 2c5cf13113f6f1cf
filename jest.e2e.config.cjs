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
  // One browser at a time: two cores, and a journey is already a browser plus a service.
  maxWorkers: 1,
  testTimeout: 180000,
};
