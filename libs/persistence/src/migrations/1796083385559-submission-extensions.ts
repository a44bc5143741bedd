import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A leader's extension of a union's submission deadline in a cycle, kept apart from any plan: a
 * union that has not started its plan yet gets the extension too, and the plan it creates later
 * takes the new deadline as its terms. Each grant is a row (who, when, why): the audit of the
 * decision even when no plan stream exists to record it; the latest grant is in force.
 */
export class SubmissionExtensions1796083385559 implements MigrationInterface {
  name = 'SubmissionExtensions1796083385559';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.submission_extensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES app.cycles(id),
        organization_id uuid NOT NULL REFERENCES app.organizations(id),
        new_deadline timestamptz NOT NULL,
        reason text NOT NULL,
        granted_by uuid NOT NULL REFERENCES app.users(id),
        granted_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE INDEX submission_extensions_union_idx
        ON app.submission_extensions (cycle_id, organization_id, granted_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app.submission_extensions`);
  }
}
