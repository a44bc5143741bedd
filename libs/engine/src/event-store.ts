import { EntityManager } from 'typeorm';
import { ChainRow, eventHash } from './hash-chain';

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

/** Events for one stream, written after the head read under the stream's lock. */
export interface StreamAppend {
  type: string;
  id: string;
  head: StreamHead;
  batches: {
    actor: AuditActor;
    occurredAt: Date;
    events: NewEvent[];
    idempotencyKey: string | null;
  }[];
}

/** An event chained and hashed, not yet written (no id). */
export type ChainedEvent = Omit<StoredEvent, 'id'>;

/**
 * Pure: numbers and hash-chains each stream's batches after its head, oldest first. Returns the
 * rows batch by batch (same shape as `appends[].batches`) and each stream's new head.
 */
export function chainEvents(appends: StreamAppend[]): { rows: ChainedEvent[][][]; heads: StreamHead[] } {
  const heads: StreamHead[] = [];
  const rows = appends.map((stream) => {
    let { seq, hash: prev } = stream.head;
    const out = stream.batches.map(({ actor, occurredAt, events, idempotencyKey }) => {
      const at = occurredAt.toISOString();
      return events.map((e): ChainedEvent => {
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
        prev = hash;
        return {
          ...fields,
          hash,
          actorName: actor.actorName,
          actingForName: actor.actingForName ?? null,
          idempotencyKey,
        };
      });
    });
    heads.push({ seq, hash: prev });
    return out;
  });
  return { rows, heads };
}

/**
 * The one way events are appended: an INSERT of any number of chained rows (of any streams) as one
 * statement, for use as a CTE named by the caller, so the stream heads move in the same statement
 * (one round trip per command, or per batch of timers, instead of one per event). `param` is the
 * placeholder of `eventRowsParam(rows)`. The caller holds each stream's lock (its plan row, FOR
 * UPDATE); the unique (stream_id, seq) index is the last guard.
 */
export function insertEventsSql(param: string): string {
  return `INSERT INTO app.events (stream_type, stream_id, seq, type, actor_id, actor_name, acting_for_id, acting_for_name,
                                  organization_id, occurred_at, payload, idempotency_key, prev_hash, hash)
          SELECT e.stream_type, e.stream_id, e.seq, e.type, e.actor_id, e.actor_name, e.acting_for_id, e.acting_for_name,
                 e.organization_id, e.occurred_at, e.payload, e.idempotency_key, e.prev_hash, e.hash
            FROM ROWS FROM (jsonb_to_recordset(${param}::jsonb) AS (stream_type text, stream_id uuid, seq int, type text,
                 actor_id uuid, actor_name text, acting_for_id uuid, acting_for_name text, organization_id uuid,
                 occurred_at timestamptz, payload jsonb, idempotency_key text, prev_hash text, hash text))
                 WITH ORDINALITY AS e(stream_type, stream_id, seq, type, actor_id, actor_name, acting_for_id,
                 acting_for_name, organization_id, occurred_at, payload, idempotency_key, prev_hash, hash, n)
           ORDER BY n
          RETURNING id, stream_id, seq`;
}

export function eventRowsParam(rows: ChainedEvent[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      stream_type: r.streamType,
      stream_id: r.streamId,
      seq: r.seq,
      type: r.type,
      actor_id: r.actorId,
      actor_name: r.actorName,
      acting_for_id: r.actingForId,
      acting_for_name: r.actingForName,
      organization_id: r.organizationId,
      occurred_at: r.occurredAt,
      payload: r.payload,
      idempotency_key: r.idempotencyKey,
      prev_hash: r.prevHash,
      hash: r.hash,
    })),
  );
}

/** The written rows with the ids the INSERT returned. */
export function withIds(
  rows: ChainedEvent[],
  returned: { id: string | number; stream_id: string; seq: number }[],
): StoredEvent[] {
  const ids = new Map(returned.map((r) => [`${r.stream_id}:${r.seq}`, String(r.id)]));
  return rows.map((r) => ({ ...r, id: ids.get(`${r.streamId}:${r.seq}`)! }));
}

export async function readStream(
  em: EntityManager,
  streamId: string,
  seqs?: { from: number; to: number },
): Promise<StoredEvent[]> {
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT id, stream_type, stream_id, seq, type, actor_id, actor_name, acting_for_id, acting_for_name,
            organization_id, occurred_at, payload, idempotency_key, prev_hash, hash
       FROM app.events WHERE stream_id = $1 ${seqs ? 'AND seq BETWEEN $2 AND $3' : ''} ORDER BY seq`,
    seqs ? [streamId, seqs.from, seqs.to] : [streamId],
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
