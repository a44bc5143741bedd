import { EntityManager } from 'typeorm';
import type { EventBatch } from '@vufo/workflows/contract';
import { readStream, StoredEvent } from '../event-store';
import { Projector, writeDecided } from '../stream-writer';

/** Retried by Temporal: the plan row is not visible yet, or an earlier batch is not written yet. */
export class BatchNotReady extends Error {
  override readonly name = 'BatchNotReady';
}

/**
 * Writes a batch the plan workflow decided, exactly once whoever calls first (the API inside the
 * request's transaction, or the worker's activity, possibly retried): under the plan row's lock,
 * a batch at or below the stream head was written already and is only read back.
 */
export async function persistPlanBatch(
  em: EntityManager,
  batch: EventBatch,
  project: Projector,
): Promise<{ written: boolean; stored: StoredEvent[] }> {
  const rows: { stream_seq: number; stream_hash: string | null }[] = await em.query(
    `SELECT stream_seq, stream_hash FROM app.plans WHERE id = $1 FOR UPDATE`,
    [batch.planId],
  );
  const head = rows[0];
  // The API creates the plan row in the transaction that starts the workflow: wait for its commit.
  if (!head) throw new BatchNotReady(`Plan ${batch.planId} is not visible yet.`);
  const last = batch.firstSeq + batch.events.length - 1;
  if (head.stream_seq >= last) {
    const stored = (await readStream(em, batch.planId)).filter(
      (e) => e.seq >= batch.firstSeq && e.seq <= last,
    );
    return { written: false, stored };
  }
  if (head.stream_seq !== batch.firstSeq - 1) {
    throw new BatchNotReady(
      `Plan ${batch.planId} is at event ${head.stream_seq}; batch starts at ${batch.firstSeq}.`,
    );
  }
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
  return { written: true, stored };
}

/** Writes batches oldest first (each at most once); returns the stored rows of the last one. */
export async function persistPlanBatches(
  em: EntityManager,
  batches: EventBatch[],
  project: Projector,
): Promise<StoredEvent[]> {
  let stored: StoredEvent[] = [];
  for (const b of batches) stored = (await persistPlanBatch(em, b, project)).stored;
  return stored;
}
