/** The embedded host's command path: lock a stream, apply commands in this process, write with the shared writer. */
import { EntityManager } from 'typeorm';
import { Actor, apply, DomainError, PlanCommand, PlanState, WorkingDayCalendar } from '@vufo/domain';
import type { DispatchOutcome } from '../approval-engine';
import { DecidedBatch, PlanWrite, Projector, writeDecidedMany } from '../stream-writer';

export interface StreamContext {
  now: Date;
  calendar: WorkingDayCalendar;
  newId: () => string;
}

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
 * before, apply each command in order, then write everything with writeDecidedMany —
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
      const applied = apply(state, command, {
        now: ctx.now.toISOString(),
        calendar: ctx.calendar,
        newId: ctx.newId,
      });
      if (!applied.ok) {
        throw new DomainError(applied.error.code, applied.error.message, applied.error.errors ?? []);
      }
      const { events, note } = applied;
      if (events.length === 0) return { state: applied.state, events, stored: [], replayed: false, note };
      batches.push({
        state: applied.state,
        events,
        actor,
        occurredAt: ctx.now,
        idempotencyKey: idempotencyKey ?? null,
        previous: state,
      });
      state = applied.state;
      const outcome = { state, events, stored: [], replayed: false, note };
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

async function lockHead(em: EntityManager, planId: string): Promise<LockedHead | undefined> {
  const rows: { machine_state: PlanState | null; stream_seq: number; stream_hash: string | null }[] =
    await em.query(`SELECT machine_state, stream_seq, stream_hash FROM app.plans WHERE id = $1 FOR UPDATE`, [
      planId,
    ]);
  const r = rows[0];
  return r && { state: r.machine_state, seq: r.stream_seq, hash: r.stream_hash };
}
