import { PLAN_STATUSES } from './types';
import type { PlanCommandType, PlanStatus, Role } from './types';

/**
 * Who may send a command:
 * - `plan-union`: a user of the plan's own union holding one of `roles`;
 * - `command-union`: a user of the union named in the command (CreatePlan);
 * - `review-agency`: a user of the agency the review is assigned to, never of the plan's union
 *   (checked by decide once the review is found);
 * - `central`: any user holding one of `roles` (central roles; the host only gives them to central staff);
 * - `system`: the host's timers.
 */
export type Permission =
  | {
      actor: 'user';
      roles: readonly Role[];
      scope: 'plan-union' | 'command-union' | 'review-agency' | 'central';
    }
  | { actor: 'system' };

export interface TransitionRule {
  /** Statuses the command is accepted in; 'NONE' = the stream does not exist yet. */
  from: readonly (PlanStatus | 'NONE')[];
  who: Permission;
  /** Statuses the plan can be in afterwards (documentation; decide computes it). Absent = unchanged. */
  to?: readonly PlanStatus[];
}

const user = (
  scope: 'plan-union' | 'command-union' | 'review-agency' | 'central',
  ...roles: Role[]
): Permission => ({
  actor: 'user',
  roles,
  scope,
});
const EDITABLE = ['DRAFT', 'REVISION_REQUESTED'] as const;

/**
 * The approval chain as one table: command × from-status -> allowed, by whom. Terminal statuses
 * (REJECTED, WITHDRAWN, CLOSED) accept nothing but DeadlineReached, which is then a no-op.
 * ADMIN administers (users, norms, cycles) but holds no place in the chain.
 */
export const PLAN_TRANSITIONS: { readonly [K in PlanCommandType]: TransitionRule } = {
  CreatePlan: { from: ['NONE'], who: user('command-union', 'PLAN_EDITOR'), to: ['DRAFT'] },
  EditContent: { from: EDITABLE, who: user('plan-union', 'PLAN_EDITOR') },
  Submit: { from: EDITABLE, who: user('plan-union', 'PLAN_SUBMITTER'), to: ['IN_APPRAISAL'] },
  Withdraw: { from: EDITABLE, who: user('plan-union', 'PLAN_SUBMITTER'), to: ['WITHDRAWN'] },
  DecideReview: {
    from: ['IN_APPRAISAL'],
    who: user('review-agency', 'APPRAISER'),
    to: ['IN_APPRAISAL', 'REVISION_REQUESTED', 'APPROVED', 'REJECTED'],
  },
  GrantExtension: { from: ['DRAFT'], who: user('central', 'LEADER') },
  DeadlineReached: { from: PLAN_STATUSES, who: { actor: 'system' } },
  StartRollout: { from: ['APPROVED'], who: user('central', 'CONSOLIDATOR', 'LEADER'), to: ['IN_ROLLOUT'] },
  RecordRolloutReport: { from: ['IN_ROLLOUT'], who: user('plan-union', 'PLAN_SUBMITTER') },
  ClosePlan: { from: ['IN_ROLLOUT'], who: user('central', 'CONSOLIDATOR'), to: ['CLOSED'] },
};

/** Every status from which a plan never moves again. */
export function isTerminal(status: PlanStatus): boolean {
  return status === 'REJECTED' || status === 'WITHDRAWN' || status === 'CLOSED';
}
