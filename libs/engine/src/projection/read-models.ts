import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { notificationsFor, PlanState } from '@vufo/domain';
import type { Projected } from '../stream-writer';
import { Notifier, PendingNotice } from './notifier';

/**
 * Read models follow the machine's state inside the command's transaction: plan status and
 * flags, the reviews table (inboxes, visibility), immutable versions, approved amounts, and
 * notifications. They can always be rebuilt from the events.
 */
@Injectable()
export class ReadModels {
  constructor(private readonly notifier: Notifier) {}

  /** Batches of the same plan come oldest first; a plan's last state is what its rows show. */
  async project(em: EntityManager, written: Projected[]): Promise<void> {
    const latest = new Map<string, PlanState>();
    // A content edit changes only editCount/updatedAt in the state, which no plan column holds.
    for (const w of written)
      if (latest.has(w.planId) || !w.events.every((e) => e.type === 'ContentEdited'))
        latest.set(w.planId, w.state);
    await this.projectPlans(
      em,
      [...latest].map(([planId, state]) => ({ planId, state })),
    );
    const versions: unknown[] = [];
    const approved: { plan_id: string; id: string; amount: string; comment: string | null }[] = [];
    const notices: PendingNotice[] = [];
    for (const { planId, state, events, stored } of written) {
      for (const [i, e] of events.entries()) {
        if (e.type === 'PlanSubmitted')
          versions.push({
            plan_id: planId,
            version: e.version,
            submitted_at: e.submittedAt,
            submitted_by: stored[i]?.actorId ?? null,
            content: e.content,
          });
        if (e.type === 'PlanApproved')
          for (const l of approvedLines(state)) approved.push({ plan_id: planId, ...l });
        for (const intent of notificationsFor(e, state)) notices.push({ planId, event: stored[i], intent });
      }
    }
    if (versions.length)
      await em.query(
        `INSERT INTO app.plan_versions (plan_id, version, submitted_at, submitted_by, content)
         SELECT v.plan_id, v.version, v.submitted_at, v.submitted_by, v.content
           FROM jsonb_to_recordset($1::jsonb) AS v(plan_id uuid, version int, submitted_at timestamptz, submitted_by uuid, content jsonb)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(versions)],
      );
    if (approved.length)
      await em.query(
        `UPDATE app.budget_lines b SET approved_amount = a.amount::numeric, approval_comment = a.comment
           FROM jsonb_to_recordset($1::jsonb) AS a(plan_id uuid, id uuid, amount text, comment text)
          WHERE b.id = a.id AND b.plan_id = a.plan_id`,
        [JSON.stringify(approved)],
      );
    await this.notifier.enqueue(em, notices);
  }

  /** Plan columns and the reviews table from each plan's state: two statements for any number of plans. */
  async projectPlans(em: EntityManager, plans: { planId: string; state: PlanState }[]): Promise<void> {
    if (!plans.length) return;
    await em.query(
      `UPDATE app.plans p SET status = s.status, submitted_version = s.submitted_version, current_round = s.current_round,
              flags = s.flags, decision = s.decision, approved_total = s.approved_total
         FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, status text, submitted_version int, current_round int,
              flags jsonb, decision jsonb, approved_total numeric)
        WHERE p.id = s.id`,
      [
        JSON.stringify(
          plans.map(({ planId, state }) => {
            const s = state as PlanState & Record<string, unknown>;
            return {
              id: planId,
              status: state.status,
              submitted_version: s.version ?? 0,
              current_round: s.round ?? 0,
              flags: flagsOf(state),
              decision: s.decisionRecord ?? null,
              approved_total: approvedTotal(state),
            };
          }),
        ),
      ],
    );
    const reviews = plans.flatMap(({ planId, state }) =>
      (((state as PlanState & Record<string, unknown>).reviews as ReviewLike[] | undefined) ?? []).map((r) =>
        reviewRow(planId, r),
      ),
    );
    if (!reviews.length) return;
    await em.query(
      `INSERT INTO app.reviews (id, plan_id, round, stage, function, agency_id, status, opened_at, due_at, overdue,
                                decided_at, decided_by, decided_by_name, acting_for_name, comment, lines)
       SELECT r.id, r.plan_id, r.round, r.stage, r.function, r.agency_id, r.status, r.opened_at, r.due_at, r.overdue,
              r.decided_at, r.decided_by, r.decided_by_name, r.acting_for_name, r.comment, r.lines
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, plan_id uuid, round int, stage int, function text, agency_id uuid,
              status text, opened_at timestamptz, due_at timestamptz, overdue boolean, decided_at timestamptz, decided_by uuid,
              decided_by_name text, acting_for_name text, comment text, lines jsonb)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, overdue = EXCLUDED.overdue, decided_at = EXCLUDED.decided_at,
              decided_by = EXCLUDED.decided_by, decided_by_name = EXCLUDED.decided_by_name,
              acting_for_name = EXCLUDED.acting_for_name, comment = EXCLUDED.comment, lines = EXCLUDED.lines, due_at = EXCLUDED.due_at`,
      [JSON.stringify(reviews)],
    );
  }
}

interface ReviewLike {
  id: string;
  round: number;
  stage: number;
  function: string;
  agencyId: string;
  status: string;
  openedAt: string;
  dueAt: string;
  overdue?: boolean;
  decidedAt?: string;
  decidedBy?: { userId: string; displayName: string; actingFor?: { displayName: string } };
  comment?: string;
  lines?: unknown;
}

function reviewRow(planId: string, r: ReviewLike) {
  return {
    id: r.id,
    plan_id: planId,
    round: r.round,
    stage: r.stage,
    function: r.function,
    agency_id: r.agencyId,
    status: r.status,
    opened_at: r.openedAt,
    due_at: r.dueAt,
    overdue: Boolean(r.overdue),
    decided_at: r.decidedAt ?? null,
    decided_by: r.decidedBy?.userId ?? null,
    decided_by_name: r.decidedBy?.displayName ?? null,
    acting_for_name: r.decidedBy?.actingFor?.displayName ?? null,
    comment: r.comment ?? null,
    lines: r.lines ?? null,
  };
}

function flagsOf(state: PlanState): Record<string, unknown> {
  const s = state as unknown as Record<string, unknown>;
  return (s.flags as Record<string, unknown>) ?? {};
}

function approvedLines(state: PlanState): { id: string; amount: string; comment: string | null }[] {
  const s = state as unknown as {
    approvedAmounts?:
      Record<string, string> | { budgetLineId: string; approvedAmount: string; comment?: string }[];
  };
  const a = s.approvedAmounts;
  if (!a) return [];
  if (Array.isArray(a))
    return a.map((l) => ({ id: l.budgetLineId, amount: l.approvedAmount, comment: l.comment ?? null }));
  return Object.entries(a).map(([id, amount]) => ({ id, amount, comment: null }));
}

function approvedTotal(state: PlanState): string | null {
  const lines = approvedLines(state);
  if (!lines.length) return null;
  return lines.reduce((sum, l) => sum + BigInt(l.amount), 0n).toString();
}
