import { EntityManager } from 'typeorm';
import type { EventBatch } from '@vufo/workflows/contract';
import { readStream, StoredEvent, StreamHead } from '../event-store';
import { Projector, writeDecided } from '../stream-writer';

/** Retried by Temporal: the plan row is not visible yet, or an earlier batch is not written yet. */
export class BatchNotReady extends Error {
  override readonly name = 'BatchNotReady';
}

/**
 * Takes what a command on the plan needs before the workflow decides it, in the caller's
 * transaction: the plan row's lock (or, for a plan being created, the creation lock) — held until
 * the transaction ends, which is how the persistence activity knows when a request is over — and
 * the stream head the request decides on.
 */
export async function lockPlanStream(em: EntityManager, planId: string, creating: boolean): Promise<number> {
  if (creating) {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [creationLockKey(planId)]);
    return 0;
  }
  const rows: { stream_seq: number }[] = await em.query(
    `SELECT stream_seq FROM app.plans WHERE id = $1 FOR UPDATE`,
    [planId],
  );
  return rows[0]?.stream_seq ?? 0;
}

const creationLockKey = (planId: string) => `plan-created:${planId}`;

/**
 * Settles a batch the plan workflow decided, exactly once whoever calls first (the API inside the
 * request's transaction, or the worker's activity, possibly retried). Under the plan row's lock:
 * a batch at or below the stream head was written already and is only read back. A `command`
 * batch the activity finds unwritten belongs to a request whose transaction has ended without it
 * (the request held that lock, or the creation lock, from before the workflow decided until it
 * committed): ABANDONED, written by nobody. `written: true` only when this call wrote it.
 * `stored` (the rows, for the request's answer) only for `request`; an `earlier-batch` is one the
 * request's answer lists before its own, already written under the head it decided on.
 */
export async function persistPlanBatch(
  em: EntityManager,
  batch: EventBatch,
  project: Projector,
  caller: Caller = 'request',
): Promise<Settled> {
  return settleBatch(em, caller, {
    streamId: batch.planId,
    label: 'Plan',
    firstSeq: batch.firstSeq,
    count: batch.events.length,
    origin: batch.origin,
    creationLockKey: creationLockKey(batch.planId),
    // The plan row is inserted by the request that creates it, before its batch is written.
    insertedByWrite: false,
    lockHead: async () => {
      const [row] = (await em.query(
        `SELECT stream_seq, stream_hash FROM app.plans WHERE id = $1 FOR UPDATE`,
        [batch.planId],
      )) as { stream_seq: number; stream_hash: string | null }[];
      return row && { seq: row.stream_seq, hash: row.stream_hash };
    },
    write: (head) =>
      writeDecided(
        em,
        batch.planId,
        head,
        {
          state: batch.state,
          events: batch.events,
          actor: batch.actor,
          occurredAt: new Date(batch.occurredAt),
          idempotencyKey: batch.idempotencyKey,
        },
        project,
      ),
  });
}

/** Who settles a batch: the request that sent its command, the worker's activity, or a request writing an older batch first. */
export type Caller = 'request' | 'activity' | 'earlier-batch';
export interface Settled {
  written: boolean;
  abandoned: boolean;
  stored: StoredEvent[];
}

/** One decided batch of a stream (a plan's, a consolidation's), as {@link settleBatch} sees it. */
export interface StreamBatch {
  streamId: string;
  /** For messages: "Plan", "Consolidation". */
  label: string;
  firstSeq: number;
  count: number;
  /** `command` batches belong to a request, which writes them or dies; the activity writes `timer` ones (and batches without an origin). */
  origin?: 'command' | 'timer';
  /** The advisory lock the creating request holds until it ends. */
  creationLockKey: string;
  /** True when the stream's row is inserted by the batch's write (a consolidation), not before it (a plan). */
  insertedByWrite: boolean;
  /** The stream row's head, under the row's lock; undefined while there is no (visible) row. */
  lockHead: () => Promise<StreamHead | undefined>;
  /** Writes the batch after `head` (events, row, read models). */
  write: (head: StreamHead) => Promise<StoredEvent[]>;
}

/**
 * The settlement protocol of every Temporal-hosted stream (see persistPlanBatch): a batch at or
 * below the head is already written (rows read back for a request only); one right after the head
 * is written by a request, or by the activity if it is a `timer` batch, and is ABANDONED when the
 * activity finds a `command` batch unwritten once its request is over; a gap waits (BatchNotReady).
 */
export async function settleBatch(em: EntityManager, caller: Caller, b: StreamBatch): Promise<Settled> {
  const command = b.origin === 'command';
  let head = await b.lockHead();
  if (!head && caller === 'activity' && command && b.firstSeq === 1) {
    // The stream's row is inserted by the request that creates it: wait for that request to end.
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [b.creationLockKey]);
    head = await b.lockHead();
    if (!head) return { written: false, abandoned: true, stored: [] };
  }
  if (!head && b.insertedByWrite && b.firstSeq === 1) head = { seq: 0, hash: null };
  if (!head) throw new BatchNotReady(`${b.label} ${b.streamId} is not visible yet.`);
  const last = b.firstSeq + b.count - 1;
  if (head.seq >= last) {
    // Only a request needs the rows back (its answer); the activity's check stays one row's cost
    // however long the stream's history (it read the whole stream before: commands slowed as plans grew).
    const stored =
      caller === 'request' ? await readStream(em, b.streamId, { from: b.firstSeq, to: last }) : [];
    return { written: false, abandoned: false, stored };
  }
  if (head.seq !== b.firstSeq - 1) {
    throw new BatchNotReady(
      `${b.label} ${b.streamId} is at event ${head.seq}; batch starts at ${b.firstSeq}.`,
    );
  }
  if (caller === 'activity' && command) return { written: false, abandoned: true, stored: [] };
  return { written: true, abandoned: false, stored: await b.write(head) };
}

/** Writes batches oldest first (each at most once); returns the stored rows of the last one. */
export async function persistPlanBatches(
  em: EntityManager,
  batches: EventBatch[],
  project: Projector,
): Promise<StoredEvent[]> {
  let stored: StoredEvent[] = [];
  // The request answers with its own batch (the last); earlier ones are only made sure of.
  for (const [i, b] of batches.entries())
    stored = (await persistPlanBatch(em, b, project, i === batches.length - 1 ? 'request' : 'earlier-batch'))
      .stored;
  return stored;
}
