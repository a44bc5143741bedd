import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An activity's code names it within its plan (reviewers write "HĐ-04" in their opinions), so
 * two activities of one plan may not share it: a unique index, which the API turns into 409
 * DUPLICATE_CODE. Plans written before this rule may hold duplicates: the first activity (in plan
 * order) keeps the code, each later one gets a numbered suffix, "HĐ-04 (2)", "HĐ-04 (3)", so the
 * index can be built and the editor sees which codes to correct. Nothing else changes.
 */
export class ActivityCodeUnique1796200000000 implements MigrationInterface {
  name = 'ActivityCodeUnique1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE app.activities a SET code = a.code || ' (' || d.n || ')'
        FROM (SELECT id, row_number() OVER (PARTITION BY plan_id, code ORDER BY position, created_at, id) AS n
                FROM app.activities) d
       WHERE d.id = a.id AND d.n > 1`);
    await q.query(`CREATE UNIQUE INDEX activities_plan_code_unique ON app.activities (plan_id, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app.activities_plan_code_unique`);
  }
}
