/* eslint-disable no-console -- the start banner and the shutdown lines are for the person at the terminal */
/**
 * `npm run start:temporal`: the scale-out mode (APPROVAL_ENGINE=temporal) on one machine, for
 * trying it. In order: PostgreSQL (DATABASE_URL, or an embedded one in DATA_DIR as with `npm start`),
 * a Temporal development server (unless TEMPORAL_ADDRESS names a server; SQLite in DATA_DIR, so a
 * restart keeps the workflows; loopback only), a worker, then the API — each a child process on
 * the same database. The database is started by this launcher, not by the API, because the worker
 * must use the very same one; it runs as a process of its own so that Ctrl-C cannot stop it
 * before the processes using it. Ctrl-C or SIGTERM stops them all in the reverse order: the API
 * first (no new commands), the worker (drains while Temporal still answers), Temporal, PostgreSQL.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { Connection } from '@temporalio/client';
import { freePort } from '@vufo/persistence';
import { findTemporalCli, GET_TEMPORAL_CLI, repositoryRoot } from './temporal-cli';

const ROOT = repositoryRoot();
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const DATABASE_MAIN = join(__dirname, 'embedded-database.js');

class StartError extends Error {}

/** Set on Ctrl-C / SIGTERM: a start-up step that fails because of it is no error to report. */
let interrupted = false;

/** A child in its own process group: Ctrl-C reaches only this launcher, which stops them in order. */
class Child {
  readonly exited: Promise<number | null>;
  private done = false;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    readonly log?: string,
  ) {
    this.exited = new Promise((r) =>
      proc.once('exit', (code, signal) => {
        this.done = true;
        r(code ?? (signal ? 128 : null));
      }),
    );
  }

  get running(): boolean {
    return !this.done;
  }

  /** SIGTERM to its group, SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** The end of its log, for the error that says why it stopped. */
  tail(lines = 20): string {
    if (!this.log || !existsSync(this.log)) return '';
    const text = readFileSync(this.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `\n--- the end of ${this.log} ---\n${text}`;
  }

  signal(sig: NodeJS.Signals): void {
    try {
      process.kill(-this.proc.pid!, sig);
    } catch {
      // already gone
    }
  }
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new StartError(`${name} must be a port number, not "${value}"`);
  return n;
}

/**
 * A child in its own process group, its output in `log` (the worker logs every activity; the
 * terminal keeps the API's lines, as with `npm start`) or, without one, on this terminal.
 */
function start(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log?: string,
  stdout?: 'pipe',
): Child {
  const out = log ? openSync(log, 'a') : 'inherit';
  const proc = spawn(command, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', stdout ?? out, out],
  });
  if (typeof out === 'number') closeSync(out);
  return new Child(name, proc, log);
}

/** What a stop stops, in the order it does: the API, the worker, Temporal, PostgreSQL (those started here). */
function names(children: Child[]): string {
  const words: Record<string, string> = {
    api: 'the API',
    worker: 'the worker',
    temporal: 'the Temporal development server',
    postgres: 'PostgreSQL',
  };
  const list = [...children].reverse().map((c) => words[c.name] ?? c.name);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list.join('');
}

/** The first line a child prints: the database's URL. */
function firstLine(child: Child): Promise<string> {
  return new Promise((ok, fail) => {
    const lines = createInterface({ input: child.proc.stdout! });
    lines.once('line', (line) => {
      lines.close();
      ok(line);
    });
    void child.exited.then(() =>
      fail(new StartError(`${child.name} exited before it was ready${child.tail()}`)),
    );
  });
}

/** Polls `check` until it resolves true, failing early when `child` exits. */
async function until(
  what: string,
  child: Child | undefined,
  ms: number,
  check: () => Promise<boolean>,
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child && !child.running) throw new StartError(`${child.name} exited before ${what}${child.tail()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new StartError(`${what}: not within ${ms / 1000} s`);
}

async function temporalAnswers(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } finally {
    await connection.close();
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}

async function httpOk(url: string): Promise<boolean> {
  return (await fetch(url)).ok;
}

async function main(): Promise<void> {
  const env = process.env;
  // Not `npm start`'s ./.data: plans created on the embedded host have no workflow on Temporal
  // (their commands answer 404 here), so the two hosts keep apart unless DATA_DIR says otherwise.
  const dataDir = resolve(env.DATA_DIR ?? './.data-temporal');
  const namespace = env.TEMPORAL_NAMESPACE || 'default';
  const taskQueue = env.TEMPORAL_TASK_QUEUE || 'plan-approval';
  const cli = env.TEMPORAL_ADDRESS ? undefined : findTemporalCli();
  if (!env.TEMPORAL_ADDRESS && !cli) {
    throw new StartError(
      `start:temporal needs a Temporal server: set TEMPORAL_ADDRESS, or ${GET_TEMPORAL_CLI}.`,
    );
  }
  // PORT=0 (the system chooses) is resolved here: the launcher must know where to ask for health.
  const apiPort = intFrom(env.PORT, 3000, 'PORT') || (await freePort());
  const apiHost = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;

  const children: Child[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      // Reverse start order: API, worker (drains while Temporal still answers), Temporal, PostgreSQL.
      for (const c of [...children].reverse()) await c.stop(c.name === 'worker' ? 40_000 : 15_000);
    })());
  // Whatever happens to this process, no child outlives it.
  process.once('exit', () => children.forEach((c) => c.running && c.signal('SIGKILL')));
  const onSignal = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C: no more waiting.
      children.forEach((c) => c.signal('SIGKILL'));
      process.exit(1);
    }
    interrupted = true;
    console.error(`${signal}: stopping ${names(children)}`);
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  try {
    const logs = join(dataDir, 'logs');
    mkdirSync(logs, { recursive: true });
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const database = start(
        'postgres',
        process.execPath,
        [DATABASE_MAIN],
        { ...env, DATA_DIR: dataDir },
        join(logs, 'postgres.log'),
        'pipe',
      );
      children.push(database);
      databaseUrl = await firstLine(database).then((line) => (JSON.parse(line) as { url: string }).url);
    }

    let address = env.TEMPORAL_ADDRESS ?? '';
    let ui: string | undefined;
    const sqlite = join(dataDir, 'temporal.sqlite');
    if (cli) {
      const requested = intFrom(env.TEMPORAL_DEV_PORT, 7233, 'TEMPORAL_DEV_PORT');
      const port = requested || (await freePort());
      // Else the readiness check below could find another server on that port and use it.
      if (requested && !(await portFree(port)))
        throw new StartError(
          `port ${port} is in use (another Temporal server?): set TEMPORAL_DEV_PORT=0 for a free port, or TEMPORAL_ADDRESS to use that server`,
        );
      const uiPort =
        intFrom(env.TEMPORAL_DEV_UI_PORT, requested ? port + 1000 : 0, 'TEMPORAL_DEV_UI_PORT') ||
        (await freePort());
      const args = [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--ui-port',
        String(uiPort),
      ];
      args.push('--db-filename', sqlite, '--log-level', 'error', '--ui-disable-news-fetch');
      if (namespace !== 'default') args.push('--namespace', namespace);
      const temporal = start('temporal', cli, args, env, join(logs, 'temporal.log'));
      children.push(temporal);
      address = `127.0.0.1:${port}`;
      ui = `http://localhost:${uiPort}`;
      await until(`Temporal answered on ${address}`, temporal, 60_000, () =>
        temporalAnswers(address, namespace),
      );
    }

    const shared: NodeJS.ProcessEnv = {
      ...env,
      APPROVAL_ENGINE: 'temporal',
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
    };
    // The worker first: the API's demo seeding already sends commands through Temporal.
    const healthPort = intFrom(env.WORKER_HEALTH_PORT, 0, 'WORKER_HEALTH_PORT') || (await freePort());
    const worker = start(
      'worker',
      process.execPath,
      [WORKER_MAIN],
      { ...shared, WORKER_HEALTH_PORT: String(healthPort) },
      join(logs, 'worker.log'),
    );
    children.push(worker);
    await until('the worker polled', worker, 120_000, () => httpOk(`http://127.0.0.1:${healthPort}/health`));

    const api = start('api', process.execPath, [API_MAIN], { ...shared, PORT: String(apiPort) });
    children.push(api);
    await until('the API answered', api, 120_000, () => httpOk(`http://${apiHost}:${apiPort}/api/health`));

    // A child that dies later takes the others down with it: half a stack only confuses.
    for (const c of children)
      void c.exited.then((code) => {
        if (stopping) return;
        console.error(`${c.name} exited (${code}); stopping the others${c.tail()}`);
        void stopAll().then(() => process.exit(1));
      });

    // Last, under the API's own banner (URL and demo logins): where the Temporal side is.
    console.log(`  approval engine: temporal — a worker on task queue ${taskQueue} (log: ${worker.log})`);
    console.log(
      `  database: ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL in ${dataDir}`}, shared by the API and the worker`,
    );
    if (ui) {
      console.log(
        `  Temporal: development server on ${address} (namespace ${namespace}), workflows kept in ${sqlite} (log: ${join(logs, 'temporal.log')})`,
      );
      console.log(`  Temporal UI: ${ui}`);
    } else {
      console.log(
        `  Temporal: ${address} (TEMPORAL_ADDRESS, namespace ${namespace}); its UI is that server's`,
      );
    }
    console.log(`  Ctrl-C stops ${names(children)}.`);
  } catch (err) {
    await stopAll();
    throw err;
  }
}

main().catch((err) => {
  if (interrupted) return;
  console.error(err instanceof StartError ? err.message : err);
  process.exit(1);
});
