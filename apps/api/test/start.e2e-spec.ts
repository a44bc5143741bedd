import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOnce } from '../../../test/support/build';

const ROOT = resolve(__dirname, '..', '..', '..');

interface Running {
  child: ChildProcess;
  /** Known once the server printed its URL. */
  port: number;
  dataDir: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` without the build step: the compiled server on a fresh data folder, its own embedded PostgreSQL. */
async function start(logLevel = 'warn'): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vufo-start-'));
  // PORT=0: the system picks each instance's port, so two instances (and their PostgreSQL servers)
  // can never be handed the same one, as a probe-then-bind free port could be.
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: logLevel, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, port: 0, dataDir, output: () => out, exited };
}

async function healthy(r: Running, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    r.port ||= Number(/running at http:\/\/localhost:(\d+)/.exec(r.output())?.[1] ?? 0);
    try {
      if (!r.port) throw new Error('no URL printed yet');
      const res = await fetch(`http://127.0.0.1:${r.port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (r.child.exitCode !== null) break;
    await new Promise((x) => setTimeout(x, 100));
  }
  throw new Error(`not healthy within ${ms} ms:\n${r.output()}`);
}

describe('npm start on a fresh data folder', () => {
  const running: Running[] = [];

  beforeAll(async () => {
    // Exactly what `npm start` builds before it runs the server (once per run: test/support/build.ts).
    await buildOnce('build:server');
  }, 300_000);
  afterAll(() => {
    for (const r of running) {
      if (r.child.exitCode === null) r.child.kill('SIGKILL');
      rmSync(r.dataDir, { recursive: true, force: true });
    }
  });

  it('two instances side by side each start their own PostgreSQL, serve demo logins, and stop cleanly on SIGTERM and SIGINT', async () => {
    // The second logs at info, as in development: its start-up lines and request lines are checked.
    running.push(await start(), await start('info'));
    await Promise.all(running.map((r) => healthy(r, 60_000)));

    // The URL and the demo logins are the last thing printed: nothing scrolls them away.
    for (const r of running) {
      const lines = r.output().trimEnd().split('\n');
      const banner = lines.findIndex((l) => l.includes('is running at http://localhost:'));
      expect(banner).toBeGreaterThan(-1);
      expect(lines.slice(banner + 1).every((l) => l.startsWith('  '))).toBe(true);
      expect(lines[lines.length - 1]).toContain('hn.editor');
      // Nest's own per-route start-up lines are not printed in development.
      expect(r.output()).not.toContain('Mapped {');
    }

    for (const r of running) {
      expect(r.output()).toContain('hp.editor');
      const login = await fetch(`http://127.0.0.1:${r.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'hp.editor', password: 'demo-2026' }),
      });
      expect(login.status).toBe(200);
      expect(existsSync(join(r.dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    }

    // The demo's merger: Hải Dương's union into Hải Phòng's, shown by the lineage (issue 14).
    {
      const base = `http://127.0.0.1:${running[0].port}/api`;
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'hp.editor', password: 'demo-2026' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const auth = { authorization: `Bearer ${accessToken}` };
      const orgs = (await (
        await fetch(`${base}/organizations?kind=PROVINCIAL_UNION`, { headers: auth })
      ).json()) as {
        items: { id: string; code: string; status: string; mergedIntoId: string | null }[];
      };
      const hp = orgs.items.find((o) => o.code === 'HP')!;
      const hd = orgs.items.find((o) => o.code === 'HD')!;
      expect(hd).toMatchObject({ status: 'MERGED', mergedIntoId: hp.id });
      const lineage = (await (
        await fetch(`${base}/organizations/${hp.id}/lineage`, { headers: auth })
      ).json()) as {
        predecessors: { id: string; provinceCode: string }[];
      };
      expect(lineage.predecessors).toEqual([expect.objectContaining({ id: hd.id, provinceCode: 'HD' })]);
    }

    running[0].child.kill('SIGTERM');
    running[1].child.kill('SIGINT');
    expect(await running[0].exited).toBe(0);
    expect(await running[1].exited).toBe(0);
    for (const r of running) {
      // The database server went down with the app: nothing left running, nothing to recover next time.
      expect(existsSync(join(r.dataDir, 'pg', 'postmaster.pid'))).toBe(false);
      expect(r.output()).not.toMatch(/"level":5\d/);
    }
    // Request log lines name the request, never its headers (tokens, cookies, user agents).
    const requestLines = running[1]
      .output()
      .split('\n')
      .filter((l) => l.includes('"req"'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) {
      expect(line).not.toMatch(/"headers"|authorization|user-agent/i);
      expect(JSON.parse(line).req).toMatchObject({ method: 'POST', url: '/api/auth/login' });
    }
  });
});
