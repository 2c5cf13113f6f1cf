/** Jest runs in native ESM mode (NestJS 12 is ESM-only); see package.json "test". */
module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.jest.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Every answer a test receives is checked against the OpenAPI document (see README, "The OpenAPI document").
  setupFilesAfterEnv: ['<rootDir>/test/setup/response-contract.ts'],
  maxWorkers: 2,
  testTimeout: 60000,
};
