import { Injectable } from '@nestjs/common';
import { PlanEntity, prepared } from '@vufo/persistence';
import type { EntityManager } from 'typeorm';
import { Tx } from '../common/transaction';

/**
 * The SQL a command of the chain gathers its context with: the agencies that appraise a union,
 * the delegation a user acts under, and a plan's timers. Each takes the manager of the caller's
 * transaction (the request's by default; the worker's tests pass their own).
 */
@Injectable()
export class ApprovalRepository {
  constructor(private readonly tx: Tx) {}

  /** The union's extended submission deadline in the cycle (the latest grant), if a leader gave one. */
  async extendedDeadline(cycleId: string, organizationId: string): Promise<Date | null> {
    const rows: { newDeadline: Date }[] = await this.tx.em.query(
      `SELECT new_deadline AS "newDeadline" FROM app.submission_extensions
        WHERE cycle_id = $1 AND organization_id = $2 ORDER BY granted_at DESC, id LIMIT 1`,
      [cycleId, organizationId],
    );
    return rows[0]?.newDeadline ?? null;
  }

  /** A new plan's row, which its stream lives on; CreatePlan is dispatched right after, in the same transaction. */
  async insertPlan(
    row: Pick<PlanEntity, 'id' | 'cycleId' | 'organizationId' | 'title' | 'objectives'>,
  ): Promise<void> {
    await this.tx.em.getRepository(PlanEntity).insert(row);
  }

  /** The active appraisal agencies serving a union, by code: the first of each function appraises. */
  agenciesServing(
    unionId: string,
    em: EntityManager = this.tx.em,
  ): Promise<{ id: string; name_vi: string; function: string }[]> {
    return em.query(
      `SELECT id, name_vi, function FROM app.organizations
        WHERE kind = 'APPRAISAL_AGENCY' AND serves_organization_id = $1 AND status = 'ACTIVE' ORDER BY code`,
      [unionId],
    );
  }

  /** The appraiser of the same agency whose delegation to `userId` is in force at `at`, if any. */
  async delegatorOf(
    userId: string,
    agencyId: string,
    at: Date,
  ): Promise<{ user_id: string; display_name: string } | undefined> {
    const rows: { user_id: string; display_name: string }[] = await this.tx.em.query(
      `SELECT u.id AS user_id, u.display_name FROM app.delegations d JOIN app.users u ON u.id = d.from_user_id
        WHERE d.to_user_id = $1 AND d.agency_id = $2 AND d.revoked_at IS NULL
          AND d.valid_from <= $3 AND d.valid_to > $3 AND 'APPRAISER' = ANY(u.roles) AND u.organization_id = $2
        ORDER BY d.valid_from DESC LIMIT 1`,
      [userId, agencyId, at],
    );
    return rows[0];
  }

  /** A cycle's year: the date the norms are judged on (1 January of it) at submission. */
  async cycleYear(cycleId: string, em: EntityManager = this.tx.em): Promise<number> {
    const rows: { year: number }[] = await em.query(`SELECT year FROM app.cycles WHERE id = $1`, [cycleId]);
    return rows[0].year;
  }

  /** A plan's timers, earliest first: its deadlines as the plan view shows them. */
  timersOf(planId: string) {
    return prepared(
      this.tx.em,
      `SELECT key, timer, due_at AS "dueAt", fired_at AS "firedAt" FROM app.timers WHERE stream_id = $1 ORDER BY due_at`,
      [planId],
    );
  }
}
