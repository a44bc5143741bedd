import { refusal } from './approval/payloads';
import { rolloutUnfinished } from './approval/rules';
import type { CommandOf, CycleStatus, OpenActivity, PlanStatus, Refusal, UserActor } from './approval/types';
import type { FieldError } from './errors';

/**
 * Closing a cycle (API.md "Consolidation": POST /api/cycles/:id/close). The cycle is not a stream
 * of its own: its status is a row the host moves (OPEN → IN_ROLLOUT → CLOSED), while each plan
 * moves to CLOSED through its own stream (ClosePlan). This is the cycle's rule, judged over every
 * plan before any plan is sent a command, so a refused close changes nothing anywhere.
 */

/** What the host read, under the cycle's lock, of one plan of the cycle. */
export interface ClosingPlanFact {
  planId: string;
  status: PlanStatus;
  /** Its activities neither DONE nor CANCELLED (only read for plans in rollout). */
  openActivities: OpenActivity[];
  /** Whether its annual report was accepted: always false until annual reports exist (issue 15). */
  annualReportAccepted: boolean;
}

/**
 * Plans still in the approval chain. DOMAIN.md says nothing of them at closing (only
 * IN_ROLLOUT --cycle closed--> CLOSED), and no command takes a plan from these statuses to
 * CLOSED, so the cycle does not close over them: their union withdraws a draft, the appraisal
 * finishes, an approved plan is consolidated and rolled out first. Terminal plans (REJECTED,
 * WITHDRAWN, CLOSED) stay as they are.
 */
export const PLAN_STATUSES_BLOCKING_CLOSE = [
  'DRAFT',
  'IN_APPRAISAL',
  'REVISION_REQUESTED',
  'APPROVED',
] as const satisfies readonly PlanStatus[];

/** At most this many field errors in a refusal: a national plan has thousands of activities. */
export const MAX_CLOSE_ERRORS = 100;

/** Why the cycle cannot close now, or null. Stable codes: INVALID_TRANSITION (409) for all. */
export function cycleCloseRefusal(
  cycleStatus: CycleStatus,
  plans: readonly ClosingPlanFact[],
): Refusal | null {
  if (cycleStatus === 'CLOSED') return refusal('INVALID_TRANSITION', 'The cycle is already closed.');
  if (cycleStatus !== 'IN_ROLLOUT')
    return refusal(
      'INVALID_TRANSITION',
      `The cycle is ${cycleStatus}: it closes only in rollout, after its national plan was approved.`,
    );
  const inChain = plans.filter((p) => (PLAN_STATUSES_BLOCKING_CLOSE as readonly string[]).includes(p.status));
  if (inChain.length)
    return refusal(
      'INVALID_TRANSITION',
      `${inChain.length} plan(s) of the cycle are still in the approval chain.`,
      capped(
        inChain.map((p) => ({
          field: `plans[${p.planId}].status`,
          message: `plan ${p.planId} is ${p.status}`,
        })),
      ),
    );
  const unfinished = plans.filter(
    (p) => p.status === 'IN_ROLLOUT' && rolloutUnfinished(p.openActivities, p.annualReportAccepted),
  );
  if (unfinished.length) {
    const open = unfinished.reduce((n, p) => n + p.openActivities.length, 0);
    return refusal(
      'INVALID_TRANSITION',
      `${open} activit${open === 1 ? 'y' : 'ies'} of ${unfinished.length} plan(s) in rollout are neither DONE nor CANCELLED, with no accepted annual report.`,
      capped(
        unfinished.flatMap((p) =>
          p.openActivities.map((a) => ({
            field: `plans[${p.planId}].activities[${a.activityId}].implementationStatus`,
            message: `activity ${a.code || a.activityId} is ${a.implementationStatus ?? 'not reported'}`,
          })),
        ),
      ),
    );
  }
  return null;
}

function capped(errors: FieldError[]): FieldError[] {
  if (errors.length <= MAX_CLOSE_ERRORS) return errors;
  return [
    ...errors.slice(0, MAX_CLOSE_ERRORS),
    { field: 'plans', message: `and ${errors.length - MAX_CLOSE_ERRORS} more` },
  ];
}

/**
 * The ClosePlan each plan in rollout receives, carrying the facts its guard judges. The host sends
 * them with the idempotency key `close:<cycleId>`, so a retried close is answered, not repeated.
 */
export function closeCommands(
  plans: readonly ClosingPlanFact[],
  actor: UserActor,
): { planId: string; command: CommandOf<'ClosePlan'> }[] {
  return plans
    .filter((p) => p.status === 'IN_ROLLOUT')
    .map((p) => ({
      planId: p.planId,
      command: {
        type: 'ClosePlan',
        actor,
        openActivities: p.openActivities,
        annualReportAccepted: p.annualReportAccepted,
      },
    }));
}

/** The idempotency key of the close a cycle sends each of its plans. */
export const closeKey = (cycleId: string) => `close:${cycleId}`;
