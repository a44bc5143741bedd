import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from './harness';

export interface PgbenchResult {
  binary: string;
  clients: number;
  seconds: number;
  tps: number;
  latencyAvgMs: number;
  latencyStddevMs: number | null;
  transactions: number;
  failed: number;
}

/** pgbench from PATH (Debian postgresql-client) or PGBENCH; the embedded package ships none. */
export function findPgbench(): string | null {
  const candidates = [process.env.PGBENCH, '/usr/bin/pgbench', '/usr/lib/postgresql/17/bin/pgbench'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  return null;
}

/** The baseline's table: one row per id, each transaction updates one random row (autocommit). */
export async function preparePgbench(db: Database, rows = 10_000): Promise<void> {
  await db.sql(`DROP TABLE IF EXISTS public.bench_baseline`);
  await db.sql(
    `CREATE TABLE public.bench_baseline (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0, note text)`,
  );
  await db.sql(
    `INSERT INTO public.bench_baseline (id, note) SELECT g, 'row ' || g FROM generate_series(1, $1) g`,
    [rows],
  );
  await db.sql(`VACUUM ANALYZE public.bench_baseline`);
}

/**
 * The database's own limit for the simplest durable write: a single-row UPDATE per transaction,
 * committed (fsync on, synchronous_commit on, as the app runs), at the benchmark's concurrency,
 * against the same server and database as the engine.
 */
export async function runPgbench(
  db: Database,
  binary: string,
  clients: number,
  seconds: number,
  workDir: string,
  rows = 10_000,
): Promise<PgbenchResult> {
  const script = join(workDir, 'single-row-update.sql');
  writeFileSync(
    script,
    `\\set id random(1, ${rows})\nUPDATE public.bench_baseline SET n = n + 1 WHERE id = :id;\n`,
  );
  const args = [
    '-h',
    '127.0.0.1',
    '-p',
    String(db.port),
    '-U',
    'postgres',
    '-n',
    '-c',
    String(clients),
    '-j',
    String(Math.min(clients, 2)),
    '-T',
    String(seconds),
    '-f',
    script,
    db.database,
  ];
  const text = await new Promise<string>((ok, fail) => {
    const child = spawn(binary, args, { env: { ...process.env, PGPASSWORD: db.password } });
    let buf = '';
    child.stdout.on('data', (d) => (buf += d));
    child.stderr.on('data', (d) => (buf += d));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok(buf) : fail(new Error(`pgbench exited ${code}:\n${buf}`))));
  });
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : NaN;
  };
  return {
    binary,
    clients,
    seconds,
    tps: num(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAvgMs: num(/latency average = ([\d.]+) ms/),
    latencyStddevMs: Number.isNaN(num(/latency stddev = ([\d.]+) ms/))
      ? null
      : num(/latency stddev = ([\d.]+) ms/),
    transactions: num(/number of transactions actually processed: (\d+)/),
    failed: Number.isNaN(num(/number of failed transactions: (\d+)/))
      ? 0
      : num(/number of failed transactions: (\d+)/),
  };
}
