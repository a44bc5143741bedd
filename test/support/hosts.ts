import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, startTestApp, TestApp } from './test-app';
import { createPlanWorker } from '../../apps/worker/src/plan-worker';
import { storedPayloadCodec } from '@vufo/engine';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export type ApprovalHost = 'embedded' | 'temporal';

/** The embedded host always; the Temporal host too when TEMPORAL_ADDRESS points at a server. */
export const APPROVAL_HOSTS: ApprovalHost[] = process.env.TEMPORAL_ADDRESS
  ? ['embedded', 'temporal']
  : ['embedded'];

/** The Temporal host's workers, for tests of what happens while no worker runs. */
export interface TestWorkers {
  /** Stops every running worker (drains, as on SIGTERM). */
  stopAll(): Promise<void>;
  /** Starts one more worker on the host's task queue. */
  start(): Promise<void>;
  running(): number;
}

export type TestHost = TestApp & { host: ApprovalHost; workers?: TestWorkers };

/**
 * The real app on the chosen host. For Temporal: a worker on a fresh task queue, started before
 * the app (the demo seeder already sends commands), on the same test database.
 */
export async function startTestHost(
  host: ApprovalHost,
  opts: Parameters<typeof startTestApp>[0] = {},
): Promise<TestHost> {
  if (host === 'embedded') return { ...(await startTestApp(opts)), host };
  const address = process.env.TEMPORAL_ADDRESS!;
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const taskQueue = `test-${randomBytes(6).toString('hex')}`;
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(databaseUrl), {
    logger: false,
  });
  const payloads = storedPayloadCodec(databaseUrl);
  // One connection per worker: the SDK allows one worker per task queue on a connection's runtime slot.
  let live: { worker: Worker; done: Promise<void>; connection: NativeConnection }[] = [];
  const workers: TestWorkers = {
    start: async () => {
      const connection = await NativeConnection.connect({ address });
      const worker = await createPlanWorker(ctx, {
        connection,
        namespace,
        taskQueue,
        shutdownGraceMs: 5000,
        payloadCodec: payloads.codec,
      }).catch(async (err: unknown) => {
        await connection.close();
        throw err;
      });
      live.push({ worker, done: worker.run(), connection });
    },
    stopAll: async () => {
      const stopping = live;
      live = [];
      for (const w of stopping) w.worker.shutdown();
      await Promise.all(stopping.map((w) => w.done));
      await Promise.all(stopping.map((w) => w.connection.close()));
    },
    running: () => live.length,
  };
  await workers.start();
  const t = await startTestApp({
    ...opts,
    databaseUrl,
    env: {
      ...opts.env,
      APPROVAL_ENGINE: 'temporal',
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
    },
  });
  return {
    ...t,
    host,
    workers,
    close: async () => {
      await t.close();
      await workers.stopAll();
      await payloads.close();
      await ctx.close();
    },
  };
}
