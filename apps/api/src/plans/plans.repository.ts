import { Injectable } from '@nestjs/common';
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

  async updatePlan(id: string, changed: { title?: string; objectives?: string }): Promise<void> {
    await this.tx.em.getRepository(PlanEntity).update(id, changed);
  }

  async countActivities(planId: string): Promise<number> {
    const [{ n }] = await prepared<{ n: number }>(
      this.tx.em,
      `SELECT count(*)::int AS n FROM app.activities WHERE plan_id = $1`,
      [planId],
    );
    return n;
  }

  insertActivity(values: Partial<ActivityEntity>): Promise<string> {
    return insertRow(this.tx.em, ActivityEntity, values);
  }

  async updateActivity(id: string, changed: Partial<ActivityEntity>): Promise<void> {
    await this.tx.em.getRepository(ActivityEntity).update(id, changed);
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
