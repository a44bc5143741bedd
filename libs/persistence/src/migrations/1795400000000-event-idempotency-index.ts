import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A keyed command looks its key up in its stream before it runs, and the timer poller looks up a
 * few hundred at once: without this index each lookup read every event of the stream (a plan has
 * ~500). Partial: content edits, most of the events, carry no key and cost the index nothing.
 */
export class EventIdempotencyIndex1795400000000 implements MigrationInterface {
  name = 'EventIdempotencyIndex1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX events_idempotency ON app.events (stream_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app.events_idempotency`);
  }
}
