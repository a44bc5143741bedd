import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { EmbeddedServer, freePort, startEmbeddedPostgres } from '@vufo/persistence';
import { answers, Service, ServiceSpec } from './service';

export const ROOT = resolve(__dirname, '..', '..', '..');

export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 23)}] ${line}\n`);
}

export interface Database {
  server: EmbeddedServer;
  /** superuser URL of the benchmark's own database */
  url: string;
  adminUrl: string;
  port: number;
  password: string;
  database: string;
  /** PostgreSQL's data folder (postmaster.pid is there). */
  pgDataDir: string;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A fresh embedded PostgreSQL (the same package and flags the app uses when DATABASE_URL is unset)
 * in its own data folder, and an empty database for the run. It outlives every API process.
 */
export async function startDatabase(
  dataDir: string,
  opts: { database?: string; statements?: boolean } = {},
): Promise<Database> {
  const database = opts.database ?? 'vufo_bench';
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let server = await startEmbeddedPostgres(dataDir);
  if (opts.statements) {
    // Profiling only: pg_stat_statements needs a restart with the library preloaded.
    const c = new Client({ connectionString: server.url('postgres') });
    await c.connect();
    await c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
    // Planning is not free: without a cached plan every statement is planned again.
    await c.query(`ALTER SYSTEM SET pg_stat_statements.track_planning = on`);
    await c.end();
    await server.stop();
    server = await startEmbeddedPostgres(dataDir);
  }
  const adminUrl = server.url('postgres');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = server.url(database);
  const u = new URL(url);
  const pg = new Client({ connectionString: url });
  await pg.connect();
  if (opts.statements) await pg.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
  return {
    server,
    url,
    adminUrl,
    port: Number(u.port),
    password: decodeURIComponent(u.password),
    database,
    pgDataDir: join(dataDir, 'pg'),
    sql: async (text, params) => (await pg.query(text, params)).rows,
    close: async () => {
      await pg.end().catch(() => undefined);
      await server.stop();
    },
  };
}

export interface ApiOptions {
  databaseUrl: string;
  port: number;
  clockOffsetMs?: number;
  env?: Record<string, string>;
  logFile: string;
}

/** One API process (dist/bench/support/api-server.js); start, SIGKILL, restart. */
export class ApiProcess extends Service {
  readonly base: string;

  constructor(private opts: ApiOptions) {
    super('api', () => this.apiSpec(), opts.logFile);
    this.base = `http://127.0.0.1:${opts.port}`;
  }

  set clockOffsetMs(ms: number) {
    this.opts = { ...this.opts, clockOffsetMs: ms };
  }

  get clockOffsetMs(): number {
    return this.opts.clockOffsetMs ?? 0;
  }

  private apiSpec(): ServiceSpec {
    // Profiling: e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (written on SIGTERM).
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    return {
      command: process.execPath,
      args: [...nodeArgs, join(ROOT, 'dist', 'bench', 'support', 'api-server.js')],
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'benchmark',
        DATABASE_URL: this.opts.databaseUrl,
        PORT: String(this.opts.port),
        SEED_DEMO: 'false',
        ADMIN_PASSWORD: BENCH_ADMIN.password,
        JWT_SECRET: 'bench-secret-not-for-production-0123456789abcdef',
        LOG_LEVEL: 'warn',
        TIMER_POLL_MS: '250',
        DATA_DIR: join(ROOT, '.data-bench', 'app'),
        BENCH_CLOCK_OFFSET_MS: String(this.opts.clockOffsetMs ?? 0),
        ...this.opts.env,
      },
      ready: () => answers(`${this.base}/api/health`),
    };
  }
}

export const BENCH_ADMIN = { login: 'admin', password: 'bench-admin-password-2026' };

export { freePort };
