import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, CycleTerms, DomainError, PlanCommand, PlanContent } from '@vufo/domain';
import { ApprovalEngine, DispatchOutcome } from '@vufo/engine';
import { CycleEntity, PlanEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { Clock } from '../common/clock';
import { Principal } from '../identity/principal';
import { assertVersion } from '../common/if-match';
import { BumpedPlan, PlanAccess, planContentRows } from './plan-access';
import { actorOf } from './actor';
import { ApprovalRepository } from './approval.repository';
import { CalendarService } from './calendar.service';

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
    private readonly repo: ApprovalRepository,
  ) {}

  /** Creates the plan row and starts its stream with PlanCreated, in the caller's transaction. */
  async create(p: Principal, cycle: CycleEntity, title: string, objectives: string): Promise<string> {
    const plan = await this.tx.em
      .getRepository(PlanEntity)
      .save(
        this.tx.em
          .getRepository(PlanEntity)
          .create({ cycleId: cycle.id, organizationId: p.organizationId, title, objectives }),
      );
    await this.engine.dispatch({
      planId: plan.id,
      actor: actorOf(p),
      command: {
        type: 'CreatePlan',
        actor: actorOf(p),
        planId: plan.id,
        cycleId: cycle.id,
        organizationId: p.organizationId,
        title,
        cycle: this.termsOf(cycle),
      } as PlanCommand,
    });
    return plan.id;
  }

  termsOf(cycle: CycleEntity): CycleTerms {
    return {
      submissionDeadline: this.calendar.endOfLocalDay(cycle.submissionDeadline).toISOString(),
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
  ): Promise<{ plan: BumpedPlan; result: T }> {
    return this.tx.run(async (em) => {
      const plan = await this.access.bumpVersion(p, planId, ifMatch);
      const { details, result } = await apply(em, plan);
      await this.engine.dispatch({
        planId,
        actor: actorOf(p),
        command: {
          type: 'EditContent',
          actor: actorOf(p),
          change: { ...change, details: { ...change.details, ...(details ?? {}) } },
        } as PlanCommand,
        lockedHead: plan.head,
      });
      return { plan, result };
    });
  }

  /** Rollout progress is recorded on an approved plan's stream, not guarded as a content edit. */
  async recordProgress(
    p: Principal,
    planId: string,
    details: Record<string, unknown>,
    apply: (em: EntityManager) => Promise<void>,
  ): Promise<number> {
    return this.tx.run(async (em) => {
      const plan = await this.access.visiblePlan(p, planId, true);
      if (plan.organizationId !== p.organizationId)
        throw new DomainError('FORBIDDEN', "Only the plan's own union reports its progress.");
      if (plan.status !== 'IN_ROLLOUT')
        throw new DomainError('INVALID_TRANSITION', 'Progress is reported while the plan is in rollout.');
      await apply(em);
      const [rows]: [{ version: number }[], number] = await em.query(
        `UPDATE app.plans SET version = version + 1 WHERE id = $1 RETURNING version`,
        [planId],
      );
      void details;
      return rows[0].version;
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

  async submit(p: Principal, planId: string, ifMatch: number | undefined, idempotencyKey?: string) {
    return this.tx.run(async (em) => {
      const plan = await this.access.visiblePlan(p, planId, true);
      assertVersion(plan.version, ifMatch);
      // One connection runs one query at a time: sequential, not Promise.all.
      const content = await this.contentOf(em, plan);
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
  async contentOf(em: EntityManager, plan: PlanEntity): Promise<PlanContent> {
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
