import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys live on the events they produced (events.idempotency_key, looked up per
 * stream): the table for stored HTTP responses was never written or read.
 */
export class DropIdempotencyKeys1796080000000 implements MigrationInterface {
  name = 'DropIdempotencyKeys1796080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app.idempotency_keys`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.idempotency_keys (
        actor_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status int NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_id, key)
      )`);
  }
}
