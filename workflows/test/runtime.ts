import { DefaultLogger, Runtime } from '@temporalio/worker';

/** One quiet Temporal runtime per test process: replay failures are asserted, not printed. */
export function quietRuntime(): void {
  try {
    Runtime.install({
      logger: new DefaultLogger('ERROR'),
      telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
    });
  } catch {
    // Already installed by another test file of this process.
  }
}
