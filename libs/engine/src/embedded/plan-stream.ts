import { EntityManager } from 'typeorm';
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
import { appendEvents, AuditActor, StoredEvent, StreamHead } from '../event-store';
import type { DispatchOutcome } from '../approval-engine';

export interface StreamContext {
  now: Date;
  calendar: WorkingDayCalendar;
  newId: () => string;
}

/** Writes read models from the new state and events, inside the command's transaction. */
export type Projector = (
  em: EntityManager,
  state: PlanState,
  events: PlanEvent[],
  stored: StoredEvent[],
) => Promise<void>;

/**
 * One command on one plan's stream, in the caller's transaction:
 * lock the stream, check the idempotency key, decide, append, project, reschedule timers.
 */
export async function runPlanCommand(
  em: EntityManager,
  planId: string,
  command: PlanCommand,
  actor: Actor,
  ctx: StreamContext,
  project: Projector,
  idempotencyKey?: string,
): Promise<DispatchOutcome> {
  const rows: { machine_state: PlanState | null; stream_seq: number; stream_hash: string | null }[] =
    await em.query(`SELECT machine_state, stream_seq, stream_hash FROM app.plans WHERE id = $1 FOR UPDATE`, [
      planId,
    ]);
  const head = rows[0];
  if (!head) throw new DomainError('NOT_FOUND', `No plan ${planId}.`);
  const state = head.machine_state;

  if (idempotencyKey) {
    const seen: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM app.events WHERE stream_id = $1 AND idempotency_key = $2`,
      [planId, idempotencyKey],
    );
    if (seen[0].n > 0) {
      if (!state) throw new DomainError('NOT_FOUND', `No plan ${planId}.`);
      return { state, events: [], stored: [], replayed: true };
    }
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
    if (!state) throw new DomainError('NOT_FOUND', `No plan ${planId}.`);
    return { state, events, stored: [], replayed: false, note: decision.note };
  }
  let next = state;
  for (const e of events) next = evolve(next, e);
  const stored = await writeDecided(
    em,
    planId,
    { seq: head.stream_seq, hash: head.stream_hash },
    {
      state: next as PlanState,
      events,
      actor,
      occurredAt: ctx.now,
      idempotencyKey: idempotencyKey ?? null,
      previous: state,
    },
    project,
  );
  return { state: next as PlanState, events, stored, replayed: false, note: decision.note };
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

/**
 * Writes a decided batch after the stream head the caller read under the plan row's lock: the
 * audit events, the machine state and head on the plan row, the read models, the timers table.
 * The one writer of both hosts (the Temporal activity calls it through persistPlanBatch).
 */
export async function writeDecided(
  em: EntityManager,
  planId: string,
  head: StreamHead,
  batch: DecidedBatch,
  project: Projector,
): Promise<StoredEvent[]> {
  const { head: newHead, stored } = await appendEvents(
    em,
    { type: 'plan', id: planId, head },
    auditActorOf(batch.actor),
    batch.occurredAt,
    batch.events.map((e) => ({ type: e.type, payload: e as unknown as Record<string, unknown> })),
    batch.idempotencyKey,
  );
  await em.query(
    `UPDATE app.plans SET machine_state = $2, stream_seq = $3, stream_hash = $4, status = $5, updated_at = now() WHERE id = $1`,
    [planId, JSON.stringify(batch.state), newHead.seq, newHead.hash, batch.state.status],
  );
  await project(em, batch.state, batch.events, stored);
  // Most commands (content edits) leave the deadlines as they were, and the table already mirrors
  // them: two statements saved per command (bench/annual-cycle).
  if (!batch.previous || !sameDeadlines(batch.previous, batch.state))
    await scheduleTimers(em, planId, batch.state);
  return stored;
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

/** The timers table mirrors deadlines(state): new ones added, moved ones updated, obsolete ones dropped. */
export async function scheduleTimers(em: EntityManager, planId: string, state: PlanState): Promise<void> {
  const wanted = deadlines(state);
  await em.query(
    `DELETE FROM app.timers WHERE stream_id = $1 AND fired_at IS NULL AND NOT (key = ANY($2::text[]))`,
    [planId, wanted.map((d) => d.key)],
  );
  if (!wanted.length) return;
  await em.query(
    `INSERT INTO app.timers (stream_id, key, timer, due_at, payload)
     SELECT $1, d.key, d.timer, d.due_at, d.payload
       FROM jsonb_to_recordset($2::jsonb) AS d(key text, timer text, due_at timestamptz, payload jsonb)
     ON CONFLICT (stream_id, key) DO UPDATE
        SET due_at = EXCLUDED.due_at, timer = EXCLUDED.timer, payload = EXCLUDED.payload,
            fired_at = CASE WHEN app.timers.due_at = EXCLUDED.due_at THEN app.timers.fired_at END`,
    [
      planId,
      JSON.stringify(wanted.map((d) => ({ key: d.key, timer: d.timer, due_at: d.dueAt, payload: d }))),
    ],
  );
}
