import { Injectable } from '@nestjs/common';
import type { ClosingPlanFact, CycleCheckpoint, CycleStatus } from '@vufo/domain';
import { CycleEntity, prepared } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { livePlanSql } from '../approval/plan-access';

/** The cycles capability's SQL: cycle rows, the plans an extension reaches, and the dashboard's aggregates. */
@Injectable()
export class CyclesRepository {
  constructor(private readonly tx: Tx) {}

  get(id: string): Promise<CycleEntity | null> {
    return this.tx.em.getRepository(CycleEntity).findOneBy({ id });
  }

  byYear(year: number): Promise<CycleEntity | null> {
    return this.tx.em.getRepository(CycleEntity).findOneBy({ year });
  }

  list(): Promise<CycleEntity[]> {
    return this.tx.em.getRepository(CycleEntity).find({ order: { year: 'DESC' } });
  }

  insert(values: Partial<CycleEntity>): Promise<CycleEntity> {
    const repo = this.tx.em.getRepository(CycleEntity);
    return repo.save(repo.create(values));
  }

  /** The cycle's row locked for the transaction: commands on the whole cycle are serialised by it. */
  async lockCycle(id: string): Promise<{ id: string; status: CycleStatus } | undefined> {
    const [row]: { id: string; status: CycleStatus }[] = await this.tx.em.query(
      `SELECT id, status FROM app.cycles WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /**
   * What closing the cycle judges, for each of its plans: its status and, for a plan in rollout,
   * its activities neither DONE nor CANCELLED. The plans in rollout are locked first (progress
   * reports lock the same rows), so no activity reopens between this read and the plans' close.
   * Annual reports do not exist yet (issue 15): `annualReportAccepted` is false until they do.
   */
  async closingFacts(cycleId: string): Promise<ClosingPlanFact[]> {
    await this.tx.em.query(
      `SELECT id FROM app.plans WHERE cycle_id = $1 AND status = 'IN_ROLLOUT' ORDER BY id FOR UPDATE`,
      [cycleId],
    );
    return this.tx.em.query(
      `SELECT p.id AS "planId", p.status,
              COALESCE(json_agg(json_build_object('activityId', a.id, 'code', a.code,
                                                  'implementationStatus', a.implementation_status)
                                ORDER BY a.position, a.created_at) FILTER (WHERE a.id IS NOT NULL), '[]') AS "openActivities",
              false AS "annualReportAccepted"
         FROM app.plans p
         LEFT JOIN app.activities a
           ON a.plan_id = p.id AND p.status = 'IN_ROLLOUT'
          AND (a.implementation_status IS NULL OR a.implementation_status NOT IN ('DONE', 'CANCELLED'))
        WHERE p.cycle_id = $1
        GROUP BY p.id, p.status
        ORDER BY p.id`,
      [cycleId],
    );
  }

  /** The cycle's last move: IN_ROLLOUT → CLOSED. */
  async markClosed(id: string): Promise<void> {
    await this.tx.em.query(
      `UPDATE app.cycles SET status = 'CLOSED', version = version + 1 WHERE id = $1 AND status = 'IN_ROLLOUT'`,
      [id],
    );
  }

  /** The cycle's own calendar, as the embedded timer poller reads it (app.cycle_checkpoints). */
  async insertCheckpoints(cycleId: string, checkpoints: CycleCheckpoint[]): Promise<void> {
    if (!checkpoints.length) return;
    await this.tx.em.query(
      `INSERT INTO app.cycle_checkpoints (cycle_id, key, kind, due_at)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[]) ON CONFLICT DO NOTHING`,
      [
        cycleId,
        checkpoints.map((c) => c.key),
        checkpoints.map((c) => c.kind),
        checkpoints.map((c) => c.dueAt),
      ],
    );
  }

  /** A union's plans still awaiting submission in a cycle, locked for the transaction. */
  async lockDraftPlans(cycleId: string, organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.em.query(
      `SELECT id FROM app.plans WHERE cycle_id = $1 AND organization_id = $2 AND status = 'DRAFT' FOR UPDATE`,
      [cycleId, organizationId],
    );
    return rows.map((r) => r.id);
  }

  /** Whether the union has a live plan (any status but rejected or withdrawn) in the cycle. */
  async hasLivePlan(cycleId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.em.query(
      `SELECT 1 FROM app.plans p WHERE p.cycle_id = $1 AND p.organization_id = $2 AND ${livePlanSql('p')} LIMIT 1`,
      [cycleId, organizationId],
    );
    return rows.length > 0;
  }

  /** An active provincial union by id, locked so two extensions for it are granted one after the other. */
  async lockProvincialUnion(organizationId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.em.query(
      `SELECT 1 FROM app.organizations WHERE id = $1 AND kind = 'PROVINCIAL_UNION' AND status = 'ACTIVE' FOR UPDATE`,
      [organizationId],
    );
    return rows.length > 0;
  }

  /** The union's extension in force in the cycle (the latest grant), if any. */
  async latestExtension(
    cycleId: string,
    organizationId: string,
  ): Promise<{ newDeadline: Date; reason: string } | null> {
    const rows: { newDeadline: Date; reason: string }[] = await this.tx.em.query(
      `SELECT new_deadline AS "newDeadline", reason FROM app.submission_extensions
        WHERE cycle_id = $1 AND organization_id = $2 ORDER BY granted_at DESC, id LIMIT 1`,
      [cycleId, organizationId],
    );
    return rows[0] ?? null;
  }

  /** Records a grant: who, when, why, the new deadline. */
  async insertExtension(row: {
    cycleId: string;
    organizationId: string;
    newDeadline: string;
    reason: string;
    grantedBy: string;
    grantedAt: Date;
  }): Promise<void> {
    await this.tx.em.query(
      `INSERT INTO app.submission_extensions (cycle_id, organization_id, new_deadline, reason, granted_by, granted_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.cycleId, row.organizationId, row.newDeadline, row.reason, row.grantedBy, row.grantedAt],
    );
  }

  /**
   * Every active provincial union with its live plan (or its latest, if none is live): status,
   * money requested / approved / spent, reviews pending and overdue at `now`.
   */
  provinces(cycleId: string, now: Date) {
    return prepared<Record<string, unknown>>(
      this.tx.em,
      `WITH live AS (
         SELECT DISTINCT ON (p.organization_id) p.* FROM app.plans p
          WHERE p.cycle_id = $1 ORDER BY p.organization_id, (NOT ${livePlanSql('p')}), p.created_at DESC),
       money AS (
         SELECT b.plan_id, sum(b.amount)::text AS requested, sum(b.approved_amount)::text AS approved
           FROM app.budget_lines b JOIN live ON live.id = b.plan_id GROUP BY b.plan_id),
       spent AS (
         SELECT a.plan_id, sum(a.actual_spend)::text AS spent,
                count(*) FILTER (WHERE a.implementation_status = 'DONE')::int AS done, count(*)::int AS activities
           FROM app.activities a JOIN live ON live.id = a.plan_id GROUP BY a.plan_id),
       ext AS (
         SELECT DISTINCT ON (e.organization_id) e.organization_id, e.new_deadline FROM app.submission_extensions e
          WHERE e.cycle_id = $1 ORDER BY e.organization_id, e.granted_at DESC, e.id),
       reviews AS (
         SELECT r.plan_id, count(*) FILTER (WHERE r.status = 'PENDING')::int AS pending,
                count(*) FILTER (WHERE r.status = 'PENDING' AND (r.overdue OR r.due_at < $2))::int AS overdue,
                min(r.due_at) FILTER (WHERE r.status = 'PENDING') AS next_due
           FROM app.reviews r JOIN live ON live.id = r.plan_id AND r.round = live.current_round GROUP BY r.plan_id)
       SELECT o.id AS "organizationId", o.code, o.name_vi AS "nameVi", o.name_en AS "nameEn", o.cluster,
              live.id AS "planId", live.title, COALESCE(live.status, 'NOT_STARTED') AS status, live.submitted_version AS "submittedVersion",
              live.flags, live.decision, 
              COALESCE(live.machine_state->>'submissionDeadline',
                       to_char(ext.new_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS "submissionDeadline",
              money.requested, money.approved, spent.spent, spent.done, spent.activities,
              reviews.pending AS "pendingReviews", reviews.overdue AS "overdueReviews", reviews.next_due AS "nextReviewDue"
         FROM app.organizations o
         LEFT JOIN live ON live.organization_id = o.id
         LEFT JOIN money ON money.plan_id = live.id
         LEFT JOIN spent ON spent.plan_id = live.id
         LEFT JOIN reviews ON reviews.plan_id = live.id
         LEFT JOIN ext ON ext.organization_id = o.id
        WHERE o.kind = 'PROVINCIAL_UNION' AND o.status = 'ACTIVE'
        ORDER BY o.cluster NULLS LAST, o.code`,
      [cycleId, now],
    );
  }

  /**
   * Requested and approved money of the cycle's live plans by funding source; `submittedRequested`
   * counts submitted plans only (an unsubmitted draft's request is not yet before any reviewer),
   * the base of an approval rate.
   */
  bySource(cycleId: string) {
    return prepared<{
      fundingSource: string;
      requested: string;
      submittedRequested: string | null;
      approved: string | null;
    }>(
      this.tx.em,
      `SELECT b.funding_source AS "fundingSource", sum(b.amount)::text AS requested,
              sum(b.amount) FILTER (WHERE p.status <> 'DRAFT')::text AS "submittedRequested",
              sum(b.approved_amount)::text AS approved
         FROM app.budget_lines b JOIN app.plans p ON p.id = b.plan_id
        WHERE p.cycle_id = $1 AND ${livePlanSql('p')}
        GROUP BY 1 ORDER BY 1`,
      [cycleId],
    );
  }

  /** Reviews and submissions past their due time at `now`, earliest first. */
  overdue(cycleId: string, now: Date) {
    return prepared(
      this.tx.em,
      `SELECT r.plan_id AS "planId", o.name_vi AS "organizationName", o.name_en AS "organizationNameEn", 'REVIEW' AS kind, r.function, r.due_at AS "dueAt", a.name_vi AS "agencyName", a.name_en AS "agencyNameEn"
         FROM app.reviews r JOIN app.plans p ON p.id = r.plan_id JOIN app.organizations o ON o.id = p.organization_id
         JOIN app.organizations a ON a.id = r.agency_id
        WHERE p.cycle_id = $1 AND r.status = 'PENDING' AND (r.overdue OR r.due_at < $2)
       UNION ALL
       SELECT p.id, o.name_vi, o.name_en, 'SUBMISSION', NULL, (p.machine_state->>'submissionDeadline')::timestamptz, NULL, NULL
         FROM app.plans p JOIN app.organizations o ON o.id = p.organization_id
        WHERE p.cycle_id = $1 AND p.status = 'DRAFT' AND (p.machine_state->>'submissionDeadline')::timestamptz < $2
       ORDER BY 6`,
      [cycleId, now],
    );
  }
}
