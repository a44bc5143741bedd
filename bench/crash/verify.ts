import { deadlines, PlanEvent, PlanState, isOneOf, replay, TIMER_EVENT_TYPES } from '@vufo/domain';
import { Database } from '../support/harness';
import { LedgerEntry } from '../support/scenario';
import { Session } from '../support/client';
import { pool } from '../support/tasks';

export interface Check {
  name: string;
  checked: number;
  failures: string[];
}

interface EventRow {
  stream_id: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  idempotency_key: string | null;
  hash: string;
}

/** Canonical JSON (sorted keys): jsonb does not keep key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v as object)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/**
 * The crash test's checks, on the database after the load (and every kill) is over:
 * acknowledged commands in the history exactly once, nothing half-applied, hash chains valid,
 * every due timer fired exactly once, read models equal to a rebuild from the events.
 */
export async function verifyAll(
  db: Database,
  ledger: LedgerEntry[],
  planIds: string[],
  central: Session,
  appNow: Date,
): Promise<Check[]> {
  const checks: Check[] = [];
  const events = await db.sql<EventRow>(
    `SELECT stream_id, seq, type, payload, idempotency_key, hash FROM app.events
      WHERE stream_id = ANY($1::uuid[]) ORDER BY stream_id, seq`,
    [planIds],
  );
  const byStream = new Map<string, EventRow[]>();
  for (const e of events) {
    let l = byStream.get(e.stream_id);
    if (!l) byStream.set(e.stream_id, (l = []));
    l.push(e);
  }

  // 1. Every acknowledged command is in the history exactly once.
  {
    const c: Check = { name: 'acknowledged commands in the history exactly once', checked: 0, failures: [] };
    for (const l of ledger) {
      if (!l.acked && !l.foundApplied) continue;
      c.checked++;
      const evs = byStream.get(l.planId) ?? [];
      let n = 0;
      const r = l.ref;
      const change = (e: EventRow) =>
        (e.payload.change as { kind?: string; details?: Record<string, unknown> } | undefined) ?? {};
      if (r.type === 'plan') n = evs.filter((e) => e.type === 'PlanCreated').length;
      else if (r.type === 'activity')
        n = evs.filter(
          (e) => change(e).kind === 'ACTIVITY_ADDED' && change(e).details?.activityId === r.id,
        ).length;
      else if (r.type === 'line')
        n = evs.filter(
          (e) => change(e).kind === 'BUDGET_LINE_ADDED' && change(e).details?.budgetLineId === r.id,
        ).length;
      else if (r.type === 'line-edit')
        n = evs.filter(
          (e) =>
            change(e).kind === 'BUDGET_LINE_CHANGED' &&
            change(e).details?.budgetLineId === r.id &&
            // An edit records each changed field as {from, to} (issue 12); older events flat.
            ((change(e).details?.changes as Record<string, { to?: unknown }> | undefined)?.description?.to ??
              change(e).details?.description) === r.description,
        ).length;
      else n = evs.filter((e) => e.idempotency_key === r.key && e.type === r.eventType).length;
      if (n !== 1) c.failures.push(`${l.kind} ${JSON.stringify(r)} on ${l.planId}: found ${n} times`);
    }
    checks.push(c);
  }

  // 2. Nothing half-applied: content rows ↔ their events, the plan row's head ↔ the last event,
  //    contiguous sequence numbers, unique codes (a retried add never doubled).
  {
    const c: Check = {
      name: 'no command half-applied (rows, events and stream head agree)',
      checked: 0,
      failures: [],
    };
    const plans = await db.sql<{ id: string; stream_seq: number; stream_hash: string | null }>(
      `SELECT id, stream_seq, stream_hash FROM app.plans WHERE id = ANY($1::uuid[])`,
      [planIds],
    );
    const acts = await db.sql<{ id: string; plan_id: string; code: string }>(
      `SELECT id, plan_id, code FROM app.activities WHERE plan_id = ANY($1::uuid[])`,
      [planIds],
    );
    const lines = await db.sql<{ id: string; plan_id: string; activity_id: string; description: string }>(
      `SELECT id, plan_id, activity_id, description FROM app.budget_lines WHERE plan_id = ANY($1::uuid[])`,
      [planIds],
    );
    for (const p of plans) {
      c.checked++;
      const evs = byStream.get(p.id) ?? [];
      evs.forEach((e, i) => {
        if (e.seq !== i + 1) c.failures.push(`${p.id}: seq ${e.seq} at position ${i + 1}`);
      });
      const last = evs[evs.length - 1];
      if (p.stream_seq !== evs.length || p.stream_hash !== (last?.hash ?? null))
        c.failures.push(`${p.id}: head ${p.stream_seq} but ${evs.length} events`);
      const kinds = (k: string, f: string) =>
        new Set(
          evs
            .filter((e) => (e.payload.change as { kind?: string } | undefined)?.kind === k)
            .map((e) => (e.payload.change as { details: Record<string, string> }).details[f]),
        );
      const addedActs = kinds('ACTIVITY_ADDED', 'activityId');
      const addedLines = kinds('BUDGET_LINE_ADDED', 'budgetLineId');
      const rowsA = acts.filter((a) => a.plan_id === p.id);
      const rowsL = lines.filter((l) => l.plan_id === p.id);
      if (!same([...addedActs].sort(), rowsA.map((a) => a.id).sort()))
        c.failures.push(`${p.id}: ${rowsA.length} activity rows vs ${addedActs.size} ACTIVITY_ADDED events`);
      if (!same([...addedLines].sort(), rowsL.map((l) => l.id).sort()))
        c.failures.push(
          `${p.id}: ${rowsL.length} budget line rows vs ${addedLines.size} BUDGET_LINE_ADDED events`,
        );
      if (new Set(rowsA.map((a) => a.code)).size !== rowsA.length)
        c.failures.push(`${p.id}: duplicate activity code`);
      if (new Set(rowsL.map((l) => `${l.activity_id}|${l.description}`)).size !== rowsL.length)
        c.failures.push(`${p.id}: duplicate budget line`);
    }
    checks.push(c);
  }

  // 3. Every plan's hash chain verifies (through the API, as an auditor would).
  {
    const c: Check = { name: 'hash chains verify', checked: 0, failures: [] };
    const verdicts = await pool(planIds, 4, (id) =>
      central.get<{ valid: boolean; brokenAt?: number }>('history-verify', `/api/plans/${id}/history/verify`),
    );
    verdicts.forEach((v, i) => {
      c.checked++;
      if (!v.valid) c.failures.push(`${planIds[i]}: broken at ${v.brokenAt}`);
    });
    checks.push(c);
  }

  // 4. Every timer due before the end fired, exactly once.
  {
    const c: Check = { name: 'due timers fired exactly once', checked: 0, failures: [] };
    const due = await db.sql<{ stream_id: string; key: string; due_at: Date; fired_at: Date | null }>(
      `SELECT stream_id, key, due_at, fired_at FROM app.timers WHERE stream_id = ANY($1::uuid[]) AND due_at <= $2`,
      [planIds, appNow],
    );
    const fired = events.filter((e) => isOneOf(TIMER_EVENT_TYPES, e.type));
    const count = new Map<string, number>();
    for (const e of fired) {
      const k = `${e.stream_id}|${String(e.payload.key)}|${iso(e.payload.dueAt)}`;
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    for (const [k, n] of count) if (n !== 1) c.failures.push(`timer ${k} fired ${n} times`);
    // On the Temporal host a fired timer's row is dropped (deadlines(state) no longer names it;
    // only the embedded poller stamps fired_at), so what was checked is fired ∪ still due.
    const seen = new Set(count.keys());
    for (const t of due) {
      seen.add(`${t.stream_id}|${t.key}|${t.due_at.toISOString()}`);
      if (!t.fired_at)
        c.failures.push(`timer ${t.stream_id}|${t.key} due ${t.due_at.toISOString()} never fired`);
    }
    c.checked = seen.size;
    checks.push(c);
  }

  // 5. Read models equal a rebuild from the events.
  {
    const c: Check = { name: 'read models equal a rebuild from events', checked: 0, failures: [] };
    const plans = await db.sql<{
      id: string;
      status: string;
      machine_state: PlanState;
      submitted_version: number;
      current_round: number;
      flags: unknown;
      decision: unknown;
      approved_total: string | null;
    }>(
      `SELECT id, status, machine_state, submitted_version, current_round, flags, decision, approved_total::text
         FROM app.plans WHERE id = ANY($1::uuid[])`,
      [planIds],
    );
    const reviews = await db.sql<Record<string, unknown>>(
      `SELECT id, plan_id, round, stage, function, agency_id, status, overdue, decided_by_name, comment
         FROM app.reviews WHERE plan_id = ANY($1::uuid[])`,
      [planIds],
    );
    const approved = await db.sql<{ id: string; plan_id: string; approved_amount: string | null }>(
      `SELECT id, plan_id, approved_amount::text FROM app.budget_lines WHERE plan_id = ANY($1::uuid[])`,
      [planIds],
    );
    const versions = await db.sql<{ plan_id: string; n: number }>(
      `SELECT plan_id, count(*)::int AS n FROM app.plan_versions WHERE plan_id = ANY($1::uuid[]) GROUP BY plan_id`,
      [planIds],
    );
    const timers = await db.sql<{ stream_id: string; key: string; due_at: Date }>(
      `SELECT stream_id, key, due_at FROM app.timers WHERE stream_id = ANY($1::uuid[]) AND fired_at IS NULL`,
      [planIds],
    );
    for (const p of plans) {
      c.checked++;
      const evs = byStream.get(p.id) ?? [];
      const state = replay(evs.map((e) => e.payload as unknown as PlanEvent)) as PlanState & {
        approvedAmounts: { budgetLineId: string; approvedAmount: string }[] | null;
      };
      const fail = (what: string) => c.failures.push(`${p.id}: ${what}`);
      if (!same(state, p.machine_state)) fail('machine_state differs from the replayed state');
      if (p.status !== state.status) fail(`status ${p.status} vs rebuilt ${state.status}`);
      if (p.submitted_version !== state.version)
        fail(`submitted_version ${p.submitted_version} vs ${state.version}`);
      if (p.current_round !== state.round) fail(`current_round ${p.current_round} vs ${state.round}`);
      if (!same(p.flags, state.flags ?? {})) fail('flags differ');
      if (!same(p.decision, state.decisionRecord ?? null)) fail('decision record differs');
      const amounts = state.approvedAmounts ?? [];
      const total = amounts.length
        ? amounts.reduce((s, l) => s + BigInt(l.approvedAmount), 0n).toString()
        : null;
      if ((p.approved_total ?? null) !== total) fail(`approved_total ${p.approved_total} vs ${total}`);
      if (state.status === 'APPROVED') {
        const want = new Map(amounts.map((l) => [l.budgetLineId, l.approvedAmount]));
        for (const l of approved.filter((x) => x.plan_id === p.id))
          if ((l.approved_amount ?? null) !== (want.get(l.id) ?? null))
            fail(`line ${l.id} approved amount differs`);
      }
      const rows = reviews.filter((r) => r.plan_id === p.id);
      const rebuilt = state.reviews.map((r) => ({
        id: r.id,
        round: r.round,
        stage: r.stage,
        function: r.function,
        agency_id: r.agencyId,
        status: r.status,
        overdue: Boolean((r as { overdue?: boolean }).overdue),
        decided_by_name: (r as { decidedBy?: { displayName: string } }).decidedBy?.displayName ?? null,
        comment: (r as { comment?: string }).comment ?? null,
      }));
      const strip = (x: Record<string, unknown>) => {
        const rest = { ...x };
        delete rest.plan_id;
        return rest;
      };
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a.id).localeCompare(String(b.id));
      if (!same(rows.map(strip).sort(byId), rebuilt.sort(byId)))
        fail('reviews table differs from the rebuilt reviews');
      const nVersions = evs.filter((e) => e.type === 'PlanSubmitted').length;
      if ((versions.find((v) => v.plan_id === p.id)?.n ?? 0) !== nVersions)
        fail('plan_versions count differs');
      const wantTimers = deadlines(state)
        .map((d) => `${d.key}|${iso(d.dueAt)}`)
        .sort();
      const haveTimers = timers
        .filter((t) => t.stream_id === p.id)
        .map((t) => `${t.key}|${t.due_at.toISOString()}`)
        .sort();
      if (!same(wantTimers, haveTimers))
        fail(`timers ${haveTimers.join(',')} vs rebuilt ${wantTimers.join(',')}`);
    }
    checks.push(c);
  }
  return checks;
}
