import { Injectable } from '@nestjs/common';
import { PlanState } from '@vufo/domain';
import type { LockedHead } from '@vufo/engine';
import { ActivityEntity, BudgetLineEntity, PlanEntity, prepared, readRows } from '@vufo/persistence';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors';
import { groupBy } from '../common/group';
import { Clock } from '../common/clock';
import { assertVersion } from '../common/if-match';
import { Tx } from '../common/transaction';
import { isCentral, Principal } from '../identity/principal';

/**
 * A live plan (over alias `alias`): not rejected or withdrawn. A union has one per cycle (the
 * `plans_one_live_per_union` index); the dashboard shows it.
 */
export function livePlanSql(alias: string): string {
  return `${alias}.status NOT IN ('REJECTED','WITHDRAWN')`;
}

/**
 * Every change to a plan moves its version on (If-Match compares against it) and stamps
 * `updated_at` from the Clock, whose parameter is `$<nowParam>`.
 */
function bumpSql(nowParam: number): string {
  return `version = p.version + 1, updated_at = $${nowParam}`;
}

/**
 * Who sees which plan (DOMAIN.md): a union sees its own plans; an agency sees the plans routed to
 * it (a review of the plan was opened for it); central roles see all. Invisible is 404, never 403,
 * so a user cannot probe which plans exist.
 */
@Injectable()
export class PlanAccess {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
  ) {}

  /** SQL predicate over alias `p` with the principal's parameters appended to `params`. */
  visibleSql(p: Principal, params: unknown[]): string {
    if (isCentral(p)) return 'TRUE';
    if (p.organizationKind === 'PROVINCIAL_UNION') {
      params.push(p.organizationId);
      return `p.organization_id = $${params.length}`;
    }
    if (p.organizationKind === 'APPRAISAL_AGENCY') {
      params.push(p.organizationId);
      return `EXISTS (SELECT 1 FROM app.reviews r WHERE r.plan_id = p.id AND r.agency_id = $${params.length})`;
    }
    return 'FALSE';
  }

  /** visibleSql for a query builder whose plan alias is `p`: named parameters. */
  visibleWhere(p: Principal): [string, Record<string, unknown>] {
    const params: unknown[] = [];
    const sql = this.visibleSql(p, params).replace(/\$(\d+)/g, (_, n: string) => `:visible${n}`);
    return [sql, Object.fromEntries(params.map((v, i) => [`visible${i + 1}`, v]))];
  }

  async canSee(p: Principal, planId: string): Promise<boolean> {
    const params: unknown[] = [planId];
    const rows: unknown[] = await this.tx.em.query(
      `SELECT 1 FROM app.plans p WHERE p.id = $1 AND ${this.visibleSql(p, params)}`,
      params,
    );
    return rows.length > 0;
  }

  async visiblePlan(p: Principal, planId: string, lock = false): Promise<PlanEntity> {
    // One statement: the row and its visibility together (a command's hot path, bench/README).
    const q = this.tx.em
      .getRepository(PlanEntity)
      .createQueryBuilder('p')
      .where('p.id = :planId', { planId })
      .andWhere(...this.visibleWhere(p));
    if (lock) q.setLock('pessimistic_write', undefined, ['p']);
    const plan = await q.getOne();
    if (!plan) throw notFound('plan', planId);
    return plan;
  }

  /**
   * A content command's start: bumps the version of a plan the principal sees, which also locks
   * its row for the transaction, and checks If-Match against the version before the bump. One
   * statement instead of lock, visibility check and update (the edit path runs ~450 times a plan).
   */
  async bumpVersion(p: Principal, planId: string, ifMatch: number | undefined): Promise<BumpedPlan> {
    const params: unknown[] = [planId];
    const visible = this.visibleSql(p, params);
    params.push(this.clock.now());
    const rows = await prepared<{
      id: string;
      version: number;
      organization_id: string;
      cycle_id: string;
      cycle_year: number;
      machine_state: PlanState | null;
      stream_seq: number;
      stream_hash: string | null;
    }>(
      this.tx.em,
      `UPDATE app.plans p SET ${bumpSql(params.length)}
          WHERE p.id = $1 AND ${visible}
          RETURNING p.id, p.version, p.organization_id, p.cycle_id, p.machine_state, p.stream_seq, p.stream_hash,
                    (SELECT c.year FROM app.cycles c WHERE c.id = p.cycle_id) AS cycle_year`,
      params,
    );
    const row = rows[0];
    if (!row) throw notFound('plan', planId);
    assertVersion(row.version - 1, ifMatch);
    return {
      id: row.id,
      version: row.version,
      organizationId: row.organization_id,
      cycleId: row.cycle_id,
      cycleYear: row.cycle_year,
      head: { state: row.machine_state, seq: row.stream_seq, hash: row.stream_hash },
    };
  }

  /** Moves the version of a plan whose row the caller has locked or just changed on; the new version. */
  async nextVersion(planId: string): Promise<number> {
    const [row] = await prepared<{ version: number }>(
      this.tx.em,
      `UPDATE app.plans p SET ${bumpSql(2)} WHERE p.id = $1 RETURNING p.version`,
      [planId, this.clock.now()],
    );
    return row.version;
  }

  /** Locks a plan's row for the transaction: commands on one plan run one after another. */
  async lock(planId: string): Promise<void> {
    await prepared(this.tx.em, `SELECT 1 FROM app.plans WHERE id = $1 FOR UPDATE`, [planId]);
  }
}

/** A plan whose version a content command has just moved on (its row locked until commit). */
export interface BumpedPlan {
  id: string;
  /** The new version, what the response reports. */
  version: number;
  organizationId: string;
  cycleId: string;
  cycleYear: number;
  /** The stream head, read under the lock the bump took: the edit's command needs no second read. */
  head: LockedHead;
}

/**
 * A plan's activities in plan order, each with its budget lines in order: the one read behind a
 * plan's view and its submission snapshot.
 */
export async function planContentRows(
  em: EntityManager,
  planId: string,
): Promise<{ activities: ActivityEntity[]; linesOf: Map<string, BudgetLineEntity[]> }> {
  const [activities, lines] = await Promise.all([
    readRows(em, ActivityEntity, 'a', 'WHERE a.plan_id = $1 ORDER BY a.position, a.created_at', [planId]),
    readRows(em, BudgetLineEntity, 'b', 'WHERE b.plan_id = $1 ORDER BY b.position, b.created_at', [planId]),
  ]);
  return { activities, linesOf: groupBy(lines, (l) => l.activityId) };
}
