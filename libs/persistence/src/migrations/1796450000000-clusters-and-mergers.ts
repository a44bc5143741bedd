import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: a cycle's emulation clusters and province mergers.
 * - `cycle_clusters` / `cycle_cluster_members`: the clusters a consolidator set for a cycle; the
 *   members' primary key holds a union to at most one cluster of a cycle.
 * - `cluster_changes`: each replacement of a cycle's clusters (who, when, before and after): the
 *   audit of a change no plan stream records, as `submission_extensions` is for extensions. A
 *   cycle with no change has the clusters of its unions' `cluster` column.
 * - `organizations.merged_at` / `merged_by` / `merge_key` / `merge_outcome`: when and by whom a
 *   merger was recorded, the request's Idempotency-Key and what it did (a repeat returns it).
 * - `activities.source_province_code`: the merged province an activity was copied from.
 */
export class ClustersAndMergers1796450000000 implements MigrationInterface {
  name = 'ClustersAndMergers1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app.cycle_clusters (
        cycle_id uuid NOT NULL REFERENCES app.cycles(id),
        number int NOT NULL CHECK (number BETWEEN 1 AND 99),
        name text NOT NULL,
        head_organization_id uuid REFERENCES app.organizations(id),
        deputy_organization_id uuid REFERENCES app.organizations(id),
        PRIMARY KEY (cycle_id, number)
      )`);
    await q.query(`
      CREATE TABLE app.cycle_cluster_members (
        cycle_id uuid NOT NULL,
        number int NOT NULL,
        organization_id uuid NOT NULL REFERENCES app.organizations(id),
        PRIMARY KEY (cycle_id, organization_id),
        FOREIGN KEY (cycle_id, number) REFERENCES app.cycle_clusters (cycle_id, number) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE app.cluster_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES app.cycles(id),
        changed_by uuid NOT NULL REFERENCES app.users(id),
        changed_at timestamptz NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX cluster_changes_cycle_idx ON app.cluster_changes (cycle_id, changed_at)`);
    await q.query(`
      ALTER TABLE app.organizations
        ADD COLUMN merged_at timestamptz,
        ADD COLUMN merged_by uuid REFERENCES app.users(id),
        ADD COLUMN merge_key text,
        ADD COLUMN merge_outcome jsonb`);
    await q.query(`CREATE INDEX organizations_merged_into_idx ON app.organizations (merged_into_id)`);
    await q.query(`ALTER TABLE app.activities ADD COLUMN source_province_code text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.activities DROP COLUMN source_province_code`);
    await q.query(`DROP INDEX app.organizations_merged_into_idx`);
    await q.query(
      `ALTER TABLE app.organizations DROP COLUMN merge_outcome, DROP COLUMN merge_key, DROP COLUMN merged_by, DROP COLUMN merged_at`,
    );
    await q.query(`DROP TABLE app.cluster_changes`);
    await q.query(`DROP TABLE app.cycle_cluster_members`);
    await q.query(`DROP TABLE app.cycle_clusters`);
  }
}
