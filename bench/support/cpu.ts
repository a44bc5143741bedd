import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CPU time actually spent by the API process(es) and by PostgreSQL (postmaster, live backends, and
 * reaped children), from /proc. Other engineers' test suites share this machine's two cores, so
 * wall-clock throughput is noisy; CPU milliseconds per command are not.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): number[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3.
    return text
      .slice(text.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  } catch {
    return null;
  }
}

/** utime + stime (+ children's when `withChildren`) of one process, in ms. */
export function processCpuMs(pid: number, withChildren = false): number {
  const f = stat(pid);
  if (!f) return 0;
  // f[0] is field 3 (state): utime = field 14 → f[11], stime f[12], cutime f[13], cstime f[14]
  const own = f[11] + f[12];
  return (withChildren ? own + f[13] + f[14] : own) * TICK_MS;
}

function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = stat(Number(name));
    if (f && f[1] === ppid) out.push(Number(name));
  }
  return out;
}

export function postmasterPid(pgDataDir: string): number | null {
  try {
    return Number(readFileSync(join(pgDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

/** PostgreSQL's total CPU so far: the postmaster with its reaped children, plus the live ones. */
export function postgresCpuMs(postmaster: number): number {
  let total = processCpuMs(postmaster, true);
  for (const child of childrenOf(postmaster)) total += processCpuMs(child);
  return total;
}

export interface CpuSample {
  at: number;
  api: number;
  /** The Temporal host's worker process and development server (0 on the embedded host). */
  worker: number;
  temporal: number;
  pg: number;
  self: number;
  machineBusy: number;
}

/** Whole-machine busy time (all processes, ours and everyone else's), in ms. */
function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return (total - idle) * TICK_MS;
}

const sumCpu = (pids: (number | undefined)[] = []) =>
  pids.reduce<number>((sum, pid) => sum + (pid ? processCpuMs(pid) : 0), 0);

/** `api` is the sum over all API processes (several replicas on one database). */
export function cpuSample(
  apiPids: (number | undefined)[],
  postmaster: number | null,
  temporalHost: { worker?: (number | undefined)[]; temporal?: (number | undefined)[] } = {},
): CpuSample {
  return {
    at: Date.now(),
    api: sumCpu(apiPids),
    worker: sumCpu(temporalHost.worker),
    temporal: sumCpu(temporalHost.temporal),
    pg: postmaster ? postgresCpuMs(postmaster) : 0,
    self: processCpuMs(process.pid, true),
    machineBusy: machineBusyMs(),
  };
}

export interface CpuUse {
  seconds: number;
  apiMs: number;
  workerMs: number;
  temporalMs: number;
  pgMs: number;
  /** The load generator (this process) and its reaped children (pgbench). */
  benchClientMs: number;
  /** CPU used by everything else on the machine (other engineers' tests…) in the same interval. */
  othersMs: number;
  /** Cores' worth: (api + pg) / wall. */
  apiCores: number;
  workerCores: number;
  temporalCores: number;
  pgCores: number;
}

export function cpuBetween(a: CpuSample, b: CpuSample): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const apiMs = b.api - a.api;
  const workerMs = b.worker - a.worker;
  const temporalMs = b.temporal - a.temporal;
  const pgMs = b.pg - a.pg;
  const benchClientMs = b.self - a.self;
  const cores = (ms: number) => Math.round((ms / 1000 / seconds) * 100) / 100;
  return {
    seconds,
    apiMs,
    workerMs,
    temporalMs,
    pgMs,
    benchClientMs,
    othersMs: Math.max(
      0,
      b.machineBusy - a.machineBusy - apiMs - workerMs - temporalMs - pgMs - benchClientMs,
    ),
    apiCores: cores(apiMs),
    workerCores: cores(workerMs),
    temporalCores: cores(temporalMs),
    pgCores: cores(pgMs),
  };
}
