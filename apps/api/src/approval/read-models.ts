import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { notificationsFor, PlanEvent, PlanState } from '@vufo/domain';
import { StoredEvent } from '@vufo/engine';
import { Notifier } from '../notifications/notifier';

/**
 * Read models follow the machine's state inside the command's transaction: plan status and
 * flags, the reviews table (inboxes, visibility), immutable versions, approved amounts, and
 * notifications. They can always be rebuilt from the events.
 */
@Injectable()
export class ReadModels {
  private readonly log = new Logger('ReadModels');

  constructor(private readonly notifier: Notifier) {}

  async project(
    em: EntityManager,
    planId: string,
    state: PlanState,
    events: PlanEvent[],
    stored: StoredEvent[],
  ): Promise<void> {
    // A content edit changes only editCount/updatedAt in the state, which no plan column holds.
    if (!events.every((e) => e.type === 'ContentEdited')) await this.projectPlan(em, planId, state);
    for (const [i, e] of events.entries()) {
      if (e.type === 'PlanSubmitted') {
        await em.query(
          `INSERT INTO app.plan_versions (plan_id, version, submitted_at, submitted_by, content) VALUES ($1,$2,$3,$4,$5)
           ON CONFLICT DO NOTHING`,
          [planId, e.version, e.submittedAt, stored[i]?.actorId ?? null, JSON.stringify(e.content)],
        );
      }
      if (e.type === 'PlanApproved') {
        await em.query(
          `UPDATE app.budget_lines b SET approved_amount = a.amount::numeric, approval_comment = a.comment
             FROM jsonb_to_recordset($2::jsonb) AS a(id uuid, amount text, comment text)
            WHERE b.id = a.id AND b.plan_id = $1`,
          [planId, JSON.stringify(approvedLines(state))],
        );
      }
      const intents = notificationsFor(e, state);
      if (intents.length) await this.notifier.enqueue(em, planId, stored[i], intents);
    }
  }

  async projectPlan(em: EntityManager, planId: string, state: PlanState): Promise<void> {
    const s = state as PlanState & Record<string, unknown>;
    await em.query(
      `UPDATE app.plans SET status = $2, submitted_version = $3, current_round = $4, flags = $5, decision = $6,
              approved_total = $7 WHERE id = $1`,
      [
        planId,
        state.status,
        s.version ?? 0,
        s.round ?? 0,
        JSON.stringify(flagsOf(state)),
        JSON.stringify(s.decisionRecord ?? null),
        approvedTotal(state),
      ],
    );
    const reviews = (s.reviews as ReviewLike[] | undefined) ?? [];
    if (reviews.length) {
      await em.query(
        `INSERT INTO app.reviews (id, plan_id, round, stage, function, agency_id, status, opened_at, due_at, overdue,
                                  decided_at, decided_by, decided_by_name, acting_for_name, comment, lines)
         SELECT r.id, $1, r.round, r.stage, r.function, r.agency_id, r.status, r.opened_at, r.due_at, r.overdue,
                r.decided_at, r.decided_by, r.decided_by_name, r.acting_for_name, r.comment, r.lines
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, round int, stage int, function text, agency_id uuid, status text,
                opened_at timestamptz, due_at timestamptz, overdue boolean, decided_at timestamptz, decided_by uuid,
                decided_by_name text, acting_for_name text, comment text, lines jsonb)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, overdue = EXCLUDED.overdue, decided_at = EXCLUDED.decided_at,
                decided_by = EXCLUDED.decided_by, decided_by_name = EXCLUDED.decided_by_name,
                acting_for_name = EXCLUDED.acting_for_name, comment = EXCLUDED.comment, lines = EXCLUDED.lines, due_at = EXCLUDED.due_at`,
        [planId, JSON.stringify(reviews.map(reviewRow))],
      );
    }
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

function reviewRow(r: ReviewLike) {
  return {
    id: r.id,
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
