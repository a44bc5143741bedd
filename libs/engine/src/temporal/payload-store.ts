import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Pool } from 'pg';

/** The encoding of a payload that stands for stored bytes: its data is their SHA-256. */
export const STORED_PAYLOAD_ENCODING = 'binary/vufo-stored';
/**
 * Payloads above this size are stored and sent as a reference. Small ones (most commands and
 * results of a draft) stay inline, where Temporal's UI and `temporal workflow show` read them.
 */
export const INLINE_PAYLOAD_LIMIT = 32 * 1024;

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);
const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * The claim-check pattern as a Temporal payload codec: a large payload (a plan's content, the
 * state that carries it, a budget decision over thousands of lines) is written once to PostgreSQL
 * under the SHA-256 of its bytes (gzipped: a plan's lines repeat their keys thousands of times),
 * and Temporal's history holds only that hash. Content-addressed,
 * so rows are immutable and the same bytes are stored once; the hash is checked on every read,
 * so a row changed behind the workflow's back fails loudly instead of replaying something else.
 *
 * It uses a pool of its own (not the request's transaction): the row must be committed before
 * Temporal records the reference, whatever becomes of the request, and a request holding a
 * connection must never wait for another from the same pool.
 */
export class StoredPayloadCodec implements PayloadCodec {
  /** Recently seen payloads by hash: the worker decodes right after the API encoded, and back. */
  private readonly recent = new Map<string, { payload: Payload; size: number }>();
  private recentBytes = 0;

  constructor(
    private readonly pool: Pick<Pool, 'query'>,
    private readonly opts: { inlineLimit?: number; cacheBytes?: number } = {},
  ) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const limit = this.opts.inlineLimit ?? INLINE_PAYLOAD_LIMIT;
    const big = payloads.filter((p) => (p.data?.length ?? 0) > limit);
    if (!big.length) return payloads;
    const stored = new Map<Payload, string>();
    const rows: { sha: string; bytes: Buffer }[] = [];
    for (const p of big) {
      const bytes = Buffer.from(temporal.api.common.v1.Payload.encode(p).finish());
      const sha = createHash('sha256').update(bytes).digest('hex');
      stored.set(p, sha);
      if (!rows.some((r) => r.sha === sha)) {
        rows.push({ sha, bytes: await gzip(bytes, { level: constants.Z_BEST_SPEED }) });
      }
      this.remember(sha, p, bytes.length);
    }
    await this.pool.query(
      `INSERT INTO app.temporal_payloads (sha256, data)
       SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (sha256) DO NOTHING`,
      [rows.map((r) => r.sha), rows.map((r) => r.bytes)],
    );
    return payloads.map((p) => {
      const sha = stored.get(p);
      if (!sha) return p;
      return {
        metadata: {
          encoding: utf8.encode(STORED_PAYLOAD_ENCODING),
          // For operators reading a history: what the reference stands for.
          'stored-size': utf8.encode(String(p.data?.length ?? 0)),
        },
        data: utf8.encode(sha),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    const refs = payloads.map((p) =>
      p.metadata?.encoding && text.decode(p.metadata.encoding) === STORED_PAYLOAD_ENCODING
        ? text.decode(p.data ?? new Uint8Array())
        : null,
    );
    const missing = [...new Set(refs.filter((r): r is string => r !== null && !this.recent.has(r)))];
    if (missing.length) {
      const rows: { sha256: string; data: Buffer }[] = (
        await this.pool.query(`SELECT sha256, data FROM app.temporal_payloads WHERE sha256 = ANY($1)`, [
          missing,
        ])
      ).rows;
      for (const row of rows) {
        const bytes = await gunzip(row.data);
        const actual = createHash('sha256').update(bytes).digest('hex');
        if (actual !== row.sha256) {
          throw new Error(`Stored Temporal payload ${row.sha256} was altered (its bytes hash to ${actual}).`);
        }
        this.remember(row.sha256, temporal.api.common.v1.Payload.decode(bytes), bytes.length);
      }
    }
    return payloads.map((p, i) => {
      const sha = refs[i];
      if (sha === null) return p;
      const found = this.recent.get(sha);
      if (!found) throw new Error(`Stored Temporal payload ${sha} is missing from app.temporal_payloads.`);
      return found.payload;
    });
  }

  /** A bounded cache, oldest out first (Map keeps insertion order). */
  private remember(sha: string, payload: Payload, size: number): void {
    if (this.recent.has(sha)) return;
    this.recent.set(sha, { payload, size });
    this.recentBytes += size;
    const max = this.opts.cacheBytes ?? 64 * 1024 * 1024;
    for (const [key, entry] of this.recent) {
      if (this.recentBytes <= max) break;
      this.recent.delete(key);
      this.recentBytes -= entry.size;
    }
  }
}

/** A codec with its own small pool on `databaseUrl`; `close` ends the pool. */
export function storedPayloadCodec(databaseUrl: string): {
  codec: StoredPayloadCodec;
  close: () => Promise<void>;
} {
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection dropped by a database restart must not end the process: the next query
  // takes a new one (and fails, loudly, to its caller while the database is away).
  pool.on('error', () => undefined);
  return { codec: new StoredPayloadCodec(pool), close: () => pool.end() };
}
