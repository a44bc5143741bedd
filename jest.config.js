/** Two projects: pure unit tests (no database) and API tests against a real embedded PostgreSQL. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { swcrc: true }] };
const moduleNameMapper = {
  '^@vufo/(domain|persistence|engine)$': '<rootDir>/libs/$1/src',
  '^@vufo/(domain|persistence|engine)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/workflows/**/*.spec.ts'],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'api',
      rootDir: __dirname,
      testMatch: ['<rootDir>/apps/api/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
