/** What the worker process reads from its environment; the README's "Scaling out with Temporal" lists it. */
export interface WorkerConfig {
  temporalAddress: string;
  temporalNamespace: string;
  temporalTaskQueue: string;
  databaseUrl: string;
  /** A prebuilt workflow bundle (Docker image); unset: bundle workflows/ at start. */
  workflowBundle?: string;
  healthPort: number;
  /** How long running activities may finish after SIGTERM. */
  shutdownGraceMs: number;
  connectTimeoutMs: number;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const missing = ['TEMPORAL_ADDRESS', 'DATABASE_URL'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`The worker needs ${missing.join(' and ')}.`);
  return {
    temporalAddress: env.TEMPORAL_ADDRESS!,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    temporalTaskQueue: env.TEMPORAL_TASK_QUEUE ?? 'plan-approval',
    databaseUrl: env.DATABASE_URL!,
    workflowBundle: env.WORKFLOW_BUNDLE || undefined,
    healthPort: int(env.WORKER_HEALTH_PORT, 8081, 'WORKER_HEALTH_PORT'),
    shutdownGraceMs: int(env.WORKER_SHUTDOWN_GRACE_MS, 30_000, 'WORKER_SHUTDOWN_GRACE_MS'),
    connectTimeoutMs: int(env.TEMPORAL_CONNECT_TIMEOUT_MS, 10_000, 'TEMPORAL_CONNECT_TIMEOUT_MS'),
  };
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, not "${value}"`);
  return n;
}
