import { EntityManager } from 'typeorm';
import type { EventBatch } from '@vufo/workflows/contract';
import { readStream, StoredEvent } from '../event-store';
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
  caller: 'request' | 'activity' | 'earlier-batch' = 'request',
): Promise<{ written: boolean; abandoned: boolean; stored: StoredEvent[] }> {
  const lockRow = async () =>
    (
      (await em.query(`SELECT stream_seq, stream_hash FROM app.plans WHERE id = $1 FOR UPDATE`, [
        batch.planId,
      ])) as { stream_seq: number; stream_hash: string | null }[]
    )[0];
  let head = await lockRow();
  if (!head && caller === 'activity' && batch.origin === 'command' && batch.firstSeq === 1) {
    // The plan row is inserted by the request that creates it: wait for that request to end.
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [creationLockKey(batch.planId)]);
    head = await lockRow();
    if (!head) return { written: false, abandoned: true, stored: [] };
  }
  if (!head) throw new BatchNotReady(`Plan ${batch.planId} is not visible yet.`);
  const last = batch.firstSeq + batch.events.length - 1;
  if (head.stream_seq >= last) {
    // Only a request needs the rows back (its answer); the activity's check stays one row's cost
    // however long the plan's history (it read the whole stream before: commands slowed as plans grew).
    const stored =
      caller === 'request' ? await readStream(em, batch.planId, { from: batch.firstSeq, to: last }) : [];
    return { written: false, abandoned: false, stored };
  }
  if (head.stream_seq !== batch.firstSeq - 1) {
    throw new BatchNotReady(
      `Plan ${batch.planId} is at event ${head.stream_seq}; batch starts at ${batch.firstSeq}.`,
    );
  }
  if (caller === 'activity' && batch.origin === 'command')
    return { written: false, abandoned: true, stored: [] };
  const stored = await writeDecided(
    em,
    batch.planId,
    { seq: head.stream_seq, hash: head.stream_hash },
    {
      state: batch.state,
      events: batch.events,
      actor: batch.actor,
      occurredAt: new Date(batch.occurredAt),
      idempotencyKey: batch.idempotencyKey,
    },
    project,
  );
  return { written: true, abandoned: false, stored };
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
