import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { sleep } from './client';

/** How to start one process: evaluated at every start, so a restart can change its environment. */
export interface ServiceSpec {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves true once the process serves (health check); false or a throw means not yet. */
  ready: () => Promise<boolean>;
}

/**
 * One long-running child process the benchmarks start, SIGKILL and restart (the API, the Temporal
 * worker, the Temporal development server). An exit nobody asked for is counted and logged: in
 * the crash test a process that dies of its own accord (not by our SIGKILL) is a finding.
 */
export class Service {
  private child: ChildProcess | null = null;
  private readonly logStream: WriteStream;
  /** Set while we are the ones stopping or killing it. */
  private expectingExit = false;
  starts = 0;
  kills = 0;
  unexpectedExits = 0;
  /** Called on an exit nobody asked for (after it is counted). */
  onUnexpectedExit: ((code: number | null, signal: string | null) => void) | null = null;

  constructor(
    readonly name: string,
    private readonly spec: () => ServiceSpec,
    readonly logFile: string,
  ) {
    this.logStream = createWriteStream(logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the process and waits until `ready`; milliseconds taken. */
  async start(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    const spec = this.spec();
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    this.starts++;
    this.logStream.write(
      `\n--- ${this.name} start ${this.starts} (pid ${child.pid}) ${new Date().toISOString()}\n`,
    );
    child.stdout?.pipe(this.logStream, { end: false });
    child.stderr?.pipe(this.logStream, { end: false });
    let exited: number | null = null;
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      if (this.child !== child) return;
      this.child = null;
      if (this.expectingExit) return;
      this.unexpectedExits++;
      this.logStream.write(`--- ${this.name} exited by itself: code ${code}, signal ${signal}\n`);
      this.onUnexpectedExit?.(code, signal);
    });
    while (Date.now() - started < timeoutMs) {
      if (exited !== null)
        throw new Error(`${this.name} exited with ${exited} while starting; see ${this.logFile}`);
      try {
        if (await spec.ready()) return Date.now() - started;
      } catch {
        /* not serving yet */
      }
      await sleep(100);
    }
    await this.kill();
    throw new Error(`${this.name} did not become ready in ${timeoutMs} ms; see ${this.logFile}`);
  }

  /** SIGKILL: no shutdown hook runs, in-flight work is cut off mid-way. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGKILL');
    this.kills++;
    await gone;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }

  close(): void {
    this.logStream.end();
  }
}

/** GET `url` answers 2xx. */
export async function answers(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await res.body?.cancel();
  return res.ok;
}
