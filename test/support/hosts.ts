import { NestFactory } from '@nestjs/core';
import { NativeConnection } from '@temporalio/worker';
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

/**
 * The real app on the chosen host. For Temporal: a worker on a fresh task queue, started before
 * the app (the demo seeder already sends commands), on the same test database.
 */
export async function startTestHost(
  host: ApprovalHost,
  opts: Parameters<typeof startTestApp>[0] = {},
): Promise<TestApp> {
  if (host === 'embedded') return startTestApp(opts);
  const address = process.env.TEMPORAL_ADDRESS!;
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const taskQueue = `test-${randomBytes(6).toString('hex')}`;
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(databaseUrl), {
    logger: false,
  });
  const connection = await NativeConnection.connect({ address });
  const payloads = storedPayloadCodec(databaseUrl);
  const worker = await createPlanWorker(ctx, {
    connection,
    namespace,
    taskQueue,
    shutdownGraceMs: 5000,
    payloadCodec: payloads.codec,
  });
  const running = worker.run();
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
    close: async () => {
      await t.close();
      worker.shutdown();
      await running;
      await connection.close();
      await payloads.close();
      await ctx.close();
    },
  };
}
