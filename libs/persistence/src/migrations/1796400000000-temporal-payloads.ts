import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Large Temporal payloads (a plan's content, the state that holds it, a budget decision over
 * thousands of lines) are kept here once, under the SHA-256 of their bytes, and travel through
 * Temporal as that reference: a history stays small, and no payload reaches Temporal's 2 MB limit.
 * Rows are immutable; the same bytes map to the same row.
 */
export class TemporalPayloads1796400000000 implements MigrationInterface {
  name = 'TemporalPayloads1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.temporal_payloads (
        sha256 text PRIMARY KEY,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app.temporal_payloads`);
  }
}
