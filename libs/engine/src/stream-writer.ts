/**
 * The writer both hosts share: appends decided batches to the hash-chained event table, moves each
 * plan's machine state and stream head, projects the read models and mirrors the timers table.
 * The embedded host calls it after deciding in the request's transaction; the Temporal host calls
 * it (persistPlanBatch) with what the workflow decided.
 */
import { EntityManager } from 'typeorm';
import { prepared } from '@vufo/persistence';
import { Actor, deadlines, PlanEvent, PlanState } from '@vufo/domain';
import {
  AuditActor,
  chainEvents,
  eventRowsParam,
  insertEventsSql,
  StoredEvent,
  StreamHead,
  withIds,
} from './event-store';

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
    const last = w.batches[w.batches.length - 1];
    // The time the host decided at (its Clock, or the workflow's), not the database's now().
    return {
      id: w.planId,
      state: last.state,
      seq: heads[i].seq,
      hash: heads[i].hash,
      status: last.state.status,
      updated_at: last.occurredAt.toISOString(),
    };
  });
  const returned = await prepared<{ id: string; stream_id: string; seq: number }>(
    em,
    `WITH ev AS (${insertEventsSql('$1')}),
          head AS (UPDATE app.plans p SET machine_state = h.state, stream_seq = h.seq, stream_hash = h.hash,
                          status = h.status, updated_at = h.updated_at
                     FROM jsonb_to_recordset($2::jsonb) AS h(id uuid, state jsonb, seq int, hash text, status text,
                                                             updated_at timestamptz)
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
