import { Injectable } from '@nestjs/common';
import { DomainError, PlanCommand } from '@vufo/domain';
import { UserEntity } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { Tx } from '../common/transaction';
import { actorOf } from '../approval/actor';
import { PlanAccess } from '../approval/plan-access';
import { PlanCommands } from '../approval/plan-commands';
import { isCentral, Principal } from '../identity/principal';
import { DecisionDto, DelegationDto } from './reviews.dto';

/** An agency's inbox, its decisions on a plan's reviews, and an appraiser's delegations. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly access: PlanAccess,
    private readonly commands: PlanCommands,
  ) {}

  async inbox(p: Principal, status: string | undefined, limit: number) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (p.organizationKind === 'APPRAISAL_AGENCY')
      where.push(`r.agency_id = $${params.push(p.organizationId)}`);
    else if (!isCentral(p)) return { items: [], nextCursor: null };
    if (status) where.push(`r.status = $${params.push(status)}`);
    params.push(this.clock.now());
    const nowParam = `$${params.length}`;
    const items = await this.tx.em.query(
      `SELECT r.id, r.plan_id AS "planId", p.title AS "planTitle", p.organization_id AS "organizationId",
              o.name_vi AS "organizationName", r.stage, r.function, r.round, r.status, r.opened_at AS "openedAt",
              r.due_at AS "dueAt", (r.overdue OR (r.status = 'PENDING' AND r.due_at < ${nowParam})) AS overdue,
              r.agency_id AS "agencyId"
         FROM app.reviews r JOIN app.plans p ON p.id = r.plan_id JOIN app.organizations o ON o.id = p.organization_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.due_at, r.id LIMIT ${Math.min(Math.max(limit, 1), 500)}`,
      params,
    );
    return { items, nextCursor: null };
  }

  async decide(p: Principal, reviewId: string, dto: DecisionDto, key?: string) {
    return this.tx.run(async (em) => {
      const rows: { plan_id: string; agency_id: string }[] = await em.query(
        `SELECT plan_id, agency_id FROM app.reviews WHERE id = $1`,
        [reviewId],
      );
      const review = rows[0];
      if (!review || !(await this.access.canSee(p, review.plan_id))) throw notFound('review', reviewId);
      await em.query(`SELECT 1 FROM app.plans WHERE id = $1 FOR UPDATE`, [review.plan_id]);
      const actingFor = await this.commands.delegationFor(p);
      const actor = actorOf(p, actingFor);
      const decisionRecord =
        dto.decisionNumber || dto.decisionDate || dto.signer
          ? { number: dto.decisionNumber ?? '', date: dto.decisionDate ?? '', signer: dto.signer ?? '' }
          : undefined;
      const out = await this.commands.dispatch(
        p,
        review.plan_id,
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
      if (!out.replayed)
        await em.query(`UPDATE app.plans SET version = version + 1 WHERE id = $1`, [review.plan_id]);
      const [r] = await em.query(
        `SELECT id, plan_id AS "planId", round, stage, function, status, comment, decided_at AS "decidedAt",
                decided_by_name AS "decidedByName", acting_for_name AS "actingForName", lines FROM app.reviews WHERE id = $1`,
        [reviewId],
      );
      return r;
    });
  }

  async delegate(p: Principal, dto: DelegationDto) {
    if (p.organizationKind !== 'APPRAISAL_AGENCY' || !p.roles.includes('APPRAISER')) {
      throw new DomainError('FORBIDDEN', 'Only an appraiser delegates, to a colleague of the same agency.');
    }
    const to = await this.tx.em.getRepository(UserEntity).findOneBy({ id: dto.toUserId });
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
    const [row] = await this.tx.em.query(
      `INSERT INTO app.delegations (agency_id, from_user_id, to_user_id, valid_from, valid_to, reason) VALUES ($1,$2,$3,$4,$5,$6)
       RETURNING id, agency_id AS "agencyId", from_user_id AS "fromUserId", to_user_id AS "toUserId", valid_from AS "validFrom", valid_to AS "validTo", reason`,
      [p.organizationId, p.userId, to.id, from, until, dto.reason ?? null],
    );
    return { ...row, toDisplayName: to.displayName, fromDisplayName: p.displayName };
  }

  async delegations(p: Principal) {
    const items = await this.tx.em.query(
      `SELECT d.id, d.from_user_id AS "fromUserId", f.display_name AS "fromDisplayName", d.to_user_id AS "toUserId",
              t.display_name AS "toDisplayName", d.valid_from AS "validFrom", d.valid_to AS "validTo", d.reason, d.revoked_at AS "revokedAt"
         FROM app.delegations d JOIN app.users f ON f.id = d.from_user_id JOIN app.users t ON t.id = d.to_user_id
        WHERE d.agency_id = $1 ORDER BY d.valid_from DESC`,
      [p.organizationId],
    );
    return { items, nextCursor: null };
  }

  async revokeDelegation(p: Principal, id: string) {
    const res: [unknown[], number] = await this.tx.em.query(
      `UPDATE app.delegations SET revoked_at = now() WHERE id = $1 AND from_user_id = $2 AND revoked_at IS NULL`,
      [id, p.userId],
    );
    if (res[1] === 0) throw notFound('delegation', id);
  }
}
