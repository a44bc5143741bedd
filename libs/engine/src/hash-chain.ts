import { createHash } from 'node:crypto';

/**
 * Canonical JSON: keys sorted at every depth, no whitespace, so the same event always hashes the
 * same, whichever process (API, Temporal activity, verifier) wrote or reads it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What the hash covers: every column an inspector relies on, and the previous hash. */
export interface ChainedFields {
  streamType: string;
  streamId: string;
  seq: number;
  type: string;
  actorId: string | null;
  actingForId: string | null;
  organizationId: string | null;
  occurredAt: string;
  payload: unknown;
  prevHash: string | null;
}

/** Exactly the hashed fields of a row, whatever else the row carries (id, display names). */
export function chainedFields(row: ChainedFields): ChainedFields {
  return {
    streamType: row.streamType,
    streamId: row.streamId,
    seq: row.seq,
    type: row.type,
    actorId: row.actorId,
    actingForId: row.actingForId,
    organizationId: row.organizationId,
    occurredAt: row.occurredAt,
    payload: row.payload,
    prevHash: row.prevHash,
  };
}

export function eventHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export interface ChainRow extends ChainedFields {
  hash: string;
}

export type ChainVerdict =
  | { valid: true; events: number }
  | {
      valid: false;
      events: number;
      brokenAt: { seq: number; reason: 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'SEQUENCE_GAP' };
    };

/** Walks a stream oldest first; names the first event whose row was edited, removed or reordered. */
export function verifyChain(rows: ChainRow[]): ChainVerdict {
  let prev: string | null = null;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq)
      return { valid: false, events: rows.length, brokenAt: { seq: expectedSeq, reason: 'SEQUENCE_GAP' } };
    if (row.prevHash !== prev)
      return {
        valid: false,
        events: rows.length,
        brokenAt: { seq: row.seq, reason: 'PREVIOUS_HASH_MISMATCH' },
      };
    if (eventHash(chainedFields(row)) !== row.hash)
      return { valid: false, events: rows.length, brokenAt: { seq: row.seq, reason: 'HASH_MISMATCH' } };
    prev = row.hash;
    expectedSeq++;
  }
  return { valid: true, events: rows.length };
}
