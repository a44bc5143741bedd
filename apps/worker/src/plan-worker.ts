import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { createActivities } from '@vufo/engine';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { projectorOf } from './activities.provider';

/** The prebuilt bundle if there is one (Docker image, `npm run build:workflows`), else the sources, bundled now. */
export function workflowSource(explicit?: string): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const prebuilt = explicit ?? join(repositoryRoot(), 'workflows', 'bundle', 'workflow-bundle.js');
  if (explicit && !existsSync(explicit)) throw new Error(`WORKFLOW_BUNDLE ${explicit} does not exist.`);
  if (existsSync(prebuilt)) return { workflowBundle: { codePath: prebuilt } };
  return { workflowsPath: require.resolve('../../../workflows') };
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
  },
): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: createActivities({ dataSource: ctx.get(DataSource), project: projectorOf(ctx) }),
    ...workflowSource(opts.workflowBundle),
    shutdownGraceTime: opts.shutdownGraceMs ?? 30_000,
  });
}

function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && join(dir, '..') !== dir) dir = join(dir, '..');
  return dir;
}
