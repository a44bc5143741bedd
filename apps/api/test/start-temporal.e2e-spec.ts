import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection, WorkflowClient } from '@temporalio/client';
import { findTemporalCli } from '../../../scripts/temporal-cli';
import { buildOnce } from '../../../test/support/build';

/**
 * `npm run start:temporal` as a person runs it: the launcher starts PostgreSQL, a Temporal
 * development server, a worker and the API with the demo data; a demo plan is submitted over HTTP
 * and lands in its workflow; Ctrl-C stops every process; a second start on the same data folder
 * finds the workflow again (SQLite), and SIGTERM stops it all as well.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const cli = findTemporalCli();

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The launcher on `dataDir`; `extra` adds variables (TEMPORAL_ADDRESS: use that server). */
function launch(dataDir: string, extra: NodeJS.ProcessEnv = {}): Launch {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    TEMPORAL_DEV_PORT: '0',
    TEMPORAL_CLI_PATH: cli,
    LOG_LEVEL: 'warn',
  };
  // The suite's own Temporal server is not picked up unless asked for.
  for (const k of ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'WORKER_HEALTH_PORT'])
    delete env[k];
  Object.assign(env, extra);
  // Its own process group, as in a terminal: the whole group gets Ctrl-C's SIGINT.
  const child = spawn(process.execPath, ['dist/scripts/start-temporal.js'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/** Waits for the launcher's last line; the API's URL, and the development server's address and UI when it started one. */
async function ready(l: Launch, ms: number): Promise<{ api: string; temporal: string; ui: string }> {
  const end = Date.now() + ms;
  while (Date.now() < end && l.child.exitCode === null) {
    const out = l.output();
    if (out.includes('Ctrl-C stops')) {
      return {
        api: `http://127.0.0.1:${/running at http:\/\/localhost:(\d+)/.exec(out)![1]}`,
        temporal: /development server on (\S+)/.exec(out)?.[1] ?? '',
        ui: /Temporal UI: (http:\/\/localhost:\d+)/.exec(out)?.[1] ?? '',
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`start:temporal not ready within ${ms} ms:\n${l.output()}`);
}

interface Proc {
  pid: number;
  ppid: number;
  command: string;
}

/** Every process: from /proc where there is one (slim images have no ps), else from ps. */
function processTable(): Proc[] {
  if (existsSync('/proc/self/stat'))
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d): Proc[] => {
        try {
          // "pid (comm) state ppid …": comm may hold spaces, so read around its parentheses.
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          const close = stat.lastIndexOf(')');
          const ppid = Number(stat.slice(close + 2).split(' ')[1]);
          return [{ pid: Number(d), ppid, command: stat.slice(stat.indexOf('(') + 1, close) }];
        } catch {
          return []; // gone meanwhile
        }
      });
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => {
      const [pid, ppid, ...command] = l.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), command: command.join(' ') };
    });
}

/** The launcher and everything below it (children, their children). */
function descendants(root: number): Proc[] {
  const table = processTable();
  const found = table.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i++)
    for (const p of table) if (p.ppid === found[i].pid && !found.includes(p)) found.push(p);
  return found;
}

function alive({ pid }: Proc): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function call<T>(base: string, path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body}`);
  return JSON.parse(body) as T;
}

async function login(base: string, user: string): Promise<string> {
  const r = await call<{ accessToken: string }>(base, '/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ login: user, password: 'demo-2026' }),
  });
  return r.accessToken;
}

/** Workflow Updates the plan's workflow has completed: each accepted command is one. */
async function updatesIn(temporal: string, workflowId: string): Promise<number> {
  const connection = await Connection.connect({ address: temporal });
  try {
    const history = await new WorkflowClient({ connection }).getHandle(workflowId).fetchHistory();
    return history.events!.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes).length;
  } finally {
    await connection.close();
  }
}

(cli ? describe : describe.skip)('npm run start:temporal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vufo-start-temporal-'));
  const launches: Launch[] = [];

  beforeAll(async () => {
    // What `npm run start:temporal` builds before it runs (the web UI is built by `npm test`),
    // once per run (test/support/build.ts).
    await buildOnce('build:server');
    await buildOnce('build:launcher');
  }, 300_000);
  afterAll(() => {
    for (const l of launches) if (l.child.exitCode === null) process.kill(-l.child.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts Temporal, a worker and the API on one database, runs a demo plan through Temporal, stops everything on Ctrl-C and SIGTERM, and keeps the workflows across restarts', async () => {
    const first = launch(dataDir);
    launches.push(first);
    const at = await ready(first, 150_000);

    // The Temporal UI is the last thing printed, under the API's URL and demo logins.
    const lines = first.output().trimEnd().split('\n');
    const banner = lines.findIndex((l) => l.includes('is running at http://localhost:'));
    expect(banner).toBeGreaterThan(-1);
    expect(lines.slice(banner + 1).every((l) => l.startsWith('  '))).toBe(true);
    expect(first.output()).toContain('hp.submitter');
    expect(lines[lines.length - 2]).toContain(`Temporal UI: ${at.ui}`);
    expect((await fetch(at.ui)).status).toBe(200);

    const health = await call<{ status: string; checks: { engineKind: string } }>(at.api, '/api/health');
    expect(health).toMatchObject({ status: 'ok', checks: { engineKind: 'temporal' } });

    // The Hải Phòng demo draft, made submittable (a line above its norm needs the union's reason).
    const editor = await login(at.api, 'hp.editor');
    const page = await call<{ items: { id: string; status: string }[] }>(at.api, '/api/plans', {
      token: editor,
    });
    const draft = page.items.find((p) => p.status === 'DRAFT')!;
    type Plan = {
      status: string;
      activities: { budgetLines: { id: string; overNorm: unknown; normJustification: string | null }[] }[];
    };
    const plan = await call<Plan>(at.api, `/api/plans/${draft.id}`, { token: editor });
    for (const l of plan.activities.flatMap((a) => a.budgetLines))
      if (l.overNorm && !l.normJustification)
        await call(at.api, `/api/budget-lines/${l.id}`, {
          method: 'PATCH',
          token: editor,
          body: JSON.stringify({ normJustification: 'Đoàn cấp cao, theo yêu cầu lễ tân đối ngoại' }),
        });

    const workflowId = `plan-${draft.id}`;
    const before = await updatesIn(at.temporal, workflowId);
    const submitter = await login(at.api, 'hp.submitter');
    const submitted = await call<{ status: string }>(at.api, `/api/plans/${draft.id}/submit`, {
      method: 'POST',
      token: submitter,
    });
    expect(submitted.status).toBe('IN_APPRAISAL');
    // The submission went through the plan's workflow as a Workflow Update.
    expect(await updatesIn(at.temporal, workflowId)).toBe(before + 1);

    // Ctrl-C: the terminal sends SIGINT to the whole foreground group.
    const firstTree = descendants(first.child.pid!);
    // The launcher, PostgreSQL's process and server, Temporal, the worker and the API.
    expect(firstTree.map((p) => p.command)).toEqual(expect.arrayContaining(['temporal', 'postgres']));
    expect(firstTree.filter((p) => p.command === 'node').length).toBeGreaterThanOrEqual(4);
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    expect(firstTree.filter(alive)).toEqual([]);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    // Again on the same data folder: the workflow and the plan are still there.
    const second = launch(dataDir);
    launches.push(second);
    const again = await ready(second, 150_000);
    expect(await updatesIn(again.temporal, workflowId)).toBe(before + 1);
    const token = await login(again.api, 'hp.editor');
    expect((await call<Plan>(again.api, `/api/plans/${draft.id}`, { token })).status).toBe('IN_APPRAISAL');

    // SIGTERM to the launcher alone (a service manager's stop) stops everything too.
    const secondTree = descendants(second.child.pid!);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(secondTree.filter(alive)).toEqual([]);
  }, 400_000);

  it('with TEMPORAL_ADDRESS it starts no development server and runs the worker and the API on that server', async () => {
    const address = process.env.TEMPORAL_ADDRESS!; // the suite's server (test/support/global-setup.ts)
    const own = mkdtempSync(join(tmpdir(), 'vufo-start-temporal-'));
    const l = launch(own, {
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TASK_QUEUE: `start-temporal-${process.pid}`,
      SEED_DEMO: 'false',
    });
    launches.push(l);
    try {
      const at = await ready(l, 150_000);
      expect(at.ui).toBe('');
      expect(l.output()).toContain(`Temporal: ${address} (TEMPORAL_ADDRESS`);
      const health = await call<{ checks: { engineKind: string } }>(at.api, '/api/health');
      expect(health.checks.engineKind).toBe('temporal');
      const tree = descendants(l.child.pid!);
      // PostgreSQL's process (with the server below it), the worker and the API: no Temporal.
      expect(tree.map((p) => p.command)).not.toContain('temporal');
      l.child.kill('SIGTERM');
      expect(await l.exited).toBe(0);
      expect(tree.filter(alive)).toEqual([]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 200_000);
});
