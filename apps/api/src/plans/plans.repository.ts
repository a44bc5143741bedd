import { Injectable } from '@nestjs/common';
import { DomainError } from '@vufo/domain';
import {
  ActivityEntity,
  BudgetLineEntity,
  CycleEntity,
  insertRow,
  PlanEntity,
  prepared,
  readRows,
} from '@vufo/persistence';
import { cursorInstantSql } from '../common/cursor';
import { Tx } from '../common/transaction';
import { livePlanSql, PlanAccess, planContentRows } from '../approval/plan-access';
import { Principal } from '../identity/principal';

/** A plan as the list shows it, before money becomes JSON numbers. */
export interface PlanListRow {
  id: string;
  cycle_id: string;
  organization_id: string;
  organization_name: string;
  organization_name_en: string;
  province_code: string;
  title: string;
  status: string;
  version: number;
  submitted_version: number | null;
  current_round: number;
  flags: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
  requested: string;
  approved: string | null;
}

export interface PlanListFilter {
  cycleId?: string;
  status?: string;
  organizationId?: string;
  /** The (created_at, id) of the last plan of the previous page. */
  after?: string[];
  limit: number;
}

/**
 * The plans capability's SQL: a plan's rows, its content (activities and budget lines) and the
 * reads behind its views. The content edits run on the hot path (hundreds per plan): their
 * statements stay prepared, one round trip each.
 */
@Injectable()
export class PlansRepository {
  constructor(
    private readonly tx: Tx,
    private readonly access: PlanAccess,
  ) {}

  /** The plans the principal sees, newest first, `limit + 1` rows (the extra says there is a next page). */
  list(p: Principal, f: PlanListFilter): Promise<PlanListRow[]> {
    const params: unknown[] = [];
    const where = [this.access.visibleSql(p, params)];
    if (f.cycleId) where.push(`p.cycle_id = $${params.push(f.cycleId)}`);
    if (f.status) where.push(`p.status = $${params.push(f.status)}`);
    if (f.organizationId) where.push(`p.organization_id = $${params.push(f.organizationId)}`);
    if (f.after) {
      where.push(
        `(p.created_at, p.id) < ($${params.push(f.after[0])}::timestamptz, $${params.push(f.after[1])}::uuid)`,
      );
    }
    return this.tx.em.query(
      `SELECT p.id, p.cycle_id, p.organization_id, o.name_vi AS organization_name, o.name_en AS organization_name_en, o.province_code, p.title, p.status,
              p.version, p.submitted_version, p.current_round, p.flags, p.created_at, p.updated_at,
              ${cursorInstantSql('p.created_at')} AS cursor_at,
              COALESCE((SELECT sum(amount) FROM app.budget_lines b WHERE b.plan_id = p.id), 0)::text AS requested,
              (SELECT sum(approved_amount) FROM app.budget_lines b WHERE b.plan_id = p.id)::text AS approved
         FROM app.plans p JOIN app.organizations o ON o.id = p.organization_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${f.limit + 1}`,
      params,
    );
  }

  cycle(id: string): Promise<CycleEntity> {
    return this.tx.em.getRepository(CycleEntity).findOneByOrFail({ id });
  }

  findCycle(id: string): Promise<CycleEntity | null> {
    return this.tx.em.getRepository(CycleEntity).findOneBy({ id });
  }

  /** The union's live plan in a cycle, locked: the fact CreatePlan's one-live-plan guard judges. */
  async lockLivePlan(cycleId: string, organizationId: string): Promise<string | null> {
    // The union's row first, shared: a leader's extension for a union without a plan holds it
    // exclusively (cycles.repository lockProvincialUnion), so the extension and the new plan are
    // ordered — the plan either reads the extension or receives it as a command, never neither.
    await this.tx.em.query(`SELECT 1 FROM app.organizations WHERE id = $1 FOR SHARE`, [organizationId]);
    const rows: { id: string }[] = await this.tx.em.query(
      `SELECT p.id FROM app.plans p WHERE p.cycle_id = $1 AND p.organization_id = $2 AND ${livePlanSql('p')} FOR UPDATE`,
      [cycleId, organizationId],
    );
    return rows[0]?.id ?? null;
  }

  /** Rollout progress on an activity's row. */
  async recordActivityProgress(
    id: string,
    progress: Pick<ActivityEntity, 'implementationStatus'> &
      Partial<Pick<ActivityEntity, 'actualSpend' | 'results'>>,
  ): Promise<void> {
    await this.tx.em.getRepository(ActivityEntity).update(id, progress);
  }

  /** The plan's activities in plan order, each with its budget lines in order. */
  content(planId: string) {
    return planContentRows(this.tx.em, planId);
  }

  reviewsOf(planId: string) {
    return prepared(
      this.tx.em,
      `SELECT r.id, r.round, r.stage, r.function, r.agency_id AS "agencyId", o.name_vi AS "agencyName", o.name_en AS "agencyNameEn", r.status,
              r.opened_at AS "openedAt", r.due_at AS "dueAt", r.overdue, r.decided_at AS "decidedAt",
              r.decided_by_name AS "decidedByName", r.acting_for_name AS "actingForName", r.comment, r.lines
         FROM app.reviews r JOIN app.organizations o ON o.id = r.agency_id
        WHERE r.plan_id = $1 ORDER BY r.round, r.stage, r.function`,
      [planId],
    );
  }

  async organization(id: string) {
    const [org] = await prepared(
      this.tx.em,
      `SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn", province_code AS "provinceCode" FROM app.organizations WHERE id = $1`,
      [id],
    );
    return org;
  }

  /** Requested and approved sums by funding source, over numeric (no float on the way). */
  totals(planId: string) {
    return prepared<{ funding_source: string; requested: string; approved: string | null }>(
      this.tx.em,
      `SELECT funding_source, sum(amount)::text AS requested, sum(approved_amount)::text AS approved
         FROM app.budget_lines WHERE plan_id = $1 GROUP BY funding_source ORDER BY funding_source`,
      [planId],
    );
  }

  /** The plan's own fields as they stand (the caller holds the row's lock): an edit's "before". */
  async planFields(id: string): Promise<{ title: string; objectives: string }> {
    const [row] = await prepared<{ title: string; objectives: string }>(
      this.tx.em,
      `SELECT title, objectives FROM app.plans WHERE id = $1`,
      [id],
    );
    return row;
  }

  async updatePlan(id: string, changed: { title?: string; objectives?: string }): Promise<void> {
    await this.tx.em.getRepository(PlanEntity).update(id, changed);
  }

  /**
   * How many activities the plan has (the new one's position) and the highest number among its
   * generated codes "HĐ-NN", so a generated code follows the last one instead of the count (after a
   * removal the count would name a code still in use). One statement.
   */
  async activityCounts(planId: string): Promise<{ n: number; lastNumber: number }> {
    const [row] = await prepared<{ n: number; last_number: number }>(
      this.tx.em,
      `SELECT count(*)::int AS n,
              COALESCE(max(substring(code FROM '^HĐ-(\\d{1,9})$')::int), 0)::int AS last_number
         FROM app.activities WHERE plan_id = $1`,
      [planId],
    );
    return { n: row.n, lastNumber: row.last_number };
  }

  insertActivity(values: Partial<ActivityEntity>): Promise<string> {
    return duplicateCodeAsProblem(values.code, insertRow(this.tx.em, ActivityEntity, values));
  }

  async updateActivity(id: string, changed: Partial<ActivityEntity>): Promise<void> {
    await duplicateCodeAsProblem(changed.code, this.tx.em.getRepository(ActivityEntity).update(id, changed));
  }

  /** An activity's row read inside the edit's transaction, under the plan's lock: the edit's "before". */
  async lockedActivity(id: string): Promise<ActivityEntity | undefined> {
    const [a] = await readRows(this.tx.em, ActivityEntity, 'a', 'WHERE a.id = $1', [id]);
    return a;
  }

  /** A budget line's row read inside the edit's transaction, under the plan's lock: the edit's "before". */
  async lockedLine(id: string): Promise<BudgetLineEntity | undefined> {
    const [l] = await readRows(this.tx.em, BudgetLineEntity, 'b', 'WHERE b.id = $1', [id]);
    return l;
  }

  async deleteActivity(id: string): Promise<void> {
    await this.tx.em.getRepository(ActivityEntity).delete(id);
  }

  /** The position is counted in the INSERT itself: one round trip (the plan row's lock orders edits). */
  insertLine(values: Partial<BudgetLineEntity>): Promise<string> {
    return insertRow(this.tx.em, BudgetLineEntity, values, { column: 'position', within: 'activityId' });
  }

  async updateLine(id: string, changed: Partial<BudgetLineEntity>): Promise<void> {
    await this.tx.em.getRepository(BudgetLineEntity).update(id, changed);
  }

  async deleteLine(id: string): Promise<void> {
    await this.tx.em.getRepository(BudgetLineEntity).delete(id);
  }

  async activity(id: string): Promise<ActivityEntity> {
    const [a] = await readRows(this.tx.em, ActivityEntity, 'a', 'WHERE a.id = $1', [id]);
    return a;
  }

  async line(id: string): Promise<BudgetLineEntity> {
    const [l] = await readRows(this.tx.em, BudgetLineEntity, 'b', 'WHERE b.id = $1', [id]);
    return l;
  }

  /** A row of a plan's content if the principal sees its plan, in one statement; undefined if not. */
  async visibleRow<T extends ActivityEntity | BudgetLineEntity>(
    p: Principal,
    entity: new () => T,
    id: string,
  ): Promise<T | undefined> {
    const params: unknown[] = [id];
    const visible = this.access.visibleSql(p, params);
    const [row] = await readRows(
      this.tx.em,
      entity,
      'x',
      `JOIN app.plans p ON p.id = x.plan_id WHERE x.id = $1 AND ${visible}`,
      params,
    );
    return row;
  }
}

/**
 * The `activities_plan_code_unique` index is the rule "one code per plan" (a check under the plan's
 * lock would hold too, but the index also holds for every other writer); its violation becomes
 * 409 DUPLICATE_CODE naming the field. The failed statement aborts the transaction, which the
 * error rolls back: nothing is changed.
 */
async function duplicateCodeAsProblem<T>(code: string | undefined, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    const e = err as {
      code?: string;
      constraint?: string;
      driverError?: { code?: string; constraint?: string };
    };
    const pg = e.driverError ?? e;
    if (pg.code === '23505' && pg.constraint === 'activities_plan_code_unique') {
      throw new DomainError(
        'DUPLICATE_CODE',
        `The plan already has an activity with the code ${code ?? ''}.`,
        [{ field: 'code', message: `already used in this plan: ${code ?? ''}` }],
      );
    }
    throw err;
  }
}
