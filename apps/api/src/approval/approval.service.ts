import { Injectable } from '@nestjs/common';
import { decodeCursor, page, PageQuery, pageSize } from '../common/cursor';
import { diffContents, DomainError, PlanCommand, PlanContent } from '@vufo/domain';
import { readStream, verifyChain } from '@vufo/engine';
import { PlanEntity, UserEntity } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { CalendarService } from './calendar.service';
import { ExtensionDto } from '../cycles/cycles.dto';
import { isCentral, Principal } from '../identity/principal';
import { notFound, PlanAccess } from '../plans/plan-access';
import { actorOf } from './actor';
import { DecisionDto, DelegationDto } from './approval.dto';
import { PlanCommands } from './plan-commands';

/** Submissions, reviews and their decisions, extensions, delegations, and the audit history. */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly access: PlanAccess,
    private readonly commands: PlanCommands,
    private readonly calendar: CalendarService,
  ) {}

  async submit(p: Principal, planId: string, ifMatch: number | undefined, key?: string) {
    await this.commands.submit(p, planId, ifMatch, key);
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
  }

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

  async grantExtension(p: Principal, cycleId: string, dto: ExtensionDto, key?: string) {
    return this.tx.run(async (em) => {
      const plans: { id: string }[] = await em.query(
        `SELECT id FROM app.plans WHERE cycle_id = $1 AND organization_id = $2 AND status = 'DRAFT' FOR UPDATE`,
        [cycleId, dto.organizationId],
      );
      if (!plans.length)
        throw new DomainError('NOT_FOUND', 'That union has no plan awaiting submission in this cycle.');
      const newDeadline = this.calendar.endOfLocalDay(dto.newDeadline).toISOString();
      for (const plan of plans) {
        await this.commands.dispatch(
          p,
          plan.id,
          { type: 'GrantExtension', actor: actorOf(p), newDeadline, reason: dto.reason } as PlanCommand,
          key,
        );
      }
      return { planIds: plans.map((x) => x.id), newDeadline };
    });
  }

  async history(p: Principal, planId: string, q: PageQuery = {}) {
    await this.access.visiblePlan(p, planId);
    const after = Number(decodeCursor(q.cursor, ['int'])?.[0] ?? 0);
    // A plan's stream is hundreds of events at most: read it whole, page in memory.
    const events = (await readStream(this.tx.em, planId)).filter((e) => e.seq > after);
    const { items, nextCursor } = page(events, pageSize(q.limit, 500, 1000), (e) => [e.seq]);
    return {
      items: items.map((e) => ({
        seq: e.seq,
        type: e.type,
        occurredAt: e.occurredAt,
        actorId: e.actorId,
        actorName: e.actorName,
        actingForName: e.actingForName,
        organizationId: e.organizationId,
        payload: e.payload,
        hash: e.hash,
        prevHash: e.prevHash,
      })),
      nextCursor,
    };
  }

  async verify(p: Principal, planId: string) {
    await this.access.visiblePlan(p, planId);
    const verdict = verifyChain(await readStream(this.tx.em, planId));
    return verdict.valid
      ? { valid: true, events: verdict.events }
      : {
          valid: false,
          events: verdict.events,
          brokenAt: verdict.brokenAt.seq,
          reason: verdict.brokenAt.reason,
        };
  }

  async versions(p: Principal, planId: string) {
    await this.access.visiblePlan(p, planId);
    const items = await this.tx.em.query(
      `SELECT v.version, v.submitted_at AS "submittedAt", u.display_name AS "submittedBy", v.content
         FROM app.plan_versions v LEFT JOIN app.users u ON u.id = v.submitted_by WHERE plan_id = $1 ORDER BY version`,
      [planId],
    );
    return { items, nextCursor: null };
  }

  async diff(p: Principal, planId: string, version: number, against: number) {
    await this.access.visiblePlan(p, planId);
    const rows: { version: number; content: PlanContent }[] = await this.tx.em.query(
      `SELECT version, content FROM app.plan_versions WHERE plan_id = $1 AND version = ANY($2::int[])`,
      [planId, [version, against]],
    );
    const to = rows.find((r) => r.version === version);
    const from = rows.find((r) => r.version === against);
    if (!to || !from)
      throw new DomainError(
        'NOT_FOUND',
        `Plan ${planId} has no submitted version ${!to ? version : against}.`,
      );
    return { from: against, to: version, changes: diffContents(from.content, to.content) };
  }

  /**
   * The working copy against the last submitted version: what a resubmission would change. The
   * union sees it while revising; reviewers see the same list after the resubmission.
   */
  async workingChanges(p: Principal, planId: string) {
    const plan = await this.access.visiblePlan(p, planId);
    const [last]: { version: number; content: PlanContent }[] = await this.tx.em.query(
      `SELECT version, content FROM app.plan_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1`,
      [planId],
    );
    if (!last) throw new DomainError('NOT_FOUND', `Plan ${planId} has not been submitted yet.`);
    const current = await this.commands.contentOf(this.tx.em, plan);
    return { from: last.version, to: null, changes: diffContents(last.content, current) };
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

  planEntity(id: string) {
    return this.tx.em.getRepository(PlanEntity).findOneBy({ id });
  }
}
