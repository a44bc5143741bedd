import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { createActivities, StoredPayloadCodec } from '@vufo/engine';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { projectorOf } from './activities.provider';
import { workflowsPath } from './workflows-path';

/**
 * The prebuilt bundle when WORKFLOW_BUNDLE names one (the Docker image: every worker of a release
 * runs byte-identical workflow code), else the sources, bundled at start (development, tests).
 */
export function workflowSource(prebuilt?: string): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (!prebuilt) return { workflowsPath: workflowsPath() };
  if (!existsSync(prebuilt)) throw new Error(`WORKFLOW_BUNDLE ${prebuilt} does not exist.`);
  return { workflowBundle: { codePath: prebuilt } };
}

/** Connects or fails loudly within `timeoutMs`: a worker that cannot reach Temporal must not look healthy. */
export async function connectTemporal(address: string, timeoutMs: number): Promise<NativeConnection> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      NativeConnection.connect({ address }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    throw new Error(`Cannot reach Temporal at ${address}: ${(err as Error).message}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** A worker for the plan and cycle workflows, its activities built from the container's services. */
export function createPlanWorker(
  ctx: Pick<INestApplicationContext, 'get'>,
  opts: {
    connection: NativeConnection;
    namespace: string;
    taskQueue: string;
    workflowBundle?: string;
    shutdownGraceMs?: number;
    /** Large payloads by reference: the same codec as the API's client (libs/engine payload-store). */
    payloadCodec: StoredPayloadCodec;
  },
): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities({ dataSource: ctx.get(DataSource), project: projectorOf(ctx) }),
    ...workflowSource(opts.workflowBundle),
    shutdownGraceTime: opts.shutdownGraceMs ?? 30_000,
    dataConverter: { payloadCodecs: [opts.payloadCodec] },
  });
}
