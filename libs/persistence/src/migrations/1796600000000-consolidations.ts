import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: the consolidation ("tổng hợp") as a stream of its own. Its events go to app.events
 * (stream_type 'consolidation', stream_id = the consolidation's id), hash-chained like a plan's;
 * its row keeps the state the core folded (the GET body) and the stream head, as a plan's row does.
 * A returned consolidation is superseded and its number reused, so (cycle, number) is unique only
 * among those not RETURNED; at most one of a cycle awaits the leadership (the core's
 * CONSOLIDATION_PENDING, with the index as the last guard).
 */
export class Consolidations1796600000000 implements MigrationInterface {
  name = 'Consolidations1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.consolidations (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES app.cycles(id),
        number int NOT NULL CHECK (number >= 1),
        status text NOT NULL CHECK (status IN ('PENDING_APPROVAL','APPROVED','RETURNED')),
        state jsonb NOT NULL,
        stream_seq int NOT NULL DEFAULT 0,
        stream_hash text,
        created_by uuid NOT NULL REFERENCES app.users(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX consolidations_number ON app.consolidations (cycle_id, number) WHERE status <> 'RETURNED'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX consolidations_one_pending ON app.consolidations (cycle_id) WHERE status = 'PENDING_APPROVAL'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM app.events WHERE stream_type = 'consolidation'`);
    await q.query(`DROP TABLE app.consolidations`);
  }
}
