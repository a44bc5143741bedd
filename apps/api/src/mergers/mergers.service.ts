import { Injectable } from '@nestjs/common';
import { DomainError, MERGER_EDIT_KIND, MERGER_WITHDRAW_REASON, PlanCommand } from '@vufo/domain';
import { OrganizationEntity } from '@vufo/persistence';
import { actorOf } from '../approval/actor';
import { PlanCommands } from '../approval/plan-commands';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { Tx } from '../common/transaction';
import { Principal } from '../identity/principal';
import { MergeDto } from './mergers.dto';
import { MergeOutcome, MergersRepository } from './mergers.repository';

const invalid = (field: string, message: string, detail: string) =>
  new DomainError('VALIDATION_FAILED', detail, [{ field, message }]);

/**
 * Province mergers (DOMAIN.md "Province mergers"): the organisation closes and points to its
 * successor, its users move, its draft plan is combined into the successor's plan and withdrawn.
 *
 * Hosts. On the embedded host (APPROVAL_ENGINE unset) everything below is one database
 * transaction: the plan commands append their events in it, so a failure anywhere leaves nothing
 * and a retried request simply runs again. On the Temporal host each plan command is a workflow
 * update of its own plan's workflow, accepted by Temporal outside this transaction: if the
 * transaction then fails, those events stand while the rows roll back. Every command a merger
 * sends therefore carries an idempotency key derived from the merger (merged organisation, plan,
 * activity), so a retried request is answered with the recorded outcome of what already went
 * through and completes the rest; the rows are written again in the retry's transaction.
 */
@Injectable()
export class MergersService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly commands: PlanCommands,
    private readonly repo: MergersRepository,
  ) {}

  async merge(p: Principal, id: string, dto: MergeDto, key?: string) {
    return this.tx.run(async () => {
      if (dto.intoOrganizationId === id)
        throw invalid(
          'intoOrganizationId',
          'the organisation itself',
          'An organisation cannot merge into itself.',
        );
      await this.repo.lockOrganizations([id, dto.intoOrganizationId]);
      const org = await this.repo.organization(id);
      if (!org) throw notFound('organization', id);
      const into = await this.repo.organization(dto.intoOrganizationId);
      if (!into)
        throw invalid(
          'intoOrganizationId',
          'unknown organization',
          'intoOrganizationId names no organization.',
        );
      if (org.status === 'MERGED') {
        // A repeat of the request that merged it (same Idempotency-Key, same successor): the first result.
        const record = await this.repo.mergeRecord(id);
        if (key && record?.key === key && record.outcome && org.mergedIntoId === into.id)
          return this.outcome(org.id, into.id, record.outcome);
        throw new DomainError('ALREADY_MERGED', `${org.code} was merged on ${org.validTo ?? '?'}.`);
      }
      if (into.kind !== org.kind)
        throw invalid(
          'intoOrganizationId',
          `not a ${org.kind}`,
          'An organisation merges into one of its own kind.',
        );
      if (into.status === 'MERGED')
        throw invalid(
          'intoOrganizationId',
          'merged itself',
          'The successor has been merged into another one.',
        );
      if (org.kind === 'CENTRAL_UNION')
        throw invalid(
          'intoOrganizationId',
          'the central union does not merge',
          'The central union does not merge.',
        );

      const plans = org.kind === 'PROVINCIAL_UNION' ? await this.combinePlans(p, org, into) : [];
      const outcome = { usersMoved: await this.repo.moveUsers(org.id, into.id), plans };
      const at = this.clock.now();
      await this.repo.markMerged(org.id, into.id, dto.effectiveDate, p.userId, at, key ?? null, outcome);
      return this.outcome(org.id, into.id, outcome);
    });
  }

  private async outcome(id: string, intoId: string, outcome: MergeOutcome) {
    return {
      organization: await this.repo.organization(id),
      successor: await this.repo.organization(intoId),
      ...outcome,
    };
  }

  /** Each DRAFT / REVISION_REQUESTED plan of an OPEN cycle: copied into the successor's plan, then withdrawn. */
  private async combinePlans(p: Principal, org: OrganizationEntity, into: OrganizationEntity) {
    const out = [];
    const actor = actorOf(p);
    const keyOf = (...parts: string[]) => ['merge', org.id, ...parts].join(':');
    for (const plan of await this.repo.combinablePlans(org.id)) {
      let intoPlanId = await this.repo.lockLivePlan(plan.cycleId, into.id);
      if (!intoPlanId) {
        const cycle = await this.repo.cycle(plan.cycleId);
        intoPlanId = await this.commands.create(p, cycle, plan.title, plan.objectives, null, {
          organizationId: into.id,
          mergerOf: org.id,
        });
      }
      const targetId = intoPlanId;
      const source = org.provinceCode ?? org.code;
      let lines = 0;
      const activities = await this.repo.activitiesOf(plan.id);
      for (const a of activities) {
        await this.commands.edit(
          p,
          targetId,
          undefined,
          { kind: MERGER_EDIT_KIND, summary: a.title },
          async () => {
            const code = await this.freeCode(targetId, `${a.code}-${source}`);
            const position = await this.repo.nextPosition(targetId);
            const activityId = await this.repo.copyActivity(a, targetId, code, position, source);
            const copied = [];
            for (const l of await this.repo.linesOf(a.id)) {
              copied.push({
                budgetLineId: await this.repo.copyLine(l.id, activityId, targetId),
                fromBudgetLineId: l.id,
                amount: l.amount.toString(),
              });
            }
            lines += copied.length;
            return {
              details: {
                activityId,
                code,
                originalCode: a.code,
                sourceProvinceCode: source,
                fromOrganizationId: org.id,
                fromPlanId: plan.id,
                fromActivityId: a.id,
                budgetLines: copied,
              },
              result: activityId,
            };
          },
          keyOf(plan.id, a.id),
        );
      }
      await this.commands.dispatch(
        null,
        plan.id,
        { type: 'Withdraw', actor, reason: MERGER_WITHDRAW_REASON } as PlanCommand,
        keyOf(plan.id, 'withdraw'),
        actor,
      );
      out.push({
        mergedPlanId: plan.id,
        intoPlanId: targetId,
        activities: activities.length,
        budgetLines: lines,
      });
    }
    return out;
  }

  /** `wanted`, or the first of `wanted-2`, `wanted-3`, … not used in the plan (codes are unique per plan). */
  private async freeCode(planId: string, wanted: string): Promise<string> {
    const used = await this.repo.codesOf(planId);
    if (!used.has(wanted)) return wanted;
    for (let n = 2; ; n++) if (!used.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
  }

  async lineage(id: string) {
    const organization = await this.repo.organization(id);
    if (!organization) throw notFound('organization', id);
    const successorId = organization.status === 'MERGED' ? await this.repo.successorOf(id) : null;
    return {
      organization,
      predecessors: await this.repo.predecessorsOf(id),
      successor: successorId && successorId !== id ? await this.repo.organization(successorId) : null,
    };
  }

  /** The organisation a merged one counts under today (itself when not merged): for roll-ups. */
  successorOf(id: string): Promise<string | null> {
    return this.repo.successorOf(id);
  }
}
