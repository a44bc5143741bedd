/**
 * `npm run bench`: the annual cycle at full scale, through the HTTP API, against the database's
 * own limit measured in the same run. See bench/README.md for what each figure means.
 *
 * `--host temporal` runs it on the Temporal host (development server + worker process + API with
 * APPROVAL_ENGINE=temporal); `--host both` runs the embedded host, then the Temporal host, each
 * on a fresh database, and prints them side by side with the ratio embedded ÷ Temporal.
 *
 * Flags (or BENCH_* environment variables): --host embedded --clients 16 --plans 34 --activities 150
 * --lines 3 --revision-share 0.3 --read-rps 100 --read-seconds 30 --timers 1000 --pgbench-seconds 15
 * --single-plans 12 --single-activities 150 --dashboard-samples 30 --api-processes 1
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Http, Session, sleep } from '../support/client';
import { Database, log, out, ROOT, startDatabase } from '../support/harness';
import { Host, HostKind, hostsOption } from '../support/host';
import { temporalClock } from '../support/temporal';
import { cpuBetween, cpuSample, CpuUse, postmasterPid } from '../support/cpu';
import { flag, option } from '../support/options';
import { findPgbench, PgbenchResult, preparePgbench, runPgbench } from '../support/pgbench';
import {
  COMMAND_KINDS,
  createCycle,
  createWorld,
  DECISION_KINDS,
  DriveContext,
  PlanRun,
  Scale,
  World,
} from '../support/scenario';
import { LatencySummary, Recorder, round, summarize, table } from '../support/stats';
import { pool, runSteps } from '../support/tasks';

const cfg = {
  clients: option('clients', 16),
  plans: option('plans', 34),
  activities: option('activities', 150),
  lines: option('lines', 3),
  revisionShare: option('revision-share', 0.3),
  revisionEdits: option('revision-edits', 5),
  readRps: option('read-rps', 100),
  readSeconds: option('read-seconds', 30),
  timers: option('timers', 1000),
  timerLeadMs: option('timer-lead-ms', 10_000),
  pgbenchSeconds: option('pgbench-seconds', 15),
  singlePlans: option('single-plans', 12),
  singleActivities: option('single-activities', 150),
  dashboardSamples: option('dashboard-samples', 30),
  /** API processes side by side on the one database, as replicas behind a load balancer. */
  apiProcesses: option('api-processes', 1),
  /** Profiling: preload pg_stat_statements and print the statements that took the most time. */
  pgStatements: flag('pg-statements'),
  dataDir: option('data-dir', join(ROOT, '.data-bench')),
  resultsDir: option('results-dir', join(ROOT, 'bench', 'results')),
};

const TARGETS = {
  ratio: 0.25,
  commandP99Ms: 50,
  dashboardMs: 200,
  timerLatenessP99Ms: 2000,
};

interface ReadLoadResult {
  rps: number;
  seconds: number;
  sent: number;
  completed: number;
  failed: number;
  achievedRps: number;
  byKind: Record<string, LatencySummary>;
  all: LatencySummary;
  window: { from: number; to: number };
}

async function main(): Promise<void> {
  const kinds = hostsOption();
  const reports: BenchReport[] = [];
  let exitCode = 0;
  for (const kind of kinds) {
    const r = await runBench(kind);
    if (!r) exitCode = 1;
    else {
      reports.push(r.report);
      exitCode ||= r.exitCode;
    }
  }
  if (reports.length > 1) {
    const sideBySide = compareHosts(reports);
    out('');
    out(`Side by side (${new Date().toISOString().slice(0, 10)}, flags ${flagsLine()})`);
    out(sideBySide.text);
    writeFileSync(
      join(cfg.resultsDir, 'annual-cycle-both-latest.json'),
      JSON.stringify({ at: new Date().toISOString(), config: cfg, rows: sideBySide.rows, reports }, null, 2),
    );
  }
  process.exit(exitCode);
}

type BenchReport = Record<string, unknown> & {
  host: HostKind;
  chain: { commandsPerSecond: number; commands: LatencySummary; byKind: Record<string, LatencySummary> };
  baseline: { tps: number };
  cpu: {
    perCommand: { apiMs: number; workerMs: number; temporalMs: number; pgMs: number; clientMs: number };
  };
  timers: {
    lateness: LatencySummary;
    fired: number;
    firedTwice: number;
    timers: number;
    method: string;
  } | null;
  dashboard: LatencySummary;
  readLoad: { all: LatencySummary };
  singleClient: { approvalDecisions: LatencySummary };
};

/** One host's run on its own fresh database; null when it could not run to the end. */
async function runBench(kind: HostKind): Promise<{ report: BenchReport; exitCode: number } | null> {
  const runId = `r${Date.now().toString(36)}`;
  mkdirSync(cfg.resultsDir, { recursive: true });
  const started = Date.now();
  log(`annual-cycle benchmark ${runId} on the ${kind} host: ${JSON.stringify(cfg)}`);
  if (!Number.isInteger(cfg.apiProcesses) || cfg.apiProcesses < 1)
    throw new Error(`--api-processes must be a whole number ≥ 1, not ${cfg.apiProcesses}`);

  const dataDir = join(cfg.dataDir, kind);
  const db = await startDatabase(dataDir, { statements: cfg.pgStatements });
  const pgVersion = (await db.sql<{ server_version: string }>(`SHOW server_version`))[0].server_version;
  const host = await Host.create(kind, { db, dataDir, apiProcesses: cfg.apiProcesses });
  const bases = host.bases;
  const apiPids = () => host.pids().api;
  const sample = (postmaster: number | null) => cpuSample(apiPids(), postmaster, host.pids());
  const rec = new Recorder();
  const http = new Http(bases, rec);
  let exitCode = 0;
  let result: { report: BenchReport; exitCode: number } | null = null;
  try {
    const ready = await host.start();
    const pids = host.services.map((s) => `${s.name} ${s.pid}`).join(', ');
    log(`${kind} host up in ${ready} ms (${pids}) on ${bases.join(', ')}; PostgreSQL ${pgVersion}`);

    // --- set-up: organisations, users, cycles (not measured as commands) ---------------------------
    const t0 = performance.now();
    const world = await createWorld(http, cfg.plans);
    const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const mainCycle = await createCycle(world.central, 2027, future(60));
    const singleCycle = await createCycle(world.central, 2028, future(60));
    const setupSeconds = (performance.now() - t0) / 1000;
    log(
      `set-up: ${world.unions.length} unions, ${world.unions.length * 5 + 1} users in ${setupSeconds.toFixed(1)} s`,
    );

    const pgbench = findPgbench();
    const postmaster = postmasterPid(db.pgDataDir);
    const baselines: (PgbenchResult & { cpu: CpuUse; pgCpuMsPerTxn: number; clientCpuMsPerTxn: number })[] =
      [];
    const baseline = async (label: string) => {
      if (!pgbench) return log('pgbench not found: no baseline (apt-get install postgresql-client)');
      const a = cpuSample([], postmaster);
      const r = await runPgbench(db, pgbench, cfg.clients, cfg.pgbenchSeconds, cfg.dataDir);
      await sleep(500); // the backends exit and are reaped (their CPU lands in the postmaster's cutime)
      const cpu = cpuBetween(a, cpuSample([], postmaster));
      baselines.push({
        ...r,
        cpu,
        pgCpuMsPerTxn: round(cpu.pgMs / r.transactions, 4),
        clientCpuMsPerTxn: round(cpu.benchClientMs / r.transactions, 4),
      });
      log(
        `pgbench ${label}: ${r.tps.toFixed(0)} tps, avg ${r.latencyAvgMs} ms at ${r.clients} clients; ` +
          `PG ${cpu.pgCores} cores, others ${(cpu.othersMs / 1000 / cpu.seconds).toFixed(2)} cores`,
      );
    };
    if (pgbench) await preparePgbench(db);

    // --- issue 3: one approval command, one client, sequential -------------------------------------
    const single = await singleClientPhase(world, singleCycle, runId);

    // --- the annual cycle at N clients, with the read load in the middle of it ----------------------
    await baseline('before');
    const cpuBefore = sample(postmaster);
    const chain = await chainPhase(world, mainCycle, runId, rec);
    const chainCpu = cpuBetween(cpuBefore, sample(postmaster));
    await baseline('after');

    // --- dashboard with every plan approved --------------------------------------------------------
    const dashRec = new Recorder();
    const dashHttp = new Http(bases, dashRec);
    const central = world.central.via(dashHttp);
    let dashboardBody: { countsByStatus: Record<string, number>; provinces: unknown[] } | null = null;
    for (let i = 0; i < cfg.dashboardSamples; i++)
      dashboardBody = await central.get('dashboard', `/api/cycles/${mainCycle}/dashboard`);
    const dashboard = dashRec.summary('dashboard');
    const approvedOnDashboard = dashboardBody?.countsByStatus?.APPROVED ?? 0;
    log(`dashboard: p50 ${dashboard.p50} ms, p99 ${dashboard.p99} ms; APPROVED ${approvedOnDashboard}`);

    // --- every plan's history verifies --------------------------------------------------------------
    const verifyRec = new Recorder();
    const verifyHttp = new Http(bases, verifyRec);
    const vc = world.central.via(verifyHttp);
    const plans = [...chain.runs, ...single.runs].map((r) => r.planId);
    const verdicts = await pool(plans, 4, (id) =>
      vc.get<{ valid: boolean; events: number }>('history-verify', `/api/plans/${id}/history/verify`),
    );
    const verified = verdicts.filter((v) => v.valid).length;
    const events = verdicts.reduce((s, v) => s + v.events, 0);
    log(`history: ${verified}/${plans.length} chains verify (${events} events)`);

    // --- timer lateness: a batch of N deadlines due at one instant ------------------------------------
    const timers =
      cfg.timers <= 0
        ? null
        : kind === 'temporal'
          ? await temporalTimerPhase(world, db, host, runId)
          : await timerPhase(world, db, host, http);

    // --- report --------------------------------------------------------------------------------------
    const baselineTps = baselines.length ? baselines.reduce((s, b) => s + b.tps, 0) / baselines.length : NaN;
    const ratio = chain.commandsPerSecond / baselineTps;
    // CPU per operation, whoever else was using the machine: the noise-free form of the ratio.
    const perCommand = {
      apiMs: round(chainCpu.apiMs / chain.commandsTotal, 3),
      workerMs: round(chainCpu.workerMs / chain.commandsTotal, 3),
      temporalMs: round(chainCpu.temporalMs / chain.commandsTotal, 3),
      pgMs: round(chainCpu.pgMs / chain.commandsTotal, 3),
      clientMs: round(chainCpu.benchClientMs / chain.commandsTotal, 3),
    };
    const perTxn = baselines.length
      ? {
          pgMs: round(baselines.reduce((s, b) => s + b.pgCpuMsPerTxn, 0) / baselines.length, 4),
          clientMs: round(baselines.reduce((s, b) => s + b.clientCpuMsPerTxn, 0) / baselines.length, 4),
        }
      : null;
    const cpuRatio = perTxn
      ? round(
          (perTxn.pgMs + perTxn.clientMs) /
            (perCommand.apiMs +
              perCommand.workerMs +
              perCommand.temporalMs +
              perCommand.pgMs +
              perCommand.clientMs),
          4,
        )
      : NaN;
    const cpuReport = {
      chain: chainCpu,
      perCommand,
      perPgbenchTxn: perTxn,
      ratioByCpuCost: cpuRatio,
      note: 'ratioByCpuCost = CPU per pgbench transaction (server + pgbench) ÷ CPU per engine command (API + worker + Temporal server + PostgreSQL + load generator)',
    };
    const report = {
      runId,
      host: kind,
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: round(totalmem() / 2 ** 30),
        node: process.version,
        postgres: pgVersion,
        pgbench: pgbench ?? null,
      },
      config: cfg,
      setupSeconds: round(setupSeconds),
      baseline: {
        kind: 'pgbench: one single-row UPDATE per transaction, same server, same concurrency',
        runs: baselines,
        tps: round(baselineTps),
      },
      chain: { ...chain, runs: undefined, ratioToBaseline: round(ratio, 3) },
      cpu: cpuReport,
      readLoad: chain.readLoad,
      dashboard: {
        ...dashboard,
        approvedPlans: approvedOnDashboard,
        provinces: dashboardBody?.provinces.length,
      },
      history: { plans: plans.length, verified, events },
      timers,
      singleClient: { ...single, runs: undefined },
      targets: [
        target('engine commands/s ÷ pgbench tps', round(ratio, 3), TARGETS.ratio, '>='),
        target(
          `p99 command latency at ${cfg.clients} clients (ms)`,
          chain.commands.p99,
          TARGETS.commandP99Ms,
          '<',
        ),
        target('dashboard over all plans, p50 (ms)', dashboard.p50, TARGETS.dashboardMs, '<'),
        target('timer lateness p99 (ms)', timers?.lateness.p99 ?? NaN, TARGETS.timerLatenessP99Ms, '<'),
      ],
      totalSeconds: round((Date.now() - started) / 1000),
    };
    if (cfg.pgStatements) {
      const top = await db.sql<Record<string, unknown>>(
        `SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                round(total_plan_time::numeric, 1) AS plan_ms,
                rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
           FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40`,
      );
      (report as Record<string, unknown>).pgStatements = top;
      out(
        table(
          ['calls', 'total ms', 'mean ms', 'plan ms', 'rows', 'query'],
          top.map((r) => [
            Number(r.calls),
            Number(r.total_ms),
            Number(r.mean_ms),
            Number(r.plan_ms),
            Number(r.rows),
            String(r.query),
          ]),
        ),
      );
    }
    const file = join(cfg.resultsDir, `annual-cycle-${runId}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    writeFileSync(join(cfg.resultsDir, `annual-cycle-${kind}-latest.json`), JSON.stringify(report, null, 2));
    printReport(report, chain, rec, single, timers, baselines, baselineTps, ratio, dashboard, cpuReport);
    out(`\nJSON: ${file}`);
    if (verified !== plans.length || approvedOnDashboard !== cfg.plans) exitCode = 1;
    if (timers && (timers.fired !== timers.timers || timers.firedTwice > 0)) exitCode = 1;
    const unexpected = host.services.filter((s) => s.unexpectedExits > 0);
    if (unexpected.length) {
      log(`processes that exited by themselves: ${unexpected.map((s) => s.name).join(', ')}`);
      exitCode = 1;
    }
    result = { report: report as unknown as BenchReport, exitCode };
  } catch (err) {
    log(`benchmark failed: ${(err as Error)?.stack ?? String(err)}`);
    exitCode = 1;
  } finally {
    await host.stop();
    await db.close().catch(() => undefined);
  }
  return result;
}

function target(name: string, value: number, goal: number, op: '<' | '>=') {
  const ok = op === '<' ? value < goal : value >= goal;
  return { name, value, target: `${op} ${goal}`, met: Number.isFinite(value) ? ok : null };
}

/** Runs plans through the chain with `clients` concurrent clients. */
async function drive(runs: PlanRun[], clients: number, start: (r: PlanRun) => ReturnType<PlanRun['start']>) {
  await runSteps(runs.map(start), clients);
}

function plansFor(
  world: World,
  cycleId: string,
  scale: Scale,
  ctx: DriveContext,
  tag: string,
  count: number,
) {
  const revisions = Math.round(count * scale.revisionShare);
  // Spread the revision loops over the list (every k-th plan), deterministically.
  const picks = new Set(
    Array.from({ length: revisions }, (_, i) => Math.floor((i * count) / Math.max(revisions, 1))),
  );
  return world.unions
    .slice(0, count)
    .map((u, i) => new PlanRun(u, cycleId, scale, picks.has(i), ctx, `${tag}${u.code}`));
}

async function chainPhase(world: World, cycleId: string, runId: string, rec: Recorder) {
  const scale: Scale = {
    activities: cfg.activities,
    linesPerActivity: cfg.lines,
    revisionShare: cfg.revisionShare,
    revisionEdits: cfg.revisionEdits,
  };
  let created = 0;
  let allCreated: () => void = () => undefined;
  const plansCreated = new Promise<void>((r) => (allCreated = r));
  const ctx: DriveContext = {
    crashSafe: false,
    runId,
    progress: (kind) => {
      if (kind === 'create-plan' && ++created === world.unions.length) allCreated();
    },
  };
  const runs = plansFor(world, cycleId, scale, ctx, 'main-', cfg.plans);
  if (runs.length < world.unions.length) created = world.unions.length - runs.length;
  log(
    `chain: ${runs.length} plans × ${cfg.activities} activities × ${cfg.lines} lines, ${cfg.clients} clients`,
  );
  const from = Date.now();
  const tick = setInterval(() => {
    const n = rec.count((k) => COMMAND_KINDS.has(k), from);
    log(
      `  … ${n} commands, ${(n / ((Date.now() - from) / 1000)).toFixed(0)}/s, approved ${runs.filter((r) => r.approved).length}`,
    );
  }, 10_000);
  const driving = drive(runs, cfg.clients, (r) => r.start());
  const reads = plansCreated.then(() => readLoad(world, runs));
  await driving;
  clearInterval(tick);
  const to = Date.now();
  const readResult = await reads;
  const seconds = (to - from) / 1000;
  const isCommand = (k: string) => COMMAND_KINDS.has(k);
  const commandCount = rec.count(isCommand, from, to);
  const byKind: Record<string, LatencySummary> = {};
  for (const k of rec.kinds()) if (rec.summary(k, from, to).count) byKind[k] = rec.summary(k, from, to);
  const inWindow = rec.count(isCommand, readResult.window.from, readResult.window.to);
  const windowSeconds = (readResult.window.to - readResult.window.from) / 1000;
  const drafting = rec.count((k) => ['create-plan', 'add-activity', 'add-budget-line'].includes(k), from, to);
  const approvedRuns = runs.filter((r) => r.approved).length;
  log(
    `chain done: ${commandCount} commands in ${seconds.toFixed(1)} s, ${approvedRuns}/${runs.length} approved`,
  );
  return {
    clients: cfg.clients,
    plans: runs.length,
    approvedPlans: approvedRuns,
    revisionLoops: runs.filter((r) => r.revision).length,
    seconds: round(seconds),
    commandsTotal: commandCount,
    draftingCommands: drafting,
    approvalCommands: commandCount - drafting,
    commandsPerSecond: round(commandCount / seconds),
    commandsPerSecondDuringReadLoad: round(inWindow / windowSeconds),
    commandsPerSecondOutsideReadLoad: round((commandCount - inWindow) / (seconds - windowSeconds)),
    commands: rec.pooled(isCommand, from, to),
    decisions: rec.pooled((k) => DECISION_KINDS.has(k), from, to),
    commandsDuringReadLoad: rec.pooled(isCommand, readResult.window.from, readResult.window.to),
    byKind,
    errors: rec.errorsJson(),
    readLoad: readResult,
    runs,
  };
}

/**
 * 100 requests per second (open loop: sent on schedule whatever the answers do), half the cycle
 * dashboard and half a whole plan (`GET /api/plans/:id`, activities and lines) of a random plan.
 */
async function readLoad(world: World, runs: PlanRun[]): Promise<ReadLoadResult> {
  const rec = new Recorder();
  const http = new Http(world.central.http.bases, rec);
  const central = world.central.via(http);
  const cycleId = runs[0].cycleId;
  const total = Math.round(cfg.readRps * cfg.readSeconds);
  const interval = 1000 / cfg.readRps;
  const from = Date.now();
  const inflight: Promise<unknown>[] = [];
  let failed = 0;
  log(`read load: ${cfg.readRps}/s for ${cfg.readSeconds} s`);
  for (let i = 0; i < total; i++) {
    const due = from + i * interval;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const req =
      i % 2 === 0
        ? central.get('read-dashboard', `/api/cycles/${cycleId}/dashboard`)
        : central.get('read-plan', `/api/plans/${runs[Math.floor(Math.random() * runs.length)].planId}`);
    inflight.push(req.catch(() => failed++));
  }
  const to = Date.now();
  await Promise.all(inflight);
  const completed = rec.count(() => true);
  const byKind: Record<string, LatencySummary> = {};
  for (const k of rec.kinds()) byKind[k] = rec.summary(k);
  log(`read load done: ${completed}/${total} in ${((Date.now() - from) / 1000).toFixed(1)} s`);
  return {
    rps: cfg.readRps,
    seconds: cfg.readSeconds,
    sent: total,
    completed,
    failed,
    achievedRps: round(total / ((to - from) / 1000)),
    byKind,
    all: rec.pooled(() => true),
    window: { from, to },
  };
}

/**
 * Issue 3's figure: the latency of one approval command with nothing else running. The plans are
 * drafted with the full client count (not measured here), then one client walks every plan
 * through the approval chain, strictly one request at a time.
 */
async function singleClientPhase(world: World, cycleId: string, runId: string) {
  const rec = new Recorder();
  const http = new Http(world.central.http.bases, rec);
  const rebind = (s: Session) => s.via(http);
  const local: World = {
    admin: rebind(world.admin),
    central: rebind(world.central),
    unions: world.unions.map((u) => ({
      ...u,
      editor: rebind(u.editor),
      submitter: rebind(u.submitter),
      content: rebind(u.content),
      budget: rebind(u.budget),
      final: rebind(u.final),
    })),
  };
  const scale: Scale = {
    activities: cfg.singleActivities,
    linesPerActivity: cfg.lines,
    revisionShare: cfg.revisionShare,
    revisionEdits: cfg.revisionEdits,
  };
  const ctx: DriveContext = { crashSafe: false, runId };
  const runs = plansFor(
    local,
    cycleId,
    scale,
    ctx,
    'single-',
    Math.min(cfg.singlePlans, world.unions.length),
  );
  for (const r of runs) r.stopAfterDraft = true;
  log(`single client: drafting ${runs.length} plans with ${cfg.clients} clients`);
  await drive(runs, cfg.clients, (r) => r.start());
  const draftedAt = Date.now();
  log('single client: approval chain, one request at a time');
  await runSteps(
    runs.map((r) => r.submit()),
    1,
  );
  const byKind: Record<string, LatencySummary> = {};
  for (const k of rec.kinds()) if (rec.summary(k, draftedAt).count) byKind[k] = rec.summary(k, draftedAt);
  return {
    plans: runs.length,
    activities: cfg.singleActivities,
    lines: cfg.lines,
    approvedPlans: runs.filter((r) => r.approved).length,
    approvalDecisions: rec.pooled((k) => DECISION_KINDS.has(k), draftedAt),
    commands: rec.pooled((k) => COMMAND_KINDS.has(k), draftedAt),
    byKind,
    runs,
  };
}

/**
 * N plans (one per union and extra cycle) in DRAFT with no reminders: exactly one timer each, the
 * submission deadline, all due at the same instant (end of the same local day). The API is
 * restarted with its clock set shortly before that instant; lateness = firedAt − dueAt of each
 * SubmissionOverdue event (firedAt is the app clock inside the firing transaction).
 */
async function timerPhase(world: World, db: Database, host: Host, http: Http): Promise<TimerResult> {
  const apis = host.apis;
  const perCycle = world.unions.length;
  // One live plan per union and cycle; cycle years 2040..2100 cap the batch at 61 plans per union.
  const n = Math.min(cfg.timers, perCycle * 61);
  if (n < cfg.timers) log(`timers: only ${n} with ${perCycle} unions (raise --plans)`);
  const cycles = Math.ceil(n / perCycle);
  const deadline = '2031-06-13';
  const cycleIds: string[] = [];
  for (let i = 0; i < cycles; i++)
    cycleIds.push(await createCycle(world.central, 2040 + i, deadline, { reminderWorkingDays: [] }));
  const pairs = Array.from({ length: n }, (_, i) => ({
    cycle: cycleIds[Math.floor(i / perCycle)],
    union: world.unions[i % perCycle],
  }));
  log(`timers: creating ${n} draft plans in ${cycles} cycles (deadline ${deadline})`);
  const planIds = await pool(pairs, cfg.clients, async (p) => {
    const res = await p.union.editor.post<{ id: string }>(
      'timer-create-plan',
      `/api/cycles/${p.cycle}/plans`,
      {
        title: `Kế hoạch (hạn nộp) ${p.union.code}`,
      },
    );
    return res.id;
  });
  const due = await db.sql<{ due: Date; last: Date; n: number }>(
    `SELECT min(due_at) AS due, max(due_at) AS last, count(*)::int AS n FROM app.timers
      WHERE fired_at IS NULL AND stream_id = ANY($1::uuid[])`,
    [planIds],
  );
  const dueAt = due[0].due.getTime();
  if (due[0].n !== n || due[0].last.getTime() !== dueAt)
    throw new Error(`expected ${n} timers due at one instant, found ${JSON.stringify(due[0])}`);
  await host.stopApis();
  const clockOffsetMs = dueAt - (Date.now() + cfg.timerLeadMs);
  for (const a of apis) a.clockOffsetMs = clockOffsetMs;
  const readyMs = await host.startApis();
  const appNow = () => Date.now() + clockOffsetMs;
  const leadLeft = dueAt - appNow();
  log(
    `timers: ${n} due at ${new Date(dueAt).toISOString()}; API restarted in ${readyMs} ms, ${leadLeft} ms before due`,
  );
  const deadlineWall = Date.now() + 120_000 + n * 50;
  let firedCount = 0;
  let drainedAtApp = NaN;
  while (Date.now() < deadlineWall) {
    const r = await db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.timers WHERE fired_at IS NOT NULL AND stream_id = ANY($1::uuid[])`,
      [planIds],
    );
    firedCount = r[0].n;
    if (firedCount >= n) {
      drainedAtApp = appNow();
      break;
    }
    await sleep(50);
  }
  const rows = await db.sql<{ stream_id: string; late: number }>(
    `SELECT stream_id, extract(epoch FROM ((payload->>'firedAt')::timestamptz - (payload->>'dueAt')::timestamptz)) * 1000 AS late
       FROM app.events WHERE type = 'SubmissionOverdue' AND stream_id = ANY($1::uuid[])`,
    [planIds],
  );
  const perPlan = new Map<string, number>();
  for (const r of rows) perPlan.set(r.stream_id, (perPlan.get(r.stream_id) ?? 0) + 1);
  const twice = [...perPlan.values()].filter((c) => c > 1).length;
  const lateness = summarize(rows.map((r) => Number(r.late)));
  void http;
  log(
    `timers: ${rows.length}/${n} fired; lateness p50 ${lateness.p50} ms, p99 ${lateness.p99} ms, max ${lateness.max} ms`,
  );
  return {
    method: `${n} submission deadlines at one instant, API clock ${cfg.timerLeadMs} ms before it`,
    timers: n,
    fired: rows.length,
    firedTwice: twice,
    apiReadyMs: readyMs,
    apiReadyBeforeDueMs: leadLeft,
    pollMs: 250,
    drainedAfterDueMs: Number.isFinite(drainedAtApp) ? Math.round(drainedAtApp - dueAt) : null,
    lateness,
  };
}

/**
 * The Temporal host's timer figure. Workflow timers run on the real clock (the API's clock offset
 * does not move them) and a submission deadline is always the end of a local day, so the
 * deadlines here are review SLAs: N/2 plans (one per union and extra cycle, one activity and one
 * line each) are drafted, then the API is restarted with its clock one working day back
 * (`temporalClock`), so the 1-working-day SLAs of the content and budget reviews each submission
 * opens fall due `--timer-lead-ms` after that submission. The deadlines are spread over the
 * submission window, not one instant as on the embedded host. Lateness = firedAt − dueAt of each
 * ReviewOverdue event (firedAt is the workflow's clock when the timer's task ran).
 */
async function temporalTimerPhase(
  world: World,
  db: Database,
  host: Host,
  runId: string,
): Promise<TimerResult> {
  const perCycle = world.unions.length;
  const wanted = Math.ceil(cfg.timers / 2);
  const plans = Math.min(wanted, perCycle * 61);
  if (plans < wanted) log(`timers: only ${plans * 2} with ${perCycle} unions (raise --plans)`);
  const cycles = Math.ceil(plans / perCycle);
  const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const cycleIds: string[] = [];
  for (let i = 0; i < cycles; i++)
    cycleIds.push(
      await createCycle(world.central, 2040 + i, deadline, { reminderWorkingDays: [], reviewSlaDays: 1 }),
    );
  // The SLA clock from the start, so no event is dated before the one it follows.
  await host.stopApis();
  const clock = temporalClock(cfg.timerLeadMs);
  if (!clock.slasComeDue) throw new Error('today is a day off: no review SLA can come due in real time');
  for (const a of host.apis) a.clockOffsetMs = clock.offsetMs;
  const readyMs = await host.startApis();
  const ctx: DriveContext = { crashSafe: false, runId };
  const runs = Array.from({ length: plans }, (_, i) => {
    const u = world.unions[i % perCycle];
    const r = new PlanRun(
      u,
      cycleIds[Math.floor(i / perCycle)],
      { activities: 1, linesPerActivity: 1, revisionShare: 0, revisionEdits: 0 },
      false,
      ctx,
      `timer-${i}-${u.code}`,
    );
    r.stopAfterDraft = true;
    return r;
  });
  log(`timers: drafting ${plans} plans in ${cycles} cycles`);
  await runSteps(
    runs.map((r) => r.start()),
    cfg.clients,
  );
  const submitFrom = Date.now();
  for (const r of runs) r.stopAfterSubmit = true;
  await runSteps(
    runs.map((r) => r.submit()),
    cfg.clients,
  );
  const submitSeconds = (Date.now() - submitFrom) / 1000;
  const n = plans * 2;
  const planIds = runs.map((r) => r.planId);
  log(`timers: ${plans} plans submitted in ${submitSeconds.toFixed(1)} s; waiting for ${n} review SLAs`);
  const until = Date.now() + 120_000 + n * 50;
  let fired = 0;
  while (Date.now() < until) {
    const r = await db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.events WHERE type = 'ReviewOverdue' AND stream_id = ANY($1::uuid[])`,
      [planIds],
    );
    fired = r[0].n;
    if (fired >= n) break;
    await sleep(100);
  }
  const drainedMs = Date.now() - submitFrom;
  const rows = await db.sql<{ key: string; late: number }>(
    `SELECT stream_id::text || (payload->>'key') AS key,
            extract(epoch FROM ((payload->>'firedAt')::timestamptz - (payload->>'dueAt')::timestamptz)) * 1000 AS late
       FROM app.events WHERE type = 'ReviewOverdue' AND stream_id = ANY($1::uuid[])`,
    [planIds],
  );
  const perKey = new Map<string, number>();
  for (const r of rows) perKey.set(r.key, (perKey.get(r.key) ?? 0) + 1);
  const lateness = summarize(rows.map((r) => Number(r.late)));
  log(
    `timers: ${rows.length}/${n} fired; lateness p50 ${lateness.p50} ms, p99 ${lateness.p99} ms, max ${lateness.max} ms`,
  );
  // The API back on the real clock for whatever follows.
  await host.stopApis();
  for (const a of host.apis) a.clockOffsetMs = 0;
  await host.startApis();
  return {
    method: `${n} review SLAs (2 per submission), each due ${cfg.timerLeadMs} ms after its submission on the real clock; ${plans} submissions over ${submitSeconds.toFixed(1)} s`,
    timers: n,
    fired: rows.length,
    firedTwice: [...perKey.values()].filter((c) => c > 1).length,
    apiReadyMs: readyMs,
    apiReadyBeforeDueMs: cfg.timerLeadMs,
    pollMs: null,
    drainedAfterDueMs: drainedMs - cfg.timerLeadMs,
    lateness,
  };
}

interface TimerResult {
  method: string;
  timers: number;
  fired: number;
  firedTwice: number;
  apiReadyMs: number;
  apiReadyBeforeDueMs: number;
  pollMs: number | null;
  drainedAfterDueMs: number | null;
  lateness: LatencySummary;
}

/** The flags this run was given, for the report's heading. */
function flagsLine(): string {
  return process.argv.slice(2).join(' ') || '(defaults)';
}

/**
 * The hosts side by side: each figure per host and embedded ÷ Temporal (for throughput a ratio
 * above 1 means the embedded host does more; for latency and CPU, that it takes more).
 */
function compareHosts(reports: BenchReport[]): { text: string; rows: (string | number)[][] } {
  const cols = reports.map((r) => r.host);
  const e = reports.find((r) => r.host === 'embedded');
  const t = reports.find((r) => r.host === 'temporal');
  // A figure one host does not have (the worker's CPU on the embedded host) has no ratio.
  const ratio = (f: (r: BenchReport) => number) =>
    e && t && f(e) && f(t) ? String(round(f(e) / f(t), 2)) : '-';
  const rows: (string | number)[][] = [];
  const num = (name: string, f: (r: BenchReport) => number) =>
    rows.push([name, ...reports.map((r) => f(r)), ratio(f)]);
  const pair = (name: string, f: (r: BenchReport) => LatencySummary | undefined) =>
    rows.push([
      name,
      ...reports.map((r) => {
        const x = f(r);
        return x ? `${x.p50} / ${x.p99}` : '-';
      }),
      `${ratio((r) => f(r)?.p50 ?? NaN)} / ${ratio((r) => f(r)?.p99 ?? NaN)}`,
    ]);
  num('commands/s (whole chain)', (r) => r.chain.commandsPerSecond);
  num('pgbench tps (same machine, same run)', (r) => r.baseline.tps);
  num('commands/s ÷ pgbench tps', (r) => round(r.chain.commandsPerSecond / r.baseline.tps, 4));
  pair('command latency, all kinds: p50 / p99 (ms)', (r) => r.chain.commands);
  for (const kind of COMMAND_KINDS)
    if (reports.some((r) => r.chain.byKind[kind]))
      pair(`  ${kind} p50 / p99 (ms)`, (r) => r.chain.byKind[kind]);
  const cpu = (r: BenchReport) => r.cpu.perCommand;
  num('CPU per command: API (ms)', (r) => cpu(r).apiMs);
  num('CPU per command: worker (ms)', (r) => cpu(r).workerMs);
  num('CPU per command: Temporal server (ms)', (r) => cpu(r).temporalMs);
  num('CPU per command: PostgreSQL (ms)', (r) => cpu(r).pgMs);
  num('CPU per command: load generator (ms)', (r) => cpu(r).clientMs);
  num('CPU per command: all of the above (ms)', (r) =>
    round(cpu(r).apiMs + cpu(r).workerMs + cpu(r).temporalMs + cpu(r).pgMs + cpu(r).clientMs, 3),
  );
  rows.push([
    'timer lateness p50 / p99 / max (ms)',
    ...reports.map((r) =>
      r.timers
        ? `${r.timers.lateness.p50} / ${r.timers.lateness.p99} / ${r.timers.lateness.max} (${r.timers.fired}/${r.timers.timers} fired, ${r.timers.firedTwice} twice)`
        : '-',
    ),
    `${ratio((r) => r.timers?.lateness.p50 ?? NaN)} / ${ratio((r) => r.timers?.lateness.p99 ?? NaN)}`,
  ]);
  pair('single client: approval decision p50 / p99 (ms)', (r) => r.singleClient.approvalDecisions);
  pair('dashboard, all approved: p50 / p99 (ms)', (r) => r.dashboard);
  pair('read load during the chain: p50 / p99 (ms)', (r) => r.readLoad.all);
  const text = table(['figure', ...cols, 'embedded ÷ temporal'], rows);
  const notes = reports
    .filter((r) => r.timers)
    .map((r) => `timers on the ${r.host} host: ${r.timers!.method}`)
    .join('\n');
  return { text: `${text}\n${notes}`, rows };
}

function printReport(
  report: {
    host: HostKind;
    targets: ReturnType<typeof target>[];
    machine: Record<string, unknown>;
    totalSeconds: number;
  },
  chain: Awaited<ReturnType<typeof chainPhase>>,
  rec: Recorder,
  single: Awaited<ReturnType<typeof singleClientPhase>>,
  timers: TimerResult | null,
  baselines: PgbenchResult[],
  baselineTps: number,
  ratio: number,
  dashboard: LatencySummary,
  cpu: {
    chain: CpuUse;
    perCommand: { apiMs: number; workerMs: number; temporalMs: number; pgMs: number; clientMs: number };
    perPgbenchTxn: { pgMs: number; clientMs: number } | null;
    ratioByCpuCost: number;
  },
): void {
  void rec;
  out('');
  out(`Annual cycle benchmark on the ${report.host} host — ${JSON.stringify(report.machine)}`);
  out(
    `${chain.plans} plans × ${cfg.activities} activities × ${cfg.lines} lines, ${chain.revisionLoops} revision loops, ${chain.clients} clients` +
      `${cfg.apiProcesses > 1 ? `, ${cfg.apiProcesses} API processes` : ''}: ` +
      `${chain.commandsTotal} commands in ${chain.seconds} s`,
  );
  out('');
  out(
    table(
      ['figure', 'value'],
      [
        ['engine commands/s (whole chain)', chain.commandsPerSecond],
        [
          '  drafting commands / approval-chain commands',
          `${chain.draftingCommands} / ${chain.approvalCommands}`,
        ],
        [
          '  commands/s during the read load / outside it',
          `${chain.commandsPerSecondDuringReadLoad} / ${chain.commandsPerSecondOutsideReadLoad}`,
        ],
        ...baselines.map((b, i) => [
          `pgbench single-row update tps (${i === 0 ? 'before' : 'after'})`,
          round(b.tps),
        ]),
        ['pgbench baseline tps (mean)', round(baselineTps)],
        ['ratio engine / baseline', round(ratio, 3)],
        [
          'CPU per command: API / worker / Temporal server / PostgreSQL / load generator (ms)',
          `${cpu.perCommand.apiMs} / ${cpu.perCommand.workerMs} / ${cpu.perCommand.temporalMs} / ${cpu.perCommand.pgMs} / ${cpu.perCommand.clientMs}`,
        ],
        [
          'CPU per pgbench txn: PostgreSQL / pgbench (ms)',
          cpu.perPgbenchTxn ? `${cpu.perPgbenchTxn.pgMs} / ${cpu.perPgbenchTxn.clientMs}` : '-',
        ],
        ['ratio by CPU cost per operation', cpu.ratioByCpuCost],
        [
          'chain: cores used by API / worker / Temporal / PostgreSQL / everyone else',
          `${cpu.chain.apiCores} / ${cpu.chain.workerCores} / ${cpu.chain.temporalCores} / ${cpu.chain.pgCores} / ${round(cpu.chain.othersMs / 1000 / cpu.chain.seconds, 2)}`,
        ],
        [
          'command latency p50 / p95 / p99 (ms)',
          `${chain.commands.p50} / ${chain.commands.p95} / ${chain.commands.p99}`,
        ],
        [
          'dashboard, all plans approved: p50 / p99 / max (ms)',
          `${dashboard.p50} / ${dashboard.p99} / ${dashboard.max}`,
        ],
        [
          `read load ${chain.readLoad.rps}/s × ${chain.readLoad.seconds} s: p50 / p99 (ms)`,
          `${chain.readLoad.all.p50} / ${chain.readLoad.all.p99} (${chain.readLoad.completed}/${chain.readLoad.sent} ok)`,
        ],
        ...Object.entries(chain.readLoad.byKind).map(([k, s]) => [
          `  ${k} p50 / p99 (ms)`,
          `${s.p50} / ${s.p99}`,
        ]),
        [
          `timer lateness, batch of ${timers?.timers ?? 0}: p50 / p99 / max (ms)`,
          timers
            ? `${timers.lateness.p50} / ${timers.lateness.p99} / ${timers.lateness.max} (${timers.fired} fired, ${timers.firedTwice} twice)`
            : '-',
        ],
        [
          'single client: approval decision p50 / p99 (ms)',
          `${single.approvalDecisions.p50} / ${single.approvalDecisions.p99} (n=${single.approvalDecisions.count})`,
        ],
      ],
    ),
  );
  if (timers) out(`timers: ${timers.method}`);
  out('');
  out(`Latency per endpoint kind at ${chain.clients} clients (ms)`);
  out(
    table(
      ['kind', 'count', 'errors', 'p50', 'p95', 'p99', 'max'],
      Object.entries(chain.byKind).map(([k, s]) => [k, s.count, s.errors, s.p50, s.p95, s.p99, s.max]),
    ),
  );
  out('');
  out(
    `Single client, sequential approval chain (${single.plans} plans × ${single.activities} × ${single.lines}) (ms)`,
  );
  out(
    table(
      ['kind', 'count', 'p50', 'p95', 'p99', 'max'],
      Object.entries(single.byKind).map(([k, s]) => [k, s.count, s.p50, s.p95, s.p99, s.max]),
    ),
  );
  out('');
  out('Targets');
  out(
    table(
      ['target', 'value', 'goal', 'met'],
      report.targets.map((t) => [t.name, t.value, t.target, t.met === null ? '-' : t.met ? 'yes' : 'NO']),
    ),
  );
  out(`\ntotal ${report.totalSeconds} s`);
}

void main();
