import { EntityManager } from 'typeorm';
import { prepared } from '@vufo/persistence';
import {
  Actor,
  decide,
  deadlines,
  DomainError,
  evolve,
  PlanCommand,
  PlanEvent,
  PlanState,
  WorkingDayCalendar,
} from '@vufo/domain';
import {
  AuditActor,
  chainEvents,
  eventRowsParam,
  insertEventsSql,
  StoredEvent,
  StreamHead,
  withIds,
} from '../event-store';
import type { DispatchOutcome } from '../approval-engine';

export interface StreamContext {
  now: Date;
  calendar: WorkingDayCalendar;
  newId: () => string;
}

/** What one written batch changed on one plan, for the read models. */
export interface Projected {
  planId: string;
  /** The plan's state after this batch. */
  state: PlanState;
  events: PlanEvent[];
  stored: StoredEvent[];
}

/**
 * Writes read models from the new states and events, inside the writer's transaction. Batches of
 * the same plan come oldest first; a set of batches is projected in a few statements, not a few
 * per batch (the timer poller writes hundreds at once).
 */
export type Projector = (em: EntityManager, written: Projected[]) => Promise<void>;

/** A stream head read, under the plan row's lock, by a caller that goes on in the same transaction. */
export interface LockedHead {
  state: PlanState | null;
  seq: number;
  hash: string | null;
}

/**
 * One command on one plan's stream, in the caller's transaction:
 * lock the stream (unless the caller did), then runPlanCommands.
 */
export async function runPlanCommand(
  em: EntityManager,
  planId: string,
  command: PlanCommand,
  actor: Actor,
  ctx: StreamContext,
  project: Projector,
  idempotencyKey?: string,
  locked?: LockedHead,
): Promise<DispatchOutcome> {
  const head = locked ?? (await lockHead(em, planId));
  if (!head) throw new DomainError('NOT_FOUND', `No plan ${planId}.`);
  const [[outcome]] = await runPlanCommands(
    em,
    [{ planId, head, commands: [{ command, actor, idempotencyKey }] }],
    ctx,
    project,
  );
  return outcome;
}

/** Commands for one plan, in order, after the head the caller read under the plan row's lock. */
export interface StreamCommands {
  planId: string;
  head: LockedHead;
  commands: { command: PlanCommand; actor: Actor; idempotencyKey?: string }[];
}

/**
 * Commands on any number of locked streams, in the caller's transaction: skip the keys seen
 * before, decide and evolve each command in order, then write everything with writeDecidedMany —
 * a fixed handful of statements however many commands (the timer poller fires hundreds of
 * deadlines this way). A refused command throws, and the caller's transaction rolls back all.
 * Returns each command's outcome in the shape of `streams`.
 */
export async function runPlanCommands(
  em: EntityManager,
  streams: StreamCommands[],
  ctx: StreamContext,
  project: Projector,
): Promise<DispatchOutcome[][]> {
  const seen = await seenKeys(em, streams);
  const writes: PlanWrite[] = [];
  const written: { outcome: DispatchOutcome; write: number; batch: number }[] = [];
  const outcomes = streams.map((stream) => {
    let state = stream.head.state;
    const batches: DecidedBatch[] = [];
    const outs = stream.commands.map(({ command, actor, idempotencyKey }): DispatchOutcome => {
      if (idempotencyKey && seen.has(`${stream.planId} ${idempotencyKey}`)) {
        if (!state) throw new DomainError('NOT_FOUND', `No plan ${stream.planId}.`);
        return { state, events: [], stored: [], replayed: true };
      }
      const decision = decide(state, command, {
        now: ctx.now.toISOString(),
        calendar: ctx.calendar,
        newId: ctx.newId,
      });
      if (!decision.ok) {
        throw new DomainError(decision.error.code, decision.error.message, decision.error.errors ?? []);
      }
      const events = decision.events;
      if (events.length === 0) {
        if (!state) throw new DomainError('NOT_FOUND', `No plan ${stream.planId}.`);
        return { state, events, stored: [], replayed: false, note: decision.note };
      }
      let next = state;
      for (const e of events) next = evolve(next, e);
      batches.push({
        state: next as PlanState,
        events,
        actor,
        occurredAt: ctx.now,
        idempotencyKey: idempotencyKey ?? null,
        previous: state,
      });
      state = next;
      const outcome = { state: next as PlanState, events, stored: [], replayed: false, note: decision.note };
      written.push({ outcome, write: writes.length, batch: batches.length - 1 });
      return outcome;
    });
    if (batches.length)
      writes.push({ planId: stream.planId, head: { seq: stream.head.seq, hash: stream.head.hash }, batches });
    return outs;
  });
  if (writes.length) {
    const stored = await writeDecidedMany(em, writes, project);
    for (const w of written) w.outcome.stored = stored[w.write][w.batch];
  }
  return outcomes;
}

/** "planId key" of the commands whose idempotency key is in their stream already: one query. */
async function seenKeys(em: EntityManager, streams: StreamCommands[]): Promise<Set<string>> {
  const keyed = streams.flatMap((s) =>
    s.commands.filter((c) => c.idempotencyKey).map((c) => ({ planId: s.planId, key: c.idempotencyKey! })),
  );
  if (!keyed.length) return new Set();
  const rows: { stream_id: string; idempotency_key: string }[] = await em.query(
    `SELECT DISTINCT e.stream_id, e.idempotency_key FROM app.events e
       JOIN jsonb_to_recordset($1::jsonb) AS k(plan_id uuid, key text)
         ON e.stream_id = k.plan_id AND e.idempotency_key = k.key`,
    [JSON.stringify(keyed.map((k) => ({ plan_id: k.planId, key: k.key })))],
  );
  return new Set(rows.map((r) => `${r.stream_id} ${r.idempotency_key}`));
}

/** What one accepted command decided, ready to be written. */
export interface DecidedBatch {
  state: PlanState;
  events: PlanEvent[];
  actor: Actor;
  occurredAt: Date;
  idempotencyKey: string | null;
  /** The state before the batch, when known: lets the writer skip an unchanged timers table. */
  previous?: PlanState | null;
}

async function lockHead(em: EntityManager, planId: string): Promise<LockedHead | undefined> {
  const rows: { machine_state: PlanState | null; stream_seq: number; stream_hash: string | null }[] =
    await em.query(`SELECT machine_state, stream_seq, stream_hash FROM app.plans WHERE id = $1 FOR UPDATE`, [
      planId,
    ]);
  const r = rows[0];
  return r && { state: r.machine_state, seq: r.stream_seq, hash: r.stream_hash };
}

/** One plan's decided batches, oldest first, after the head the caller read under the row's lock. */
export interface PlanWrite {
  planId: string;
  head: StreamHead;
  batches: DecidedBatch[];
}

/** writeDecidedMany for one batch of one plan. */
export async function writeDecided(
  em: EntityManager,
  planId: string,
  head: StreamHead,
  batch: DecidedBatch,
  project: Projector,
): Promise<StoredEvent[]> {
  return (await writeDecidedMany(em, [{ planId, head, batches: [batch] }], project))[0][0];
}

/**
 * The one writer of both hosts (the Temporal activity calls it through persistPlanBatch): writes
 * decided batches of any number of plans — the audit events, the machine state and stream head on
 * each plan row (one statement for both), the read models, the timers tables. Returns the stored
 * events batch by batch, in the shape of `writes`.
 */
export async function writeDecidedMany(
  em: EntityManager,
  writes: PlanWrite[],
  project: Projector,
): Promise<StoredEvent[][][]> {
  const { rows, heads } = chainEvents(
    writes.map((w) => ({
      type: 'plan',
      id: w.planId,
      head: w.head,
      batches: w.batches.map((b) => ({
        actor: auditActorOf(b.actor),
        occurredAt: b.occurredAt,
        events: b.events.map((e) => ({ type: e.type, payload: e as unknown as Record<string, unknown> })),
        idempotencyKey: b.idempotencyKey,
      })),
    })),
  );
  const flat = rows.flat(2);
  const plans = writes.map((w, i) => {
    const last = w.batches[w.batches.length - 1].state;
    return { id: w.planId, state: last, seq: heads[i].seq, hash: heads[i].hash, status: last.status };
  });
  const returned = await prepared<{ id: string; stream_id: string; seq: number }>(
    em,
    `WITH ev AS (${insertEventsSql('$1')}),
          head AS (UPDATE app.plans p SET machine_state = h.state, stream_seq = h.seq, stream_hash = h.hash,
                          status = h.status, updated_at = now()
                     FROM jsonb_to_recordset($2::jsonb) AS h(id uuid, state jsonb, seq int, hash text, status text)
                    WHERE p.id = h.id)
     SELECT id, stream_id, seq FROM ev`,
    [eventRowsParam(flat), JSON.stringify(plans)],
  );
  const stored = withIds(flat, returned);
  let next = 0;
  const out = rows.map((plan) => plan.map((batch) => stored.slice(next, (next += batch.length))));
  await project(
    em,
    writes.flatMap((w, i) =>
      w.batches.map((b, j) => ({ planId: w.planId, state: b.state, events: b.events, stored: out[i][j] })),
    ),
  );
  // Most commands (content edits) leave the deadlines as they were, and the table already mirrors
  // them: a statement saved per command (bench/annual-cycle).
  await scheduleTimers(
    em,
    writes
      .filter((w) => {
        const before = w.batches[0].previous;
        return !before || !sameDeadlines(before, w.batches[w.batches.length - 1].state);
      })
      .map((w) => ({ planId: w.planId, state: w.batches[w.batches.length - 1].state })),
  );
  return out;
}

export function auditActorOf(actor: Actor): AuditActor {
  return actor.kind === 'user'
    ? {
        actorId: actor.userId,
        actorName: actor.displayName,
        actingForId: actor.actingFor?.userId ?? null,
        actingForName: actor.actingFor?.displayName ?? null,
        organizationId: actor.organizationId,
      }
    : { actorId: null, actorName: 'system', organizationId: null };
}

function sameDeadlines(a: PlanState, b: PlanState): boolean {
  const key = (s: PlanState) =>
    deadlines(s)
      .map((d) => `${d.key}|${d.timer}|${d.dueAt}`)
      .join(';');
  return key(a) === key(b);
}

/**
 * The timers table mirrors deadlines(state) of each plan: new ones added, moved ones updated,
 * obsolete ones dropped; one statement for any number of plans.
 */
export async function scheduleTimers(
  em: EntityManager,
  plans: { planId: string; state: PlanState }[],
): Promise<void> {
  if (!plans.length) return;
  const wanted = plans.map((p) => ({ planId: p.planId, deadlines: deadlines(p.state) }));
  await em.query(
    `WITH obsolete AS (
       DELETE FROM app.timers t USING jsonb_to_recordset($1::jsonb) AS w(stream_id uuid, keys text[])
        WHERE t.stream_id = w.stream_id AND t.fired_at IS NULL AND NOT (t.key = ANY(w.keys)))
     INSERT INTO app.timers (stream_id, key, timer, due_at, payload)
     SELECT d.stream_id, d.key, d.timer, d.due_at, d.payload
       FROM jsonb_to_recordset($2::jsonb) AS d(stream_id uuid, key text, timer text, due_at timestamptz, payload jsonb)
     ON CONFLICT (stream_id, key) DO UPDATE
        SET due_at = EXCLUDED.due_at, timer = EXCLUDED.timer, payload = EXCLUDED.payload,
            fired_at = CASE WHEN app.timers.due_at = EXCLUDED.due_at THEN app.timers.fired_at END`,
    [
      JSON.stringify(wanted.map((w) => ({ stream_id: w.planId, keys: w.deadlines.map((d) => d.key) }))),
      JSON.stringify(
        wanted.flatMap((w) =>
          w.deadlines.map((d) => ({
            stream_id: w.planId,
            key: d.key,
            timer: d.timer,
            due_at: d.dueAt,
            payload: d,
          })),
        ),
      ),
    ],
  );
}
