import { join } from 'node:path';
import { ApiProcess, Database, freePort, log } from './harness';
import { findTemporalCli as findCli, GET_TEMPORAL_CLI } from '../../scripts/temporal-cli';
import { option } from './options';
import { Service } from './service';
import {
  bundleWorkflows,
  findTemporalCli,
  TEMPORAL_NAMESPACE,
  TEMPORAL_TASK_QUEUE,
  temporalDevServer,
  workerProcess,
} from './temporal';

export type HostKind = 'embedded' | 'temporal';

/**
 * `--host embedded|temporal|both|auto` (default embedded): the hosts to run, in that order; `auto`
 * adds Temporal when its CLI is found.
 */
export function hostsOption(): HostKind[] {
  const raw = option('host', 'embedded');
  if (raw === 'both') return ['embedded', 'temporal'];
  if (raw === 'auto') {
    // As `npm test` picks its hosts: Temporal too wherever its CLI is (CI must have it).
    if (findCli()) return ['embedded', 'temporal'];
    if (process.env.CI)
      throw new Error(`CI runs the Temporal host too, but there is no Temporal CLI: ${GET_TEMPORAL_CLI}`);
    log(`embedded host only: no Temporal CLI (${GET_TEMPORAL_CLI})`);
    return ['embedded'];
  }
  if (raw === 'embedded' || raw === 'temporal') return [raw];
  throw new Error(`--host must be embedded, temporal or both, not "${raw}"`);
}

export interface HostOptions {
  db: Database;
  /** Logs, the Temporal SQLite file and the workflow bundle go here. */
  dataDir: string;
  apiProcesses?: number;
  apiEnv?: Record<string, string>;
  clockOffsetMs?: number;
}

/**
 * The processes of one host on the benchmark's database: API process(es) only (embedded), or the
 * Temporal development server, the API(s) with APPROVAL_ENGINE=temporal and one worker process.
 */
export class Host {
  private constructor(
    readonly kind: HostKind,
    readonly apis: ApiProcess[],
    readonly temporal: Service | null,
    readonly worker: Service | null,
  ) {}

  static async create(kind: HostKind, opts: HostOptions): Promise<Host> {
    const n = opts.apiProcesses ?? 1;
    let apiEnv = opts.apiEnv ?? {};
    let temporal: Service | null = null;
    let worker: Service | null = null;
    if (kind === 'temporal') {
      const port = await freePort();
      const address = `127.0.0.1:${port}`;
      temporal = temporalDevServer({
        cli: findTemporalCli(),
        dbFile: join(opts.dataDir, 'temporal.sqlite'),
        port,
        uiPort: await freePort(),
        logFile: join(opts.dataDir, 'temporal.log'),
      });
      const bundle = join(opts.dataDir, 'workflow-bundle.js');
      const t0 = Date.now();
      await bundleWorkflows(bundle);
      log(`workflow bundle built in ${Date.now() - t0} ms`);
      worker = workerProcess({
        databaseUrl: opts.db.url,
        temporalAddress: address,
        workflowBundle: bundle,
        healthPort: await freePort(),
        logFile: join(opts.dataDir, 'worker.log'),
      });
      apiEnv = {
        APPROVAL_ENGINE: 'temporal',
        TEMPORAL_ADDRESS: address,
        TEMPORAL_NAMESPACE,
        TEMPORAL_TASK_QUEUE,
        ...apiEnv,
      };
    }
    const apis: ApiProcess[] = [];
    for (let i = 0; i < n; i++)
      apis.push(
        new ApiProcess({
          databaseUrl: opts.db.url,
          port: await freePort(),
          logFile: join(opts.dataDir, i ? `api-${i + 1}.log` : 'api.log'),
          clockOffsetMs: opts.clockOffsetMs,
          env: apiEnv,
        }),
      );
    return new Host(kind, apis, temporal, worker);
  }

  /** Every process, in start order. */
  get services(): Service[] {
    return [this.temporal, ...this.apis, this.worker].filter((s): s is Service => s !== null);
  }

  /** Temporal first (the API refuses to start without it), the APIs (migrations), then the worker. */
  async start(): Promise<number> {
    const started = Date.now();
    await this.temporal?.start();
    await this.startApis();
    await this.worker?.start();
    return Date.now() - started;
  }

  /** All API processes side by side, as replicas start (migrations take turns under their lock). */
  async startApis(): Promise<number> {
    const started = Date.now();
    await Promise.all(this.apis.map((a) => a.start()));
    return Date.now() - started;
  }

  async stopApis(): Promise<void> {
    await Promise.all(this.apis.map((a) => a.stop()));
  }

  async stop(): Promise<void> {
    await this.worker?.stop().catch(() => undefined);
    await Promise.all(this.apis.map((a) => a.stop().catch(() => undefined)));
    await this.temporal?.stop().catch(() => undefined);
    for (const s of this.services) s.close();
  }

  /** The live process ids, for CPU accounting. */
  pids(): { api: (number | undefined)[]; worker: (number | undefined)[]; temporal: (number | undefined)[] } {
    return { api: this.apis.map((a) => a.pid), worker: [this.worker?.pid], temporal: [this.temporal?.pid] };
  }

  get bases(): string[] {
    return this.apis.map((a) => a.base);
  }
}
