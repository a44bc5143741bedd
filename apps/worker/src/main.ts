/* eslint-disable no-console -- start-up and shutdown lines are for the operator */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { storedPayloadCodec } from '@vufo/engine';
import { startHealthServer } from './health';
import { connectTemporal, createPlanWorker } from './plan-worker';
import { loadWorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

/**
 * The Temporal worker process: plan and cycle workflows plus their activities. Fails fast and
 * loudly (exit 1) when the configuration, the database or Temporal is missing; drains on SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  // The API owns the schema (it migrates at start); a worker started first retries its activities.
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config.databaseUrl), {
    logger: ['error', 'warn', 'log'],
  });
  const connection = await connectTemporal(config.temporalAddress, config.connectTimeoutMs);
  const payloads = storedPayloadCodec(config.databaseUrl);
  const worker = await createPlanWorker(ctx, {
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.temporalTaskQueue,
    workflowBundle: config.workflowBundle,
    shutdownGraceMs: config.shutdownGraceMs,
    payloadCodec: payloads.codec,
  });
  const health = await startHealthServer(config.healthPort, () => ({
    ok: worker.getState() === 'RUNNING',
    details: {
      worker: worker.getState(),
      taskQueue: config.temporalTaskQueue,
      namespace: config.temporalNamespace,
    },
  }));
  const stop = (signal: string) => {
    console.error(
      `${signal}: draining the worker (up to ${config.shutdownGraceMs} ms for running activities)`,
    );
    worker.shutdown();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  console.log(
    `Worker polling ${config.temporalTaskQueue} on ${config.temporalAddress} (namespace ${config.temporalNamespace}); health on :${config.healthPort}/health`,
  );
  try {
    await worker.run();
  } finally {
    health.close();
    await connection.close();
    await payloads.close();
    await ctx.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`Worker failed: ${(err as Error).message}`);
    console.error(err);
    process.exit(1);
  },
);
