import { Injectable } from '@nestjs/common';
import { checkNorm, DomainError, PlanCommand, Progress, vndToJson } from '@vufo/domain';
import { ActivityEntity, BudgetLineEntity } from '@vufo/persistence';
import { notFound } from '../common/errors';
import { Tx } from '../common/transaction';
import { requireChanges } from '../common/validation';
import { decodeCursor, page, pageSize } from '../common/cursor';
import { actorOf } from '../approval/actor';
import { BumpedPlan, PlanAccess } from '../approval/plan-access';
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
import { PlansRepository } from './plans.repository';

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
  'normJustification',
  'payer',
] as const;

@Injectable()
export class PlansService {
  constructor(
    private readonly tx: Tx,
    private readonly access: PlanAccess,
    private readonly norms: NormsService,
    private readonly commands: PlanCommands,
    private readonly repo: PlansRepository,
  ) {}

  async create(p: Principal, cycleId: string, dto: CreatePlanDto) {
    if (p.organizationKind !== 'PROVINCIAL_UNION' || !p.roles.includes('PLAN_EDITOR')) {
      throw new DomainError('FORBIDDEN', 'Only a PLAN_EDITOR of a provincial union drafts a plan.');
    }
    const id = await this.tx.run(async () => {
      const cycle = await this.repo.findCycle(cycleId);
      if (!cycle) throw notFound('cycle', cycleId);
      // The facts CreatePlan's guards judge (cycle open, one live plan), read under the lock.
      const live = await this.repo.lockLivePlan(cycleId, p.organizationId);
      return this.commands.create(p, cycle, dto.title, dto.objectives ?? '', live);
    });
    return this.get(p, id);
  }

  async list(p: Principal, q: PlanQuery) {
    const limit = pageSize(q.limit);
    const rows = await this.repo.list(p, {
      cycleId: q.cycleId,
      status: q.status,
      organizationId: q.organizationId,
      after: decodeCursor(q.cursor, ['instant', 'uuid']),
      limit,
    });
    const { items, nextCursor } = page(rows, limit, (r) => [r.cursor_at, r.id]);
    return {
      items: items.map((r) => ({
        id: r.id,
        cycleId: r.cycle_id,
        organizationId: r.organization_id,
        organizationName: r.organization_name,
        organizationNameEn: r.organization_name_en,
        provinceCode: r.province_code,
        title: r.title,
        status: r.status,
        version: r.version,
        submittedVersion: r.submitted_version,
        currentRound: r.current_round,
        flags: r.flags,
        totals: {
          requested: vndToJson(BigInt(r.requested)),
          approved: r.approved === null ? null : vndToJson(BigInt(r.approved)),
        },
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
      nextCursor,
    };
  }

  async get(p: Principal, planId: string) {
    const plan = await this.access.visiblePlan(p, planId);
    const [cycle, { activities, linesOf }, totals, reviews, organization] = await Promise.all([
      this.repo.cycle(plan.cycleId),
      this.repo.content(planId),
      this.totals(planId),
      this.repo.reviewsOf(planId),
      this.repo.organization(plan.organizationId),
    ]);
    const rules = await this.norms.rules();
    const normDate = `${cycle.year}-01-01`;
    return {
      id: plan.id,
      cycleId: plan.cycleId,
      cycleYear: cycle.year,
      organizationId: plan.organizationId,
      organization,
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
    const rows = await this.repo.totals(planId);
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
      { kind: 'PLAN_UPDATED', summary: 'plan' },
      async (_em, plan) => {
        // Read under the lock the version bump took: the "before" no concurrent edit can move.
        const before = await this.repo.planFields(plan.id);
        await this.repo.updatePlan(plan.id, changed);
        return { details: { changes: changesOf(before, changed) }, result: undefined };
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
      async () => {
        const { n, lastNumber } = await this.repo.activityCounts(planId);
        const fields = pick(dto, ACTIVITY_FIELDS);
        // A generated code follows the plan's highest "HĐ-NN" (never one still in use); a given
        // one that is taken is refused by the unique index (DUPLICATE_CODE).
        const code = dto.code ?? `HĐ-${String(Math.max(n, lastNumber) + 1).padStart(2, '0')}`;
        const id = await this.repo.insertActivity({ ...fields, planId, code, position: n });
        return { details: { activityId: id, code }, result: id };
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
      { kind: 'ACTIVITY_CHANGED', summary: activity.title, details: { activityId } },
      async () => {
        const before = await this.repo.lockedActivity(activityId);
        if (!before) throw notFound('activity', activityId);
        await this.repo.updateActivity(activityId, changed);
        return { details: { changes: changesOf(before, changed) }, result: undefined };
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
      async () => {
        await this.repo.deleteActivity(activityId);
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
      async () => {
        const fields = pick(dto, LINE_FIELDS);
        const amount = dto.amount ?? BigInt(dto.quantity) * dto.unitCost;
        const id = await this.repo.insertLine({ ...fields, amount, activityId, planId: activity.planId });
        return { details: { budgetLineId: id, amount: amount.toString() }, result: id };
      },
    );
    return this.lineView(id, plan);
  }

  async updateLine(p: Principal, lineId: string, ifMatch: number | undefined, dto: UpdateBudgetLineDto) {
    requireChanges(dto);
    const line = await this.visibleLine(p, lineId);
    const { plan } = await this.commands.edit(
      p,
      line.planId,
      ifMatch,
      { kind: 'BUDGET_LINE_CHANGED', summary: line.description, details: { budgetLineId: lineId } },
      async () => {
        const before = await this.repo.lockedLine(lineId);
        if (!before) throw notFound('budget line', lineId);
        const changed = pick(dto, LINE_FIELDS);
        // A new quantity or unit cost without an explicit amount recomputes the requested amount,
        // from the row as it stands under the lock.
        if (
          changed.amount === undefined &&
          (changed.quantity !== undefined || changed.unitCost !== undefined)
        ) {
          changed.amount =
            BigInt(changed.quantity ?? before.quantity) * (changed.unitCost ?? before.unitCost);
        }
        await this.repo.updateLine(lineId, changed);
        return { details: { changes: changesOf(before, changed) }, result: undefined };
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
      async () => {
        await this.repo.deleteLine(lineId);
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
      } as Progress,
      () =>
        this.repo.recordActivityProgress(activityId, {
          implementationStatus: dto.implementationStatus,
          ...(dto.actualSpend !== undefined ? { actualSpend: dto.actualSpend } : {}),
          ...(dto.results !== undefined ? { results: dto.results } : {}),
        }),
    );
    return this.activityView(activityId, version);
  }

  /** Sends the plan into appraisal; answers the plan as it now stands. */
  async submit(p: Principal, planId: string, ifMatch: number | undefined, key?: string) {
    const rules = await this.norms.rules();
    // The snapshot carries each line's norm check, so the machine's guard judges the same facts on both hosts.
    await this.commands.submit(p, planId, ifMatch, key, (l, cycleYear) =>
      overNormOf(l, rules, `${cycleYear}-01-01`),
    );
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
    const row = await this.repo.visibleRow(p, entity, id);
    if (!row) throw notFound(what, id);
    return row;
  }

  private async activityView(id: string, planVersion: number) {
    const a = await this.repo.activity(id);
    return { ...a, actualSpend: a.actualSpend === null ? null : vndToJson(a.actualSpend), planVersion };
  }

  private async lineView(id: string, plan: BumpedPlan) {
    const l = await this.repo.line(id);
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
    overNorm: overNormOf(l, rules, normDate),
  };
}

/**
 * The norm a line's unit cost exceeds, with `capAmount`: what the line comes to at the cap
 * (quantity × cap), the amount a budget reviewer's "cap at norm" proposes.
 */
function overNormOf(l: BudgetLineEntity, rules: NormRules, normDate: string) {
  const over = checkNorm(
    {
      category: l.category,
      guestClass: l.guestClass ?? undefined,
      memberRole: l.memberRole ?? undefined,
      unitCost: l.unitCost,
      normArticle: l.normArticle ?? undefined,
    } as Parameters<typeof checkNorm>[0],
    rules,
    normDate,
  );
  return over && { ...over, capAmount: vndToJson(BigInt(over.cap) * BigInt(l.quantity)) };
}

type NormRules = Parameters<typeof checkNorm>[1];

function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/**
 * What an edit changed, field by field, as the history shows it: `{ field: { from, to } }` for
 * each field whose value differs from the row before the edit (a field sent with its current
 * value changed nothing and is left out). Amounts are decimal strings, like every event payload.
 */
function changesOf(before: object, changed: object): Record<string, { from: unknown; to: unknown }> {
  const was = before as Record<string, unknown>;
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(changed)) {
    const from = jsonValue(was[field]);
    const to = jsonValue(value);
    if (JSON.stringify(from) !== JSON.stringify(to)) out[field] = { from, to };
  }
  return out;
}

function jsonValue(v: unknown): unknown {
  if (v === undefined) return null;
  return typeof v === 'bigint' ? v.toString() : v;
}

/** Event payloads are JSON: amounts become decimal strings. */
function stringify(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));
}
