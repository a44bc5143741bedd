import { Injectable } from '@nestjs/common';
import {
  ActivityEntity,
  BudgetLineEntity,
  CycleEntity,
  OrganizationEntity,
  readRows,
} from '@vufo/persistence';
import { Tx } from '../common/transaction';

/** What a merger did, kept with the merged organisation: a repeated request answers it again. */
export interface MergeOutcome {
  usersMoved: number;
  plans: { mergedPlanId: string; intoPlanId: string; activities: number; budgetLines: number }[];
}

/** The mergers capability's SQL: organisations merging, their users, the plans a merger combines. */
@Injectable()
export class MergersRepository {
  constructor(private readonly tx: Tx) {}

  private get organizations() {
    return this.tx.em.getRepository(OrganizationEntity);
  }

  organization(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ id });
  }

  /** Both rows locked, in id order (two mergers touching the same pair never deadlock). */
  async lockOrganizations(ids: string[]): Promise<void> {
    await this.tx.em.query(
      `SELECT 1 FROM app.organizations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  async mergeRecord(id: string): Promise<{ key: string | null; outcome: MergeOutcome | null } | null> {
    const rows: { merge_key: string | null; merge_outcome: MergeOutcome | null }[] = await this.tx.em.query(
      `SELECT merge_key, merge_outcome FROM app.organizations WHERE id = $1 AND status = 'MERGED'`,
      [id],
    );
    return rows[0] ? { key: rows[0].merge_key, outcome: rows[0].merge_outcome } : null;
  }

  async markMerged(
    id: string,
    into: string,
    validTo: string,
    by: string,
    at: Date,
    key: string | null,
    outcome: MergeOutcome,
  ): Promise<void> {
    await this.tx.em.query(
      `UPDATE app.organizations
          SET status = 'MERGED', merged_into_id = $2, valid_to = $3, merged_by = $4, merged_at = $5,
              merge_key = $6, merge_outcome = $7::jsonb
        WHERE id = $1`,
      [id, into, validTo, by, at, key, JSON.stringify(outcome)],
    );
  }

  /** The organisation's users now work for the successor, with their roles. */
  async moveUsers(from: string, to: string): Promise<number> {
    const [, count]: [unknown, number] = await this.tx.em.query(
      `UPDATE app.users SET organization_id = $2 WHERE organization_id = $1`,
      [from, to],
    );
    return count;
  }

  /** The union's plans that a merger combines: DRAFT or REVISION_REQUESTED, of an OPEN cycle; locked. */
  async combinablePlans(
    organizationId: string,
  ): Promise<{ id: string; cycleId: string; title: string; objectives: string }[]> {
    return this.tx.em.query(
      `SELECT p.id, p.cycle_id AS "cycleId", p.title, p.objectives
         FROM app.plans p JOIN app.cycles c ON c.id = p.cycle_id
        WHERE p.organization_id = $1 AND p.status IN ('DRAFT','REVISION_REQUESTED') AND c.status = 'OPEN'
        ORDER BY p.created_at, p.id
        FOR UPDATE OF p`,
      [organizationId],
    );
  }

  async cycle(cycleId: string): Promise<CycleEntity> {
    return this.tx.em.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
  }

  /** The successor's live plan of the cycle, locked (the same order as plan creation takes). */
  async lockLivePlan(cycleId: string, organizationId: string): Promise<string | null> {
    await this.tx.em.query(`SELECT 1 FROM app.organizations WHERE id = $1 FOR SHARE`, [organizationId]);
    const rows: { id: string }[] = await this.tx.em.query(
      `SELECT p.id FROM app.plans p
        WHERE p.cycle_id = $1 AND p.organization_id = $2 AND p.status NOT IN ('REJECTED','WITHDRAWN')
        FOR UPDATE`,
      [cycleId, organizationId],
    );
    return rows[0]?.id ?? null;
  }

  async activitiesOf(planId: string): Promise<ActivityEntity[]> {
    return readRows(
      this.tx.em,
      ActivityEntity,
      'a',
      'WHERE a.plan_id = $1 ORDER BY a.position, a.created_at, a.id',
      [planId],
    );
  }

  async linesOf(activityId: string): Promise<BudgetLineEntity[]> {
    return readRows(
      this.tx.em,
      BudgetLineEntity,
      'l',
      'WHERE l.activity_id = $1 ORDER BY l.position, l.created_at, l.id',
      [activityId],
    );
  }

  async codesOf(planId: string): Promise<Set<string>> {
    const rows: { code: string }[] = await this.tx.em.query(
      `SELECT code FROM app.activities WHERE plan_id = $1`,
      [planId],
    );
    return new Set(rows.map((r) => r.code));
  }

  async nextPosition(planId: string): Promise<number> {
    const [row]: { n: number }[] = await this.tx.em.query(
      `SELECT COALESCE(MAX(position) + 1, 0)::int AS n FROM app.activities WHERE plan_id = $1`,
      [planId],
    );
    return row.n;
  }

  /** A copy of an activity (no rollout fields: the copy is a draft) into `planId`. */
  async copyActivity(
    from: ActivityEntity,
    planId: string,
    code: string,
    position: number,
    sourceProvinceCode: string | null,
  ): Promise<string> {
    const [row]: { id: string }[] = await this.tx.em.query(
      `INSERT INTO app.activities (plan_id, code, title, type, period_start, period_end, location,
              partner_countries, partner_organizations, lead_unit, coordinating_units, expected_results,
              priority, source_province, source_province_code, position)
       SELECT $2, $3, title, type, period_start, period_end, location, partner_countries,
              partner_organizations, lead_unit, coordinating_units, expected_results, priority,
              source_province, $5, $4
         FROM app.activities WHERE id = $1
       RETURNING id`,
      [from.id, planId, code, position, sourceProvinceCode],
    );
    return row.id;
  }

  /** A copy of a budget line (as requested: approvals belong to the plan it came from). */
  async copyLine(lineId: string, activityId: string, planId: string): Promise<string> {
    const [row]: { id: string }[] = await this.tx.em.query(
      `INSERT INTO app.budget_lines (activity_id, plan_id, category, description, quantity, unit, unit_cost,
              amount, funding_source, guest_class, member_role, norm_article, norm_justification, payer, position)
       SELECT $2, $3, category, description, quantity, unit, unit_cost, amount, funding_source, guest_class,
              member_role, norm_article, norm_justification, payer, position
         FROM app.budget_lines WHERE id = $1
       RETURNING id`,
      [lineId, activityId, planId],
    );
    return row.id;
  }

  /**
   * The organisation an organisation counts under today: itself, or the end of its chain of
   * mergers. For roll-ups and the dashboard: a plan of a merged union counts under this one.
   */
  async successorOf(organizationId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.tx.em.query(
      `WITH RECURSIVE chain(id, next, depth) AS (
         SELECT id, merged_into_id, 0 FROM app.organizations WHERE id = $1
         UNION ALL
         SELECT o.id, o.merged_into_id, c.depth + 1
           FROM chain c JOIN app.organizations o ON o.id = c.next
          WHERE c.depth < 64
       )
       SELECT id FROM chain ORDER BY depth DESC LIMIT 1`,
      [organizationId],
    );
    return rows[0]?.id ?? null;
  }

  /** Every organisation merged into this one, directly or through another, the latest first. */
  async predecessorsOf(
    organizationId: string,
  ): Promise<{ id: string; name: string; provinceCode: string | null; mergedAt: string | null }[]> {
    return this.tx.em.query(
      `WITH RECURSIVE pre(id, depth) AS (
         SELECT id, 1 FROM app.organizations WHERE merged_into_id = $1
         UNION ALL
         SELECT o.id, p.depth + 1 FROM pre p JOIN app.organizations o ON o.merged_into_id = p.id
          WHERE p.depth < 64
       )
       SELECT o.id, o.name_vi AS name, o.province_code AS "provinceCode", to_char(o.valid_to, 'YYYY-MM-DD') AS "mergedAt"
         FROM pre JOIN app.organizations o ON o.id = pre.id
        ORDER BY o.valid_to DESC NULLS LAST, o.code`,
      [organizationId],
    );
  }
}
