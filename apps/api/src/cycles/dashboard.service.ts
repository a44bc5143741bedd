import { Injectable } from '@nestjs/common';
import { vndToJson } from '@vufo/domain';
import { CycleEntity, prepared } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';

const j = (v: string | null) => (v === null ? null : vndToJson(BigInt(v)));

/**
 * The central union's view of a cycle: every active provincial union with its live plan's status,
 * money requested / approved / spent, and what is overdue. Aggregated in SQL, one round trip each.
 * Used by CyclesService only (the dashboard is part of the cycles capability).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
  ) {}

  async dashboard(cycle: CycleEntity) {
    const cycleId = cycle.id;
    const em = this.tx.em;
    const now = this.clock.now();
    const [provinces, bySource, overdue] = await Promise.all([
      prepared(
        em,
        `WITH live AS (
           SELECT DISTINCT ON (p.organization_id) p.* FROM app.plans p
            WHERE p.cycle_id = $1 ORDER BY p.organization_id, (p.status IN ('REJECTED','WITHDRAWN')), p.created_at DESC),
         money AS (
           SELECT b.plan_id, sum(b.amount)::text AS requested, sum(b.approved_amount)::text AS approved
             FROM app.budget_lines b JOIN live ON live.id = b.plan_id GROUP BY b.plan_id),
         spent AS (
           SELECT a.plan_id, sum(a.actual_spend)::text AS spent,
                  count(*) FILTER (WHERE a.implementation_status = 'DONE')::int AS done, count(*)::int AS activities
             FROM app.activities a JOIN live ON live.id = a.plan_id GROUP BY a.plan_id),
         reviews AS (
           SELECT r.plan_id, count(*) FILTER (WHERE r.status = 'PENDING')::int AS pending,
                  count(*) FILTER (WHERE r.status = 'PENDING' AND (r.overdue OR r.due_at < $2))::int AS overdue,
                  min(r.due_at) FILTER (WHERE r.status = 'PENDING') AS next_due
             FROM app.reviews r JOIN live ON live.id = r.plan_id AND r.round = live.current_round GROUP BY r.plan_id)
         SELECT o.id AS "organizationId", o.code, o.name_vi AS "nameVi", o.name_en AS "nameEn", o.cluster,
                live.id AS "planId", live.title, COALESCE(live.status, 'NOT_STARTED') AS status, live.submitted_version AS "submittedVersion",
                live.flags, live.decision, live.machine_state->>'submissionDeadline' AS "submissionDeadline",
                money.requested, money.approved, spent.spent, spent.done, spent.activities,
                reviews.pending AS "pendingReviews", reviews.overdue AS "overdueReviews", reviews.next_due AS "nextReviewDue"
           FROM app.organizations o
           LEFT JOIN live ON live.organization_id = o.id
           LEFT JOIN money ON money.plan_id = live.id
           LEFT JOIN spent ON spent.plan_id = live.id
           LEFT JOIN reviews ON reviews.plan_id = live.id
          WHERE o.kind = 'PROVINCIAL_UNION' AND o.status = 'ACTIVE'
          ORDER BY o.cluster NULLS LAST, o.code`,
        [cycleId, now],
      ),
      prepared(
        em,
        `SELECT b.funding_source AS "fundingSource", sum(b.amount)::text AS requested, sum(b.approved_amount)::text AS approved
           FROM app.budget_lines b JOIN app.plans p ON p.id = b.plan_id
          WHERE p.cycle_id = $1 AND p.status NOT IN ('REJECTED','WITHDRAWN')
          GROUP BY 1 ORDER BY 1`,
        [cycleId],
      ),
      prepared(
        em,
        `SELECT r.plan_id AS "planId", o.name_vi AS "organizationName", 'REVIEW' AS kind, r.function, r.due_at AS "dueAt", a.name_vi AS "agencyName"
           FROM app.reviews r JOIN app.plans p ON p.id = r.plan_id JOIN app.organizations o ON o.id = p.organization_id
           JOIN app.organizations a ON a.id = r.agency_id
          WHERE p.cycle_id = $1 AND r.status = 'PENDING' AND (r.overdue OR r.due_at < $2)
         UNION ALL
         SELECT p.id, o.name_vi, 'SUBMISSION', NULL, (p.machine_state->>'submissionDeadline')::timestamptz, NULL
           FROM app.plans p JOIN app.organizations o ON o.id = p.organization_id
          WHERE p.cycle_id = $1 AND p.status = 'DRAFT' AND (p.machine_state->>'submissionDeadline')::timestamptz < $2
         ORDER BY 5`,
        [cycleId, now],
      ),
    ]);
    const counts: Record<string, number> = {};
    let requested = 0n;
    let approved = 0n;
    let spent = 0n;
    const rows = (provinces as Record<string, unknown>[]).map((r) => {
      counts[r.status as string] = (counts[r.status as string] ?? 0) + 1;
      requested += BigInt((r.requested as string) ?? '0');
      approved += BigInt((r.approved as string) ?? '0');
      spent += BigInt((r.spent as string) ?? '0');
      return {
        ...r,
        requested: j(r.requested as string | null),
        approved: j(r.approved as string | null),
        spent: j(r.spent as string | null),
        overdue: Boolean(
          (r.overdueReviews as number) > 0 || (r.flags as Record<string, unknown> | null)?.submissionOverdue,
        ),
      };
    });
    return {
      cycle,
      asOf: now.toISOString(),
      countsByStatus: counts,
      totals: {
        requested: vndToJson(requested),
        approved: vndToJson(approved),
        spent: vndToJson(spent),
        byFundingSource: (
          bySource as { fundingSource: string; requested: string; approved: string | null }[]
        ).map((s) => ({
          fundingSource: s.fundingSource,
          requested: j(s.requested),
          approved: j(s.approved),
        })),
      },
      provinces: rows,
      overdue,
    };
  }
}
