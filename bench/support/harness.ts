import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { EmbeddedServer, freePort, startEmbeddedPostgres } from '@vufo/persistence';
import { sleep } from './client';

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
export class ApiProcess {
  private child: ChildProcess | null = null;
  private logStream: WriteStream;
  readonly base: string;
  starts = 0;
  kills = 0;

  constructor(private opts: ApiOptions) {
    this.base = `http://127.0.0.1:${opts.port}`;
    this.logStream = createWriteStream(opts.logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  set clockOffsetMs(ms: number) {
    this.opts = { ...this.opts, clockOffsetMs: ms };
  }

  get clockOffsetMs(): number {
    return this.opts.clockOffsetMs ?? 0;
  }

  async start(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    // Profiling: e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (written on SIGTERM).
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(
      process.execPath,
      [...nodeArgs, join(ROOT, 'dist', 'bench', 'support', 'api-server.js')],
      {
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
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.starts++;
    child.stdout?.pipe(this.logStream, { end: false });
    child.stderr?.pipe(this.logStream, { end: false });
    let exited: number | null = null;
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      if (this.child === child) this.child = null;
    });
    while (Date.now() - started < timeoutMs) {
      if (exited !== null)
        throw new Error(`API process exited with ${exited} while starting; see ${this.opts.logFile}`);
      try {
        const res = await fetch(`${this.base}/api/health`);
        if (res.ok) return Date.now() - started;
      } catch {
        /* not listening yet */
      }
      await sleep(50);
    }
    throw new Error(`API did not become ready in ${timeoutMs} ms`);
  }

  /** SIGKILL: no shutdown hook runs, in-flight transactions are cut off mid-way. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGKILL');
    this.kills++;
    await gone;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }

  close(): void {
    this.logStream.end();
  }
}

export const BENCH_ADMIN = { login: 'admin', password: 'bench-admin-password-2026' };

export { freePort };
