import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  Actor,
  CycleTerms,
  DomainError,
  PlanCommand,
  PlanContent,
  Progress,
  refusalBeforeStatus,
} from '@vufo/domain';
import { ApprovalEngine, DispatchOutcome } from '@vufo/engine';
import { BudgetLineEntity, CycleEntity, PlanEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { Clock } from '../common/clock';
import { Principal } from '../identity/principal';
import { assertVersion } from '../common/if-match';
import { BumpedPlan, PlanAccess, planContentRows } from './plan-access';
import { actorOf } from './actor';
import { ApprovalRepository } from './approval.repository';
import { CalendarService } from './calendar.service';
import { EmbeddedApprovalEngine } from './embedded-engine';

type Change = { kind: string; summary: string; details?: Record<string, unknown> };

/**
 * The application side of the approval chain: turns a user's request into a machine command,
 * gathers what the command needs (content snapshot, agencies, delegation), and hands it to the
 * ApprovalEngine, whichever host runs it.
 */
@Injectable()
export class PlanCommands {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly access: PlanAccess,
    private readonly calendar: CalendarService,
    @Inject(ApprovalEngine) private readonly engine: ApprovalEngine,
    private readonly embedded: EmbeddedApprovalEngine,
    private readonly repo: ApprovalRepository,
  ) {}

  /**
   * Creates the plan row and starts its stream with PlanCreated, in the caller's transaction.
   * `livePlanId`: the union's live plan in this cycle, which the caller read under its lock.
   */
  async create(
    p: Principal,
    cycle: CycleEntity,
    title: string,
    objectives: string,
    livePlanId: string | null,
    merger?: { organizationId: string; mergerOf: string },
  ): Promise<string> {
    const planId = randomUUID();
    // A province merger (ADMIN) creates the successor union's plan; anyone else, their own union's.
    const organizationId = merger?.organizationId ?? p.organizationId;
    // A leader may have extended this union's deadline before it started its plan.
    const extended = await this.repo.extendedDeadline(cycle.id, organizationId);
    const command: PlanCommand = {
      type: 'CreatePlan',
      actor: actorOf(p),
      planId,
      cycleId: cycle.id,
      organizationId,
      title,
      cycle: this.termsOf(cycle, extended),
      cycleYear: cycle.year,
      cycleStatus: cycle.status,
      livePlanId,
      ...(merger ? { mergerOf: merger.mergerOf } : {}),
    };
    // The stream lives on the plan's row, which a unique index holds to one live plan per union
    // and cycle: the machine's guards are asked before the row is inserted, then decide again.
    const refused = refusalBeforeStatus(null, command);
    if (refused) throw new DomainError(refused.code, refused.message, refused.errors ?? []);
    await this.repo.insertPlan({
      id: planId,
      cycleId: cycle.id,
      organizationId,
      title,
      objectives,
    });
    await this.engine.dispatch({ planId, actor: actorOf(p), command });
    return planId;
  }

  /** The cycle's terms for one union: the cycle's deadline, or the union's extension when later. */
  termsOf(cycle: CycleEntity, extended: Date | null = null): CycleTerms {
    const deadline = this.calendar.endOfLocalDay(cycle.submissionDeadline);
    return {
      submissionDeadline: (extended && extended > deadline ? extended : deadline).toISOString(),
      reminderWorkingDays: cycle.reminderWorkingDays,
      reviewSlaDays: cycle.reviewSlaDays,
      revisionSlaDays: cycle.revisionSlaDays,
      route: cycle.route,
    } as CycleTerms;
  }

  /**
   * A content edit: the machine guards it (own union's editor, DRAFT or REVISION_REQUESTED) and
   * records it; `apply` changes the content tables; the plan version moves on. One transaction.
   */
  async edit<T>(
    p: Principal,
    planId: string,
    ifMatch: number | undefined,
    change: Change,
    apply: (em: EntityManager, plan: BumpedPlan) => Promise<{ details?: Record<string, unknown>; result: T }>,
    idempotencyKey?: string,
  ): Promise<{ plan: BumpedPlan; result: T }> {
    return this.tx.run(async (em) => {
      const plan = await this.access.bumpVersion(p, planId, ifMatch);
      const { details, result } = await apply(em, plan);
      this.embedded.rememberLockedHead(em, planId, plan.head);
      await this.engine.dispatch({
        planId,
        actor: actorOf(p),
        command: {
          type: 'EditContent',
          actor: actorOf(p),
          change: { ...change, details: { ...change.details, ...(details ?? {}) } },
        } as PlanCommand,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      });
      return { plan, result };
    });
  }

  /** Rollout progress: the machine guards and records it (ProgressRecorded); `apply` updates the activity row. */
  async recordProgress(
    p: Principal,
    planId: string,
    progress: Progress,
    apply: (em: EntityManager) => Promise<void>,
  ): Promise<number> {
    return this.tx.run(async (em) => {
      await this.access.visiblePlan(p, planId, true);
      await this.engine.dispatch({
        planId,
        actor: actorOf(p),
        command: { type: 'RecordProgress', actor: actorOf(p), ...progress },
      });
      await apply(em);
      return this.access.nextVersion(planId);
    });
  }

  async dispatch(
    p: Principal | null,
    planId: string,
    command: PlanCommand,
    idempotencyKey?: string,
    actor?: Actor,
  ): Promise<DispatchOutcome> {
    return this.engine.dispatch({
      planId,
      actor: actor ?? actorOf(p!),
      command,
      idempotencyKey: idempotencyKey && p ? `${p.userId}:${idempotencyKey}` : idempotencyKey,
    });
  }

  /**
   * `overNormOf`: the norm a line exceeds (null when within), judged by the caller that knows the
   * norms; the snapshot carries it so the machine can require the line's justification.
   */
  async submit(
    p: Principal,
    planId: string,
    ifMatch: number | undefined,
    idempotencyKey?: string,
    overNormOf?: (line: BudgetLineEntity, cycleYear: number) => object | null,
  ) {
    return this.tx.run(async (em) => {
      const plan = await this.access.visiblePlan(p, planId, true);
      assertVersion(plan.version, ifMatch);
      // One connection runs one query at a time: sequential, not Promise.all.
      const cycleYear = overNormOf ? await this.repo.cycleYear(plan.cycleId, em) : 0;
      const content = await this.contentOf(em, plan, overNormOf && ((l) => overNormOf(l, cycleYear)));
      const agencies = await this.agenciesOf(em, plan.organizationId);
      const actor = actorOf(p);
      const out = await this.dispatch(
        p,
        planId,
        { type: 'Submit', actor, content, agencies } as PlanCommand,
        idempotencyKey,
      );
      if (!out.replayed) await this.access.nextVersion(planId);
      return out;
    });
  }

  /** The plan's content as the machine and the immutable version see it. */
  async contentOf(
    em: EntityManager,
    plan: PlanEntity,
    overNormOf?: (line: BudgetLineEntity) => object | null,
  ): Promise<PlanContent> {
    const { activities, linesOf } = await planContentRows(em, plan.id);
    return {
      title: plan.title,
      objectives: plan.objectives,
      activities: activities.map((a) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        type: a.type,
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        location: a.location,
        partnerCountries: a.partnerCountries,
        partnerOrganizations: a.partnerOrganizations,
        leadUnit: a.leadUnit,
        coordinatingUnits: a.coordinatingUnits,
        expectedResults: a.expectedResults,
        priority: a.priority,
        budgetLines: (linesOf.get(a.id) ?? []).map((l) => ({
          id: l.id,
          description: l.description,
          category: l.category,
          fundingSource: l.fundingSource,
          quantity: l.quantity,
          unit: l.unit,
          unitCost: l.unitCost.toString(),
          guestClass: l.guestClass,
          memberRole: l.memberRole,
          payer: l.payer,
          requestedAmount: l.amount.toString(),
          normJustification: l.normJustification,
          ...(overNormOf ? { overNorm: overNormOf(l) } : {}),
        })),
      })),
    } as PlanContent;
  }

  async agenciesOf(em: EntityManager, unionId: string) {
    const rows = await this.repo.agenciesServing(unionId, em);
    const out: Record<string, { id: string; name: string }> = {};
    for (const r of rows) out[r.function] ??= { id: r.id, name: r.name_vi };
    return out;
  }

  /** X acting for Y: X holds an active delegation from an appraiser Y of the same agency. */
  async delegationFor(p: Principal): Promise<{ userId: string; displayName: string } | undefined> {
    if (p.roles.includes('APPRAISER')) return undefined;
    const from = await this.repo.delegatorOf(p.userId, p.organizationId, this.clock.now());
    return from ? { userId: from.user_id, displayName: from.display_name } : undefined;
  }

  async deadlinesOf(planId: string) {
    return this.repo.timersOf(planId);
  }
}
