import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cycle's own calendar (reminders before the submission deadline, the deadline) for unions
 * that have not started a plan: the embedded host's timer poller reaches each row once
 * (`reached_at`, set in the transaction that writes the notices). Existing cycles get theirs from
 * their terms when the API next schedules them; none are back-filled here (their past
 * checkpoints would all fire at once).
 */
export class CycleCheckpoints1796500000000 implements MigrationInterface {
  name = 'CycleCheckpoints1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.cycle_checkpoints (
        cycle_id uuid NOT NULL REFERENCES app.cycles(id),
        key text NOT NULL,
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        reached_at timestamptz,
        PRIMARY KEY (cycle_id, key)
      )`);
    await q.query(`CREATE INDEX ON app.cycle_checkpoints (due_at) WHERE reached_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app.cycle_checkpoints`);
  }
}
