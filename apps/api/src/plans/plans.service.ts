import { Injectable } from '@nestjs/common';
import { checkNorm, DomainError, PlanCommand, vndToJson } from '@vufo/domain';
import {
  ActivityEntity,
  BudgetLineEntity,
  CycleEntity,
  PlanEntity,
  insertRow,
  prepared,
  readRows,
} from '@vufo/persistence';
import { notFound } from '../common/errors';
import { Tx } from '../common/transaction';
import { requireChanges } from '../common/validation';
import { decodeCursor, page, pageSize } from '../common/cursor';
import { actorOf } from '../approval/actor';
import { BumpedPlan, PlanAccess, planContentRows } from '../approval/plan-access';
import { PlanCommands } from '../approval/plan-commands';
import { Principal } from '../identity/principal';
import { NormsService } from '../norms/norms.service';
import {
  CreateActivityDto,
  CreateBudgetLineDto,
  CreatePlanDto,
  PlanQuery,
  ProgressDto,
  UpdateActivityDto,
  UpdateBudgetLineDto,
  UpdatePlanDto,
} from './plans.dto';

const ACTIVITY_FIELDS = [
  'code',
  'title',
  'type',
  'periodStart',
  'periodEnd',
  'location',
  'partnerCountries',
  'partnerOrganizations',
  'leadUnit',
  'coordinatingUnits',
  'expectedResults',
  'priority',
] as const;
const LINE_FIELDS = [
  'category',
  'description',
  'quantity',
  'unit',
  'unitCost',
  'amount',
  'fundingSource',
  'guestClass',
  'memberRole',
  'normArticle',
  'payer',
] as const;

@Injectable()
export class PlansService {
  constructor(
    private readonly tx: Tx,
    private readonly access: PlanAccess,
    private readonly norms: NormsService,
    private readonly commands: PlanCommands,
  ) {}

  async create(p: Principal, cycleId: string, dto: CreatePlanDto) {
    if (p.organizationKind !== 'PROVINCIAL_UNION' || !p.roles.includes('PLAN_EDITOR')) {
      throw new DomainError('FORBIDDEN', 'Only a PLAN_EDITOR of a provincial union drafts a plan.');
    }
    const id = await this.tx.run(async (em) => {
      const cycle = await em.getRepository(CycleEntity).findOneBy({ id: cycleId });
      if (!cycle) throw notFound('cycle', cycleId);
      if (cycle.status !== 'OPEN')
        throw new DomainError('INVALID_TRANSITION', `The ${cycle.year} cycle is not open for new plans.`);
      const live = await em.query(
        `SELECT id FROM app.plans WHERE cycle_id = $1 AND organization_id = $2 AND status NOT IN ('REJECTED','WITHDRAWN') FOR UPDATE`,
        [cycleId, p.organizationId],
      );
      if (live.length)
        throw new DomainError('CONFLICT', `Your union already has a plan in this cycle (${live[0].id}).`);
      return this.commands.create(p, cycle, dto.title, dto.objectives ?? '');
    });
    return this.get(p, id);
  }

  async list(p: Principal, q: PlanQuery) {
    const params: unknown[] = [];
    const where = [this.access.visibleSql(p, params)];
    if (q.cycleId) where.push(`p.cycle_id = $${params.push(q.cycleId)}`);
    if (q.status) where.push(`p.status = $${params.push(q.status)}`);
    if (q.organizationId) where.push(`p.organization_id = $${params.push(q.organizationId)}`);
    const after = decodeCursor(q.cursor, ['instant', 'uuid']);
    if (after) {
      where.push(
        `(p.created_at, p.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`,
      );
    }
    const limit = pageSize(q.limit);
    const rows: Record<string, unknown>[] = await this.tx.em.query(
      `SELECT p.id, p.cycle_id, p.organization_id, o.name_vi AS organization_name, o.province_code, p.title, p.status,
              p.version, p.submitted_version, p.current_round, p.flags, p.created_at, p.updated_at,
              to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
              COALESCE((SELECT sum(amount) FROM app.budget_lines b WHERE b.plan_id = p.id), 0)::text AS requested,
              (SELECT sum(approved_amount) FROM app.budget_lines b WHERE b.plan_id = p.id)::text AS approved
         FROM app.plans p JOIN app.organizations o ON o.id = p.organization_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit + 1}`,
      params,
    );
    const { items, nextCursor } = page(rows, limit, (r) => [r.cursor_at as string, r.id as string]);
    return {
      items: items.map((r) => ({
        id: r.id,
        cycleId: r.cycle_id,
        organizationId: r.organization_id,
        organizationName: r.organization_name,
        provinceCode: r.province_code,
        title: r.title,
        status: r.status,
        version: r.version,
        submittedVersion: r.submitted_version,
        currentRound: r.current_round,
        flags: r.flags,
        totals: {
          requested: vndToJson(BigInt(r.requested as string)),
          approved: r.approved === null ? null : vndToJson(BigInt(r.approved as string)),
        },
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
      nextCursor,
    };
  }

  async get(p: Principal, planId: string) {
    const em = this.tx.em;
    const plan = await this.access.visiblePlan(p, planId);
    const [cycle, { activities, linesOf }, totals, reviews, org] = await Promise.all([
      em.getRepository(CycleEntity).findOneByOrFail({ id: plan.cycleId }),
      planContentRows(em, planId),
      this.totals(planId),
      prepared(
        em,
        `SELECT r.id, r.round, r.stage, r.function, r.agency_id AS "agencyId", o.name_vi AS "agencyName", r.status,
                r.opened_at AS "openedAt", r.due_at AS "dueAt", r.overdue, r.decided_at AS "decidedAt",
                r.decided_by_name AS "decidedByName", r.acting_for_name AS "actingForName", r.comment, r.lines
           FROM app.reviews r JOIN app.organizations o ON o.id = r.agency_id
          WHERE r.plan_id = $1 ORDER BY r.round, r.stage, r.function`,
        [planId],
      ),
      prepared(
        em,
        `SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn", province_code AS "provinceCode" FROM app.organizations WHERE id = $1`,
        [plan.organizationId],
      ),
    ]);
    const rules = await this.norms.rules();
    const normDate = `${cycle.year}-01-01`;
    return {
      id: plan.id,
      cycleId: plan.cycleId,
      cycleYear: cycle.year,
      organizationId: plan.organizationId,
      organization: org[0],
      title: plan.title,
      objectives: plan.objectives,
      status: plan.status,
      version: plan.version,
      submittedVersion: plan.submittedVersion,
      currentRound: plan.currentRound,
      flags: plan.flags,
      decision: plan.decision,
      totals,
      activities: activities.map((a) => ({
        ...a,
        actualSpend: a.actualSpend === null ? null : vndToJson(a.actualSpend),
        budgetLines: (linesOf.get(a.id) ?? []).map((l) => budgetLineView(l, rules, normDate)),
      })),
      reviews,
      deadlines: await this.commands.deadlinesOf(planId),
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    };
  }

  /** Requested and approved totals by funding source, summed in SQL over numeric (no float on the way). */
  async totals(planId: string) {
    const rows = await prepared<{ funding_source: string; requested: string; approved: string | null }>(
      this.tx.em,
      `SELECT funding_source, sum(amount)::text AS requested, sum(approved_amount)::text AS approved
         FROM app.budget_lines WHERE plan_id = $1 GROUP BY funding_source ORDER BY funding_source`,
      [planId],
    );
    const by = (pick: (r: (typeof rows)[number]) => string | null) => {
      const bySource: Record<string, number | string> = {};
      let total = 0n;
      for (const r of rows) {
        const v = BigInt(pick(r) ?? '0');
        bySource[r.funding_source] = vndToJson(v);
        total += v;
      }
      return { total: vndToJson(total), byFundingSource: bySource };
    };
    return { requested: by((r) => r.requested), approved: by((r) => r.approved) };
  }

  async update(p: Principal, planId: string, ifMatch: number | undefined, dto: UpdatePlanDto) {
    requireChanges(dto);
    const changed = pick(dto, ['title', 'objectives'] as const);
    await this.commands.edit(
      p,
      planId,
      ifMatch,
      { kind: 'PLAN_UPDATED', summary: 'plan', details: changed },
      async (em, plan) => {
        await em.getRepository(PlanEntity).update(plan.id, changed);
        return { result: undefined };
      },
    );
    return this.get(p, planId);
  }

  async addActivity(p: Principal, planId: string, ifMatch: number | undefined, dto: CreateActivityDto) {
    const { plan, result: id } = await this.commands.edit(
      p,
      planId,
      ifMatch,
      { kind: 'ACTIVITY_ADDED', summary: dto.title },
      async (em) => {
        const [{ n: count }] = await prepared<{ n: number }>(
          em,
          `SELECT count(*)::int AS n FROM app.activities WHERE plan_id = $1`,
          [planId],
        );
        const fields = pick(dto, ACTIVITY_FIELDS);
        const id = await insertRow(em, ActivityEntity, {
          ...fields,
          planId,
          code: dto.code ?? `HĐ-${String(count + 1).padStart(2, '0')}`,
          position: count,
        });
        return { details: { activityId: id }, result: id };
      },
    );
    return this.activityView(id, plan.version);
  }

  async updateActivity(
    p: Principal,
    activityId: string,
    ifMatch: number | undefined,
    dto: UpdateActivityDto,
  ) {
    requireChanges(dto);
    const activity = await this.visibleActivity(p, activityId);
    const changed = pick(dto, ACTIVITY_FIELDS);
    const { plan } = await this.commands.edit(
      p,
      activity.planId,
      ifMatch,
      { kind: 'ACTIVITY_CHANGED', summary: activity.title, details: { activityId, ...changed } },
      async (em) => {
        await em.getRepository(ActivityEntity).update(activityId, changed);
        return { result: undefined };
      },
    );
    return this.activityView(activityId, plan.version);
  }

  async removeActivity(p: Principal, activityId: string, ifMatch: number | undefined) {
    const activity = await this.visibleActivity(p, activityId);
    await this.commands.edit(
      p,
      activity.planId,
      ifMatch,
      { kind: 'ACTIVITY_REMOVED', summary: activity.title, details: { activityId } },
      async (em) => {
        await em.getRepository(ActivityEntity).delete(activityId);
        return { result: undefined };
      },
    );
  }

  async addLine(p: Principal, activityId: string, ifMatch: number | undefined, dto: CreateBudgetLineDto) {
    const activity = await this.visibleActivity(p, activityId);
    const { plan, result: id } = await this.commands.edit(
      p,
      activity.planId,
      ifMatch,
      { kind: 'BUDGET_LINE_ADDED', summary: dto.description, details: { activityId } },
      async (em) => {
        const fields = pick(dto, LINE_FIELDS);
        const amount = dto.amount ?? BigInt(dto.quantity) * dto.unitCost;
        // The position counted in the INSERT itself: one round trip (the plan row's lock orders edits).
        const id = await insertRow(
          em,
          BudgetLineEntity,
          { ...fields, amount, activityId, planId: activity.planId },
          { column: 'position', within: 'activityId' },
        );
        return { details: { budgetLineId: id, amount: amount.toString() }, result: id };
      },
    );
    return this.lineView(id, plan);
  }

  async updateLine(p: Principal, lineId: string, ifMatch: number | undefined, dto: UpdateBudgetLineDto) {
    requireChanges(dto);
    const line = await this.visibleLine(p, lineId);
    const changed = pick(dto, LINE_FIELDS);
    // A new quantity or unit cost without an explicit amount recomputes the requested amount.
    if (changed.amount === undefined && (changed.quantity !== undefined || changed.unitCost !== undefined)) {
      changed.amount = BigInt(changed.quantity ?? line.quantity) * (changed.unitCost ?? line.unitCost);
    }
    const { plan } = await this.commands.edit(
      p,
      line.planId,
      ifMatch,
      {
        kind: 'BUDGET_LINE_CHANGED',
        summary: line.description,
        details: { budgetLineId: lineId, ...stringify(changed) },
      },
      async (em) => {
        await em.getRepository(BudgetLineEntity).update(lineId, changed);
        return { result: undefined };
      },
    );
    return this.lineView(lineId, plan);
  }

  async removeLine(p: Principal, lineId: string, ifMatch: number | undefined) {
    const line = await this.visibleLine(p, lineId);
    await this.commands.edit(
      p,
      line.planId,
      ifMatch,
      { kind: 'BUDGET_LINE_REMOVED', summary: line.description, details: { budgetLineId: lineId } },
      async (em) => {
        await em.getRepository(BudgetLineEntity).delete(lineId);
        return { result: undefined };
      },
    );
  }

  async recordProgress(p: Principal, activityId: string, dto: ProgressDto) {
    const activity = await this.visibleActivity(p, activityId);
    const version = await this.commands.recordProgress(
      p,
      activity.planId,
      {
        activityId,
        ...stringify(pick(dto, ['implementationStatus', 'actualSpend', 'results', 'reportedOn'] as const)),
      },
      async (em) => {
        await em.getRepository(ActivityEntity).update(activityId, {
          implementationStatus: dto.implementationStatus,
          ...(dto.actualSpend !== undefined ? { actualSpend: dto.actualSpend } : {}),
          ...(dto.results !== undefined ? { results: dto.results } : {}),
        });
      },
    );
    return this.activityView(activityId, version);
  }

  /** Sends the plan into appraisal; answers the plan as it now stands. */
  async submit(p: Principal, planId: string, ifMatch: number | undefined, key?: string) {
    await this.commands.submit(p, planId, ifMatch, key);
    return this.get(p, planId);
  }

  async withdraw(p: Principal, planId: string, reason: string | undefined, key?: string) {
    await this.tx.run(async () => {
      await this.access.visiblePlan(p, planId, true);
      await this.commands.dispatch(
        p,
        planId,
        { type: 'Withdraw', actor: actorOf(p), reason } as PlanCommand,
        key,
      );
    });
    return this.get(p, planId);
  }

  private visibleActivity(p: Principal, id: string): Promise<ActivityEntity> {
    return this.visibleRow(p, ActivityEntity, id, 'activity');
  }

  private visibleLine(p: Principal, id: string): Promise<BudgetLineEntity> {
    return this.visibleRow(p, BudgetLineEntity, id, 'budget line');
  }

  /** A row of a plan's content and its plan's visibility, in one statement. */
  private async visibleRow<T extends ActivityEntity | BudgetLineEntity>(
    p: Principal,
    entity: new () => T,
    id: string,
    what: string,
  ): Promise<T> {
    const params: unknown[] = [id];
    const visible = this.access.visibleSql(p, params);
    const [row] = await readRows(
      this.tx.em,
      entity,
      'x',
      `JOIN app.plans p ON p.id = x.plan_id WHERE x.id = $1 AND ${visible}`,
      params,
    );
    if (!row) throw notFound(what, id);
    return row;
  }

  private async activityView(id: string, planVersion: number) {
    const [a] = await readRows(this.tx.em, ActivityEntity, 'a', 'WHERE a.id = $1', [id]);
    return { ...a, actualSpend: a.actualSpend === null ? null : vndToJson(a.actualSpend), planVersion };
  }

  private async lineView(id: string, plan: BumpedPlan) {
    const [l] = await readRows(this.tx.em, BudgetLineEntity, 'b', 'WHERE b.id = $1', [id]);
    const rules = await this.norms.rules();
    return { ...budgetLineView(l, rules, `${plan.cycleYear}-01-01`), planVersion: plan.version };
  }
}

/** A budget line as the API shows it: money as JSON numbers, and the norm it exceeds, if any. */
function budgetLineView(l: BudgetLineEntity, rules: NormRules, normDate: string) {
  return {
    ...l,
    unitCost: vndToJson(l.unitCost),
    amount: vndToJson(l.amount),
    requestedAmount: vndToJson(l.amount),
    approvedAmount: l.approvedAmount === null ? null : vndToJson(l.approvedAmount),
    overNorm: checkNorm(
      {
        category: l.category,
        guestClass: l.guestClass ?? undefined,
        memberRole: l.memberRole ?? undefined,
        unitCost: l.unitCost,
        normArticle: l.normArticle ?? undefined,
      } as Parameters<typeof checkNorm>[0],
      rules,
      normDate,
    ),
  };
}

type NormRules = Parameters<typeof checkNorm>[1];

function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/** Event payloads are JSON: amounts become decimal strings. */
function stringify(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));
}
