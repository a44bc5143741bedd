/**
 * `npm run bench:consolidation` (issue 14): the time to build and to read the national plan of
 * 34 approved plans × 150 activities × 3 budget lines, through the real HTTP API, as ratios to
 * baselines measured in the same run (the machine is shared and noisy):
 * - `GET /api/plans/:id` of one of those plans (450 lines), interleaved with the samples;
 * - pgbench's single-row UPDATE tps on the same server, before and after (bench/support/pgbench.ts).
 *
 * Set-up (not measured): unions, agencies and users through the admin API; each plan created,
 * submitted and appraised (budget, content, final) through the API; its 150 activities and 450
 * lines are written with two SQL statements per plan instead of 600 content commands, so the plans'
 * histories hold no ContentEdited events (the submitted snapshot, the reviews and the approval are
 * the API's own). Each sample: POST /api/cycles/:id/consolidations (timed), GET
 * /api/consolidations/:id `--reads` times (timed), then the leader returns it (not timed) so the
 * next sample consolidates the same 34 plans again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTIVITY_TYPES, BUDGET_CATEGORIES, FUNDING_SOURCES } from '@vufo/domain';
import { Http, Session, sleep } from '../support/client';
import { Database, log, out, ROOT, startDatabase } from '../support/harness';
import { Host } from '../support/host';
import { option } from '../support/options';
import { findPgbench, PgbenchResult, preparePgbench, runPgbench } from '../support/pgbench';
import { createCycle, createWorld, Union } from '../support/scenario';
import { LatencySummary, Recorder, round, table } from '../support/stats';
import { pool } from '../support/tasks';

const cfg = {
  plans: option('plans', 34),
  activities: option('activities', 150),
  lines: option('lines', 3),
  /** Consolidations built (each then returned). */
  samples: option('samples', 10),
  /** Reads of each consolidation. */
  reads: option('reads', 5),
  setupConcurrency: option('setup-concurrency', 4),
  pgbenchSeconds: option('pgbench-seconds', 10),
  pgbenchClients: option('pgbench-clients', 16),
  dataDir: option('data-dir', join(ROOT, '.data-bench-consolidation')),
  resultsDir: option('results-dir', join(ROOT, 'bench', 'results')),
};

const COUNTRIES = ['JP', 'KR', 'CN', 'LA', 'KH', 'FR', 'DE', 'US', 'RU', 'CU', 'IN', 'AU'];

/** One query at a time on the harness's single connection (the set-up runs plans side by side). */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** The plan's content in two statements: activities, then 3 lines each; every line justified. */
async function writeContent(db: Database, planId: string): Promise<void> {
  await db.sql(
    `INSERT INTO app.activities (plan_id, code, title, type, period_start, period_end, location,
                                 partner_countries, expected_results, position)
     SELECT $1, 'HD' || lpad(g::text, 3, '0'), 'Hoạt động đối ngoại ' || g,
            ($2::text[])[1 + g % array_length($2::text[], 1)], '2027-0' || (1 + g % 9), '2027-0' || (1 + g % 9),
            'Hà Nội', ARRAY[($3::text[])[1 + g % array_length($3::text[], 1)],
                             ($3::text[])[1 + (g * 5) % array_length($3::text[], 1)]],
            'Tăng cường hữu nghị', g
       FROM generate_series(1, $4::int) g`,
    [planId, [...ACTIVITY_TYPES], COUNTRIES, cfg.activities],
  );
  await db.sql(
    `INSERT INTO app.budget_lines (activity_id, plan_id, category, description, quantity, unit, unit_cost,
                                   amount, funding_source, norm_justification, position)
     SELECT a.id, $1, ($2::text[])[1 + (a.position + j) % array_length($2::text[], 1)],
            'Dòng ' || a.position || '.' || j, 1, 'gói', amt, amt,
            ($3::text[])[1 + j % array_length($3::text[], 1)], 'Theo dự toán được giao', j
       FROM app.activities a, generate_series(1, $4::int) j,
            LATERAL (SELECT (1000000 * (1 + (a.position * 7 + j * 13) % 50))::numeric AS amt) x
      WHERE a.plan_id = $1`,
    [planId, [...BUDGET_CATEGORIES], [...FUNDING_SOURCES], cfg.lines],
  );
}

/** One union's plan: created, filled, submitted, appraised to APPROVED through the API. */
async function approvedPlan(db: Database, u: Union, cycleId: string): Promise<string> {
  const plan = await u.editor.post<{ id: string }>('setup', `/api/cycles/${cycleId}/plans`, {
    title: `Kế hoạch đối ngoại nhân dân năm 2027 — ${u.name}`,
    objectives: 'Tăng cường quan hệ hữu nghị với các địa phương kết nghĩa.',
  });
  await serial(() => writeContent(db, plan.id));
  await u.submitter.post('setup', `/api/plans/${plan.id}/submit`);
  const pending = async (who: Session, fn: string) => {
    const inbox = await who.get<{ items: { id: string; planId: string; function: string }[] }>(
      'setup',
      '/api/reviews?mine=true&status=PENDING&limit=100',
    );
    const r = inbox.items.find((x) => x.planId === plan.id && x.function === fn);
    if (!r) throw new Error(`no pending ${fn} review of ${plan.id}`);
    return r.id;
  };
  const lines = await serial(() =>
    db.sql<{ id: string; amount: string }>(
      `SELECT id, amount::text FROM app.budget_lines WHERE plan_id = $1 ORDER BY position`,
      [plan.id],
    ),
  );
  await u.budget.post('setup', `/api/reviews/${await pending(u.budget, 'BUDGET')}/decision`, {
    decision: 'APPROVE',
    // 80% of most lines, nothing for every 7th: approved differs from requested in the roll-ups.
    lines: lines.map((l, i) => ({
      budgetLineId: l.id,
      approvedAmount: i % 7 === 0 ? 0 : Number((BigInt(l.amount) * 8n) / 10n),
    })),
  });
  await u.content.post('setup', `/api/reviews/${await pending(u.content, 'CONTENT')}/decision`, {
    decision: 'APPROVE',
    comment: 'Đạt',
  });
  await u.final.post('setup', `/api/reviews/${await pending(u.final, 'FINAL')}/decision`, {
    decision: 'APPROVE',
    decisionNumber: `${u.index + 1}/QĐ-UBND`,
    decisionDate: new Date().toISOString().slice(0, 10),
    signer: 'Chủ tịch UBND tỉnh',
  });
  return plan.id;
}

interface Report {
  runId: string;
  startedAt: string;
  config: typeof cfg;
  postgres: string;
  scale: { plans: number; activities: number; lines: number; responseBytes: number };
  setupSeconds: number;
  consolidate: LatencySummary;
  getConsolidation: LatencySummary;
  getPlan: LatencySummary;
  ratios: {
    consolidateP50OverGetPlanP50: number;
    consolidateP99OverGetPlanP99: number;
    getConsolidationP50OverGetPlanP50: number;
    getConsolidationP99OverGetPlanP99: number;
    /** The median build, in pgbench transactions' worth of time (p50 ms × tps / 1000). */
    consolidateP50InPgbenchTxns: number | null;
    getConsolidationP50InPgbenchTxns: number | null;
  };
  pgbench: PgbenchResult[];
}

async function main(): Promise<void> {
  const runId = `c${Date.now().toString(36)}`;
  mkdirSync(cfg.resultsDir, { recursive: true });
  log(`consolidation benchmark ${runId}: ${JSON.stringify(cfg)}`);
  const dataDir = join(cfg.dataDir, 'embedded');
  const db = await startDatabase(dataDir);
  const postgres = (await db.sql<{ server_version: string }>(`SHOW server_version`))[0].server_version;
  const host = await Host.create('embedded', { db, dataDir });
  let exitCode = 0;
  try {
    await host.start();
    const rec = new Recorder();
    const http = new Http(host.bases, rec);

    // --- set-up -----------------------------------------------------------------------------------
    const t0 = performance.now();
    const world = await createWorld(http, cfg.plans);
    const future = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const cycleId = await createCycle(world.central, 2027, future);
    let done = 0;
    const planIds = await pool(world.unions, cfg.setupConcurrency, async (u) => {
      const id = await approvedPlan(db, u, cycleId);
      if (++done % 5 === 0 || done === world.unions.length)
        log(`set-up: ${done}/${world.unions.length} plans approved`);
      return id;
    });
    const setupSeconds = round((performance.now() - t0) / 1000);
    log(`set-up done in ${setupSeconds} s`);

    const pgbench = findPgbench();
    const baselines: PgbenchResult[] = [];
    const baseline = async (label: string) => {
      if (!pgbench) return log('pgbench not found: no pgbench baseline (apt-get install postgresql-client)');
      const r = await runPgbench(db, pgbench, cfg.pgbenchClients, cfg.pgbenchSeconds, dataDir);
      baselines.push(r);
      log(`pgbench ${label}: ${r.tps.toFixed(0)} tps at ${r.clients} clients`);
    };
    if (pgbench) await preparePgbench(db);
    await baseline('before');

    // --- measured: build, read, and the baseline read in between ---------------------------------
    const m = new Recorder();
    const mh = new Http(host.bases, m);
    const central = world.central.via(mh);
    const leader = world.central; // vufo.consolidator is CONSOLIDATOR and LEADER (scenario.ts)
    const onePlan = planIds[0];
    const readPlan = () => central.get('get-plan', `/api/plans/${onePlan}`);
    // Warm-up, not recorded: connection, caches, JIT.
    for (let i = 0; i < 3; i++) await world.central.get('warm', `/api/plans/${onePlan}`);
    let responseBytes = 0;
    let shape = { plans: 0, activities: 0, lines: 0 };
    for (let i = 0; i < cfg.samples; i++) {
      await readPlan();
      const k = await central.post<{ id: string }>('consolidate', `/api/cycles/${cycleId}/consolidations`, {
        note: `Mẫu ${i + 1}`,
      });
      for (let r = 0; r < cfg.reads; r++) {
        const body = await central.get<{
          plans: unknown[];
          rollups: { total: { activities: number } };
        }>('get-consolidation', `/api/consolidations/${k.id}`);
        await readPlan();
        if (r === 0 && i === 0) {
          responseBytes = Buffer.byteLength(JSON.stringify(body));
          shape = { plans: body.plans.length, activities: body.rollups.total.activities, lines: 0 };
        }
      }
      await leader.post('return', `/api/consolidations/${k.id}/return`, { reason: 'Mẫu đo, trả lại' });
      log(
        `sample ${i + 1}/${cfg.samples}: consolidate ${m.samples.get('consolidate')!.at(-1)!.ms.toFixed(0)} ms`,
      );
    }
    const expected = cfg.plans * cfg.activities;
    if (shape.plans !== cfg.plans || shape.activities !== expected) {
      exitCode = 1;
      log(
        `the consolidation holds ${shape.plans} plans, ${shape.activities} activities; expected ${cfg.plans}, ${expected}`,
      );
    }
    shape.lines = Number((await db.sql<{ n: string }>(`SELECT count(*) AS n FROM app.budget_lines`))[0].n);
    await baseline('after');

    const consolidate = m.summary('consolidate');
    const getConsolidation = m.summary('get-consolidation');
    const getPlan = m.summary('get-plan');
    const tps = baselines.length ? baselines.reduce((s, b) => s + b.tps, 0) / baselines.length : null;
    const report: Report = {
      runId,
      startedAt: new Date().toISOString(),
      config: cfg,
      postgres,
      scale: { ...shape, responseBytes },
      setupSeconds,
      consolidate,
      getConsolidation,
      getPlan,
      ratios: {
        consolidateP50OverGetPlanP50: round(consolidate.p50 / getPlan.p50, 2),
        consolidateP99OverGetPlanP99: round(consolidate.p99 / getPlan.p99, 2),
        getConsolidationP50OverGetPlanP50: round(getConsolidation.p50 / getPlan.p50, 2),
        getConsolidationP99OverGetPlanP99: round(getConsolidation.p99 / getPlan.p99, 2),
        consolidateP50InPgbenchTxns: tps === null ? null : round((consolidate.p50 * tps) / 1000, 0),
        getConsolidationP50InPgbenchTxns: tps === null ? null : round((getConsolidation.p50 * tps) / 1000, 0),
      },
      pgbench: baselines,
    };
    writeFileSync(join(cfg.resultsDir, `consolidation-${runId}.json`), JSON.stringify(report, null, 2));
    writeFileSync(join(cfg.resultsDir, 'consolidation-latest.json'), JSON.stringify(report, null, 2));

    out();
    out(
      `consolidation of ${shape.plans} plans, ${shape.activities} activities, ${shape.lines} budget lines ` +
        `(GET body ${(responseBytes / 1024).toFixed(0)} KiB); set-up ${setupSeconds} s`,
    );
    out(
      table(
        ['request', 'n', 'p50 ms', 'p99 ms', 'max ms', 'p50 ÷ get-plan p50', 'p99 ÷ get-plan p99'],
        [
          [
            'POST /api/cycles/:id/consolidations',
            consolidate.count,
            consolidate.p50,
            consolidate.p99,
            consolidate.max,
            report.ratios.consolidateP50OverGetPlanP50,
            report.ratios.consolidateP99OverGetPlanP99,
          ],
          [
            'GET /api/consolidations/:id',
            getConsolidation.count,
            getConsolidation.p50,
            getConsolidation.p99,
            getConsolidation.max,
            report.ratios.getConsolidationP50OverGetPlanP50,
            report.ratios.getConsolidationP99OverGetPlanP99,
          ],
          ['GET /api/plans/:id (baseline)', getPlan.count, getPlan.p50, getPlan.p99, getPlan.max, 1, 1],
        ],
      ),
    );
    if (tps !== null)
      out(
        `pgbench ${baselines.map((b) => b.tps.toFixed(0)).join(' / ')} tps (before / after): the median build is ` +
          `${report.ratios.consolidateP50InPgbenchTxns} single-row UPDATE transactions' worth, the median read ` +
          `${report.ratios.getConsolidationP50InPgbenchTxns}`,
      );
    const errors = rec.errorsJson();
    if (Object.keys(m.errorsJson()).length || Object.keys(errors).length) {
      exitCode = 1;
      out(`errors: ${JSON.stringify({ ...errors, ...m.errorsJson() })}`);
    }
  } catch (err) {
    exitCode = 1;
    log(`failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    await host.stop();
    await sleep(100);
    await db.close();
  }
  process.exit(exitCode);
}

void main();
