/**
 * A consolidation's stream, as both hosts write it: the port that decides its commands
 * (ConsolidationEngine: in the request's transaction, or in the consolidation's Temporal workflow),
 * and the one writer of its hash-chained events and row, shared by the embedded host, the API's
 * read-your-writes on the Temporal host and the worker's persistence activity.
 */
import { EntityManager } from 'typeorm';
import type { Actor, ConsolidationCommand, ConsolidationEvent, ConsolidationState } from '@vufo/domain';
import type { ConsolidationEventBatch } from '@vufo/workflows/contract';
import {
  chainEvents,
  eventRowsParam,
  insertEventsSql,
  StoredEvent,
  StreamHead,
  withIds,
} from './event-store';
import { auditActorOf } from './stream-writer';
import { Caller, settleBatch, Settled } from './temporal/persist-batch';

/** A command for one consolidation's stream, as both hosts receive it, in the caller's transaction. */
export interface ConsolidationDispatch {
  consolidationId: string;
  command: ConsolidationCommand;
  /** A repeat with the same key has effect once (the caller also checks the stream's keys under its lock). */
  idempotencyKey?: string | null;
}

export interface ConsolidationDispatchOutcome {
  state: ConsolidationState;
  events: ConsolidationEvent[];
  stored: StoredEvent[];
  replayed: boolean;
}

/**
 * The port: where a consolidation's commands are decided. `embedded` decides in the request's
 * transaction; `temporal` in a workflow per consolidation. Either way the decided batch is written
 * in the caller's transaction before dispatch returns.
 */
export abstract class ConsolidationEngine {
  abstract readonly kind: 'embedded' | 'temporal';
  abstract dispatch(request: ConsolidationDispatch): Promise<ConsolidationDispatchOutcome>;
}

/** One decided batch of a consolidation, ready to be written after `head`. */
export interface ConsolidationWrite {
  state: ConsolidationState;
  events: ConsolidationEvent[];
  actor: Actor;
  occurredAt: Date;
  idempotencyKey: string | null;
}

/**
 * Appends the batch's events to the hash-chained table and inserts (head 0) or moves the
 * consolidation's row, in one statement. Returns the stored events.
 */
export async function writeConsolidationBatch(
  em: EntityManager,
  head: StreamHead,
  batch: ConsolidationWrite,
): Promise<StoredEvent[]> {
  const { state } = batch;
  const { rows, heads } = chainEvents([
    {
      type: 'consolidation',
      id: state.id,
      head,
      batches: [
        {
          actor: auditActorOf(batch.actor),
          occurredAt: batch.occurredAt,
          events: batch.events.map((e) => ({
            type: e.type,
            payload: e as unknown as Record<string, unknown>,
          })),
          idempotencyKey: batch.idempotencyKey,
        },
      ],
    },
  ]);
  const flat = rows.flat(2);
  const next = heads[0];
  // Data-modifying CTEs run whether or not the final SELECT reads them.
  const returned: { id: string; stream_id: string; seq: number }[] =
    head.seq === 0
      ? await em.query(
          `WITH ev AS (${insertEventsSql('$1')}),
                row AS (INSERT INTO app.consolidations (id, cycle_id, number, status, state, stream_seq, stream_hash,
                                                        created_by, created_at, updated_at)
                        VALUES ($2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $10))
           SELECT id, stream_id, seq FROM ev`,
          [
            eventRowsParam(flat),
            state.id,
            state.cycleId,
            state.number,
            state.status,
            JSON.stringify(state),
            next.seq,
            next.hash,
            batch.actor.kind === 'user' ? batch.actor.userId : state.createdBy.userId,
            state.updatedAt,
          ],
        )
      : await em.query(
          `WITH ev AS (${insertEventsSql('$1')}),
                row AS (UPDATE app.consolidations SET status = $3, state = $4::jsonb, stream_seq = $5,
                               stream_hash = $6, updated_at = $7
                         WHERE id = $2)
           SELECT id, stream_id, seq FROM ev`,
          [
            eventRowsParam(flat),
            state.id,
            state.status,
            JSON.stringify(state),
            next.seq,
            next.hash,
            state.updatedAt,
          ],
        );
  return withIds(flat, returned);
}

/** The consolidation's row, locked: its state and stream head (undefined when there is none). */
export async function lockConsolidationRow(
  em: EntityManager,
  consolidationId: string,
): Promise<{ state: ConsolidationState; head: StreamHead } | undefined> {
  const [row]: { state: ConsolidationState; stream_seq: number; stream_hash: string | null }[] =
    await em.query(`SELECT state, stream_seq, stream_hash FROM app.consolidations WHERE id = $1 FOR UPDATE`, [
      consolidationId,
    ]);
  return row ? { state: row.state, head: { seq: row.stream_seq, hash: row.stream_hash } } : undefined;
}

const creationLockKey = (consolidationId: string) => `consolidation-created:${consolidationId}`;

/**
 * As lockPlanStream: what a command on the consolidation takes before its workflow decides it, in
 * the caller's transaction — the row's lock, or for one being created the creation lock, held until
 * the transaction ends (how the persistence activity knows the request is over) — and the head.
 */
export async function lockConsolidationStream(
  em: EntityManager,
  consolidationId: string,
  creating: boolean,
): Promise<number> {
  if (creating) {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      creationLockKey(consolidationId),
    ]);
    return 0;
  }
  return (await lockConsolidationRow(em, consolidationId))?.head.seq ?? 0;
}

/**
 * As persistPlanBatch, for a consolidation: settles a batch its workflow decided exactly once,
 * whoever calls first. Every consolidation batch is a command's: the activity never writes one, it
 * finds it written (WRITTEN) or, once the request's transaction has ended without it, ABANDONED.
 */
export function persistConsolidationBatch(
  em: EntityManager,
  batch: ConsolidationEventBatch,
  caller: Caller = 'request',
): Promise<Settled> {
  return settleBatch(em, caller, {
    streamId: batch.consolidationId,
    label: 'Consolidation',
    firstSeq: batch.firstSeq,
    count: batch.events.length,
    origin: 'command',
    creationLockKey: creationLockKey(batch.consolidationId),
    insertedByWrite: true,
    lockHead: async () => (await lockConsolidationRow(em, batch.consolidationId))?.head,
    write: (head) =>
      writeConsolidationBatch(em, head, {
        state: batch.state,
        events: batch.events,
        actor: batch.actor,
        occurredAt: new Date(batch.occurredAt),
        idempotencyKey: batch.idempotencyKey,
      }),
  });
}

/** Writes batches oldest first (each at most once); returns the stored rows of the last one. */
export async function persistConsolidationBatches(
  em: EntityManager,
  batches: ConsolidationEventBatch[],
): Promise<StoredEvent[]> {
  let stored: StoredEvent[] = [];
  for (const [i, b] of batches.entries())
    stored = (await persistConsolidationBatch(em, b, i === batches.length - 1 ? 'request' : 'earlier-batch'))
      .stored;
  return stored;
}
