import { TestWorkflowEnvironment } from '@temporalio/testing';

// The lookup is shared with `npm run start:temporal`, so it lives in scripts/, not here.
export { findTemporalCli } from '../../scripts/temporal-cli';

/** A development server on loopback, in memory, started the SDK's way from an existing binary. */
export function startTemporalDevServer(cli: string): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli },
      ip: '127.0.0.1',
      log: { format: 'pretty', level: 'error' },
    },
  });
}
