import { EntityManager } from 'typeorm';
import { ChainRow, eventHash, verifyChain } from './hash-chain';

export interface AuditActor {
  actorId: string | null;
  actorName: string | null;
  actingForId?: string | null;
  actingForName?: string | null;
  organizationId: string | null;
}

export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface StoredEvent extends ChainRow {
  id: string;
  actorName: string | null;
  actingForName: string | null;
  idempotencyKey: string | null;
}

export interface StreamHead {
  seq: number;
  hash: string | null;
}

/**
 * The one way events are appended. The caller holds the stream's lock (the plan row, FOR UPDATE)
 * and passes the head it read under that lock; the unique (stream_id, seq) index is the last guard.
 * Returns the new head. Used by the embedded host and by the Temporal host's activity alike.
 */
export async function appendEvents(
  em: EntityManager,
  stream: { type: string; id: string; head: StreamHead },
  actor: AuditActor,
  occurredAt: Date,
  events: NewEvent[],
  idempotencyKey: string | null = null,
): Promise<{ head: StreamHead; stored: StoredEvent[] }> {
  let { seq, hash: prev } = stream.head;
  const stored: StoredEvent[] = [];
  const at = occurredAt.toISOString();
  for (const e of events) {
    seq += 1;
    const fields = {
      streamType: stream.type,
      streamId: stream.id,
      seq,
      type: e.type,
      actorId: actor.actorId,
      actingForId: actor.actingForId ?? null,
      organizationId: actor.organizationId,
      occurredAt: at,
      payload: e.payload,
      prevHash: prev,
    };
    const hash = eventHash(fields);
    const rows: { id: string }[] = await em.query(
      `INSERT INTO app.events (stream_type, stream_id, seq, type, actor_id, actor_name, acting_for_id, acting_for_name,
                               organization_id, occurred_at, payload, idempotency_key, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
      [
        stream.type,
        stream.id,
        seq,
        e.type,
        actor.actorId,
        actor.actorName,
        actor.actingForId ?? null,
        actor.actingForName ?? null,
        actor.organizationId,
        at,
        JSON.stringify(e.payload),
        idempotencyKey,
        prev,
        hash,
      ],
    );
    stored.push({
      ...fields,
      id: String(rows[0].id),
      hash,
      actorName: actor.actorName,
      actingForName: actor.actingForName ?? null,
      idempotencyKey,
    });
    prev = hash;
  }
  return { head: { seq, hash: prev }, stored };
}

export async function readStream(em: EntityManager, streamId: string): Promise<StoredEvent[]> {
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT id, stream_type, stream_id, seq, type, actor_id, actor_name, acting_for_id, acting_for_name,
            organization_id, occurred_at, payload, idempotency_key, prev_hash, hash
       FROM app.events WHERE stream_id = $1 ORDER BY seq`,
    [streamId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    streamType: r.stream_type as string,
    streamId: r.stream_id as string,
    seq: r.seq as number,
    type: r.type as string,
    actorId: (r.actor_id as string) ?? null,
    actorName: (r.actor_name as string) ?? null,
    actingForId: (r.acting_for_id as string) ?? null,
    actingForName: (r.acting_for_name as string) ?? null,
    organizationId: (r.organization_id as string) ?? null,
    occurredAt: (r.occurred_at as Date).toISOString(),
    payload: r.payload,
    idempotencyKey: (r.idempotency_key as string) ?? null,
    prevHash: (r.prev_hash as string) ?? null,
    hash: r.hash as string,
  }));
}

export async function verifyStream(em: EntityManager, streamId: string) {
  return verifyChain(await readStream(em, streamId));
}
