import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A budget line above its spending norm carries the union's justification, which the reviewers
 * read; submission refuses over-norm lines without one (NORM_JUSTIFICATION_REQUIRED).
 */
export class BudgetLineNormJustification1796300000000 implements MigrationInterface {
  name = 'BudgetLineNormJustification1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.budget_lines ADD COLUMN norm_justification text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app.budget_lines DROP COLUMN norm_justification`);
  }
}
