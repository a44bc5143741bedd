/** Two projects: pure unit tests (no database) and API tests against a real embedded PostgreSQL. */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { swcrc: true }] };
const moduleNameMapper = {
  '^@vufo/(domain|persistence|engine)$': '<rootDir>/libs/$1/src',
  '^@vufo/(domain|persistence|engine)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
module.exports = {
  // A project-level testTimeout is ignored by Jest 30; API tests boot a real app and need time.
  testTimeout: 60000,
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
    },
  ],
};
