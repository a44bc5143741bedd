import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { DEFAULT_HOLIDAY_DATES_VN, localDateOf, WorkingDayCalendar } from '@vufo/domain';
import { findTemporalCli as findCli, GET_TEMPORAL_CLI } from '../../scripts/temporal-cli';
import { ROOT } from './harness';
import { answers, Service } from './service';

/** The Temporal CLI (which holds the development server), found as the tests and `start:temporal` find it. */
export function findTemporalCli(): string {
  const found = findCli();
  if (!found) throw new Error(`No Temporal CLI: ${GET_TEMPORAL_CLI}`);
  return found;
}

export const TEMPORAL_NAMESPACE = 'default';
export const TEMPORAL_TASK_QUEUE = 'plan-approval';

/** The frontend answers and the namespace exists (the dev server registers it after binding). */
async function temporalReady(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: '1s' });
  try {
    await connection.withDeadline(Date.now() + 2000, () =>
      connection.workflowService.describeNamespace({ namespace: TEMPORAL_NAMESPACE }),
    );
    return true;
  } finally {
    await connection.close();
  }
}

/**
 * `temporal server start-dev` persisting to one SQLite file; a restart after SIGKILL opens the
 * same file on the same port, so workflows, timers and pending updates survive the kill.
 */
export function temporalDevServer(opts: {
  cli: string;
  dbFile: string;
  port: number;
  uiPort: number;
  logFile: string;
}): Service {
  const address = `127.0.0.1:${opts.port}`;
  return new Service(
    'temporal',
    () => ({
      command: opts.cli,
      args: [
        'server',
        'start-dev',
        '--db-filename',
        opts.dbFile,
        '--ip',
        '127.0.0.1',
        '--port',
        String(opts.port),
        '--ui-port',
        String(opts.uiPort),
        '--log-level',
        'error',
      ],
      cwd: ROOT,
      env: process.env,
      ready: () => temporalReady(address),
    }),
    opts.logFile,
  );
}

/**
 * The worker process through its normal entry point (dist/apps/worker/src/main.js) and its
 * environment variables only; a prebuilt workflow bundle so a restart does not run webpack.
 */
export function workerProcess(opts: {
  databaseUrl: string;
  temporalAddress: string;
  workflowBundle: string;
  healthPort: number;
  logFile: string;
}): Service {
  return new Service(
    'worker',
    () => ({
      command: process.execPath,
      args: [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')],
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'benchmark',
        DATABASE_URL: opts.databaseUrl,
        TEMPORAL_ADDRESS: opts.temporalAddress,
        TEMPORAL_NAMESPACE,
        TEMPORAL_TASK_QUEUE,
        WORKFLOW_BUNDLE: opts.workflowBundle,
        WORKER_HEALTH_PORT: String(opts.healthPort),
        WORKER_SHUTDOWN_GRACE_MS: '5000',
      },
      ready: () => answers(`http://127.0.0.1:${opts.healthPort}/health`),
    }),
    opts.logFile,
  );
}

/** `npm run build:workflows`' step, into `file`: once per run, not at every worker restart. */
export async function bundleWorkflows(file: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'dist', 'apps', 'worker', 'src', 'bundle-workflows.js'), file],
    { cwd: ROOT, maxBuffer: 16 * 2 ** 20 },
  );
}

/**
 * The Temporal host's clock set-up. Workflow timers run on the real clock, and the API's clock
 * offset does not move them; so the API's clock is set one working day back (plus the lead):
 * a 1-working-day SLA opened by a command then falls due `lead` after that command in real
 * time, and the "deadline" cycle's submission deadline (end of the API's local day) is already
 * past in real time, so a draft's SubmissionOverdue fires as soon as its workflow starts. Today
 * must be a working day for the SLAs (a weekend or holiday leaves only the submission deadlines).
 */
export function temporalClock(leadMs: number): {
  offsetMs: number;
  deadlineDay: string;
  slasComeDue: boolean;
} {
  const calendar = new WorkingDayCalendar(DEFAULT_HOLIDAY_DATES_VN);
  const now = Date.now();
  const target = new Date(now + leadMs);
  const apiNow = calendar.workingDaysBefore(target, 1);
  return {
    offsetMs: apiNow.getTime() - now,
    deadlineDay: localDateOf(apiNow),
    slasComeDue: calendar.isWorkingDay(localDateOf(target)),
  };
}
