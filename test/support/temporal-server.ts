import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * The Temporal CLI the tests run a development server from: TEMPORAL_CLI_PATH, the project's
 * tools folder (scripts/setup-temporal.sh), or `temporal` on the PATH.
 */
export function findTemporalCli(): string | undefined {
  const candidates = [
    process.env.TEMPORAL_CLI_PATH,
    join(__dirname, '..', '..', '.tools', 'temporal', 'bin', 'temporal'),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'temporal')),
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}

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
