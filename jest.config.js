/** Two projects: pure unit tests (`*.spec.ts`, no database) and tests against a real embedded PostgreSQL (`*.e2e-spec.ts`: HTTP, browser, Temporal activities). */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { swcrc: true }] };
const moduleNameMapper = {
  '^@vufo/(domain|persistence|engine)$': '<rootDir>/libs/$1/src',
  '^@vufo/(domain|persistence|engine)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@vufo/workflows$': '<rootDir>/workflows',
  '^@vufo/workflows/(.*)$': '<rootDir>/workflows/$1',
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
      // Everything that needs the real PostgreSQL shares one embedded server (one globalSetup).
      testMatch: [
        '<rootDir>/apps/*/test/**/*.e2e-spec.ts',
        '<rootDir>/workflows/**/*.e2e-spec.ts',
        '<rootDir>/libs/**/*.e2e-spec.ts',
        // Checks across the apps (the docker stack), which no app's own tests may import.
        '<rootDir>/test/**/*.e2e-spec.ts',
      ],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
