import { Injectable } from '@nestjs/common';
import { UserEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';

export interface InboxFilter {
  /** An agency's own reviews; undefined: every agency's (central roles). */
  agencyId?: string;
  status?: string;
  /** What is pending past this instant counts as overdue. */
  now: Date;
  limit: number;
}

export interface NewDelegation {
  agencyId: string;
  fromUserId: string;
  toUserId: string;
  validFrom: Date;
  validTo: Date;
  reason: string | null;
}

export interface DelegationRow extends NewDelegation {
  id: string;
}

/** The reviews capability's SQL: the review rows an inbox lists and a decision reads, and delegations. */
@Injectable()
export class ReviewsRepository {
  constructor(private readonly tx: Tx) {}

  inbox(f: InboxFilter): Promise<Record<string, unknown>[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (f.agencyId) where.push(`r.agency_id = $${params.push(f.agencyId)}`);
    if (f.status) where.push(`r.status = $${params.push(f.status)}`);
    const nowParam = `$${params.push(f.now)}`;
    return this.tx.em.query(
      `SELECT r.id, r.plan_id AS "planId", p.title AS "planTitle", p.organization_id AS "organizationId",
              o.name_vi AS "organizationName", r.stage, r.function, r.round, r.status, r.opened_at AS "openedAt",
              r.due_at AS "dueAt", (r.overdue OR (r.status = 'PENDING' AND r.due_at < ${nowParam})) AS overdue,
              r.agency_id AS "agencyId"
         FROM app.reviews r JOIN app.plans p ON p.id = r.plan_id JOIN app.organizations o ON o.id = p.organization_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.due_at, r.id LIMIT ${Math.min(Math.max(f.limit, 1), 500)}`,
      params,
    );
  }

  /** The plan a review belongs to, or undefined. */
  async planOf(reviewId: string): Promise<string | undefined> {
    const rows: { plan_id: string }[] = await this.tx.em.query(
      `SELECT plan_id FROM app.reviews WHERE id = $1`,
      [reviewId],
    );
    return rows[0]?.plan_id;
  }

  /** A review as its decision's answer shows it. */
  async decided(reviewId: string): Promise<Record<string, unknown>> {
    const [r] = await this.tx.em.query(
      `SELECT id, plan_id AS "planId", round, stage, function, status, comment, decided_at AS "decidedAt",
              decided_by_name AS "decidedByName", acting_for_name AS "actingForName", lines FROM app.reviews WHERE id = $1`,
      [reviewId],
    );
    return r;
  }

  user(id: string): Promise<UserEntity | null> {
    return this.tx.em.getRepository(UserEntity).findOneBy({ id });
  }

  async insertDelegation(d: NewDelegation): Promise<DelegationRow> {
    const [row]: DelegationRow[] = await this.tx.em.query(
      `INSERT INTO app.delegations (agency_id, from_user_id, to_user_id, valid_from, valid_to, reason) VALUES ($1,$2,$3,$4,$5,$6)
       RETURNING id, agency_id AS "agencyId", from_user_id AS "fromUserId", to_user_id AS "toUserId", valid_from AS "validFrom", valid_to AS "validTo", reason`,
      [d.agencyId, d.fromUserId, d.toUserId, d.validFrom, d.validTo, d.reason],
    );
    return row;
  }

  delegationsOf(agencyId: string): Promise<Record<string, unknown>[]> {
    return this.tx.em.query(
      `SELECT d.id, d.from_user_id AS "fromUserId", f.display_name AS "fromDisplayName", d.to_user_id AS "toUserId",
              t.display_name AS "toDisplayName", d.valid_from AS "validFrom", d.valid_to AS "validTo", d.reason, d.revoked_at AS "revokedAt"
         FROM app.delegations d JOIN app.users f ON f.id = d.from_user_id JOIN app.users t ON t.id = d.to_user_id
        WHERE d.agency_id = $1 ORDER BY d.valid_from DESC`,
      [agencyId],
    );
  }

  /** Revokes the user's own active delegation at `at`; false if there is none. */
  async revokeDelegation(id: string, fromUserId: string, at: Date): Promise<boolean> {
    const res: [unknown[], number] = await this.tx.em.query(
      `UPDATE app.delegations SET revoked_at = $3 WHERE id = $1 AND from_user_id = $2 AND revoked_at IS NULL`,
      [id, fromUserId, at],
    );
    return res[1] > 0;
  }
}
