import { Injectable } from '@nestjs/common';
import { DomainError, PlanCommand } from '@vufo/domain';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { Tx } from '../common/transaction';
import { actorOf } from '../approval/actor';
import { PlanAccess } from '../approval/plan-access';
import { PlanCommands } from '../approval/plan-commands';
import { isCentral, Principal } from '../identity/principal';
import { DecisionDto, DelegationDto } from './reviews.dto';
import { ReviewsRepository } from './reviews.repository';

/** An agency's inbox, its decisions on a plan's reviews, and an appraiser's delegations. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly access: PlanAccess,
    private readonly commands: PlanCommands,
    private readonly repo: ReviewsRepository,
  ) {}

  async inbox(p: Principal, status: string | undefined, limit: number) {
    const agency = p.organizationKind === 'APPRAISAL_AGENCY';
    if (!agency && !isCentral(p)) return { items: [], nextCursor: null };
    const items = await this.repo.inbox({
      agencyId: agency ? p.organizationId : undefined,
      status,
      now: this.clock.now(),
      limit,
    });
    return { items, nextCursor: null };
  }

  async decide(p: Principal, reviewId: string, dto: DecisionDto, key?: string) {
    return this.tx.run(async () => {
      const planId = await this.repo.planOf(reviewId);
      if (!planId || !(await this.access.canSee(p, planId))) throw notFound('review', reviewId);
      await this.access.lock(planId);
      const actingFor = await this.commands.delegationFor(p);
      const actor = actorOf(p, actingFor);
      const decisionRecord =
        dto.decisionNumber || dto.decisionDate || dto.signer
          ? { number: dto.decisionNumber ?? '', date: dto.decisionDate ?? '', signer: dto.signer ?? '' }
          : undefined;
      const out = await this.commands.dispatch(
        p,
        planId,
        {
          type: 'DecideReview',
          actor,
          reviewId,
          decision: dto.decision,
          comment: dto.comment,
          lines: dto.lines?.map((l) => ({
            budgetLineId: l.budgetLineId,
            approvedAmount: l.approvedAmount.toString(),
            comment: l.comment,
          })),
          decisionRecord,
        } as PlanCommand,
        key,
        actor,
      );
      if (!out.replayed) await this.access.nextVersion(planId);
      return this.repo.decided(reviewId);
    });
  }

  async delegate(p: Principal, dto: DelegationDto) {
    if (p.organizationKind !== 'APPRAISAL_AGENCY' || !p.roles.includes('APPRAISER')) {
      throw new DomainError('FORBIDDEN', 'Only an appraiser delegates, to a colleague of the same agency.');
    }
    const to = await this.repo.user(dto.toUserId);
    if (!to || to.organizationId !== p.organizationId || to.id === p.userId) {
      throw new DomainError('VALIDATION_FAILED', 'The delegate must be another user of your agency.', [
        { field: 'toUserId', message: 'not a colleague' },
      ]);
    }
    const from = new Date(dto.validFrom);
    const until = new Date(dto.validTo);
    if (!(until > from) || until <= this.clock.now()) {
      throw new DomainError('VALIDATION_FAILED', 'validTo must be after validFrom and in the future.', [
        { field: 'validTo', message: 'not after validFrom / now' },
      ]);
    }
    const row = await this.repo.insertDelegation({
      agencyId: p.organizationId,
      fromUserId: p.userId,
      toUserId: to.id,
      validFrom: from,
      validTo: until,
      reason: dto.reason,
    });
    return { ...row, toDisplayName: to.displayName, fromDisplayName: p.displayName };
  }

  async delegations(p: Principal) {
    return { items: await this.repo.delegationsOf(p.organizationId), nextCursor: null };
  }

  async revokeDelegation(p: Principal, id: string) {
    if (!(await this.repo.revokeDelegation(id, p.userId, this.clock.now()))) throw notFound('delegation', id);
  }
}
