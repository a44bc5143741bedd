import { localDateOf, toEpochMs } from '../calendar';
import { tryParseVnd } from '../money';
import { isObject, refusal, routedAgencies } from './payloads';
import { PLAN_STATUSES } from './types';
import type {
  CommandOf,
  DecideContext,
  PlanCommand,
  PlanCommandType,
  PlanState,
  PlanStatus,
  Refusal,
  Review,
  Role,
  StateFor,
  UserActor,
} from './types';

/**
 * Who may send a command:
 * - `plan-union`: a user of the plan's own union holding one of `roles`;
 * - `command-union`: a user of the union named in the command (CreatePlan);
 * - `review-agency`: a user holding one of `roles`; the review's guards then require the agency
 *   the review is assigned to, never the plan's own union;
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

/**
 * A veto, in the spirit of a transition hook: null lets the command through, a refusal stops it
 * with a stable code. Pure; a command's guards run in the order the table lists them.
 */
export type Guard<T extends PlanCommandType> = (state: StateFor<T>, command: CommandOf<T>) => Refusal | null;

/** A veto on a well-formed payload; it may depend on the time the command is decided at. */
export type PayloadGuard<T extends PlanCommandType> = (
  state: StateFor<T>,
  command: CommandOf<T>,
  ctx: DecideContext,
) => Refusal | null;

export interface TransitionRule<T extends PlanCommandType> {
  /** Statuses the command is accepted in; 'NONE' = the stream does not exist yet. */
  from: readonly (PlanStatus | 'NONE')[];
  who: Permission;
  /** Vetoes on what the command targets and the facts it carries: after `who`, before the status. */
  guards?: readonly Guard<T>[];
  /** Vetoes on the well-formed payload (payloads.ts): after the status and the payload's shape. */
  payloadGuards?: readonly PayloadGuard<T>[];
  /** Statuses the plan can be in once the command is accepted. Absent = unchanged. */
  to?: readonly PlanStatus[];
  /**
   * A province merger (DOMAIN.md): an ADMIN, whom `who` does not admit, may send the command when
   * it is part of a merger (`isMerger`): combining the merged union's plan into its successor's
   * plan (CreatePlan, EditContent) and withdrawing it with the reason MERGED (Withdraw).
   */
  merger?: (command: CommandOf<T>) => boolean;
}

/** The reason a merged union's plan is withdrawn with, and the edit kind that copies it. */
export const MERGER_WITHDRAW_REASON = 'MERGED';
export const MERGER_EDIT_KIND = 'MERGED_ACTIVITY_ADDED';

const user = (
  scope: 'plan-union' | 'command-union' | 'review-agency' | 'central',
  ...roles: Role[]
): Permission => ({
  actor: 'user',
  roles,
  scope,
});
const EDITABLE = ['DRAFT', 'REVISION_REQUESTED'] as const;
const actorOf = (command: PlanCommand) => command.actor as UserActor;

// ---------------------------------------------------------------------------------------------
// CreatePlan guards: the facts the host read with the command (see CreatePlan in types.ts)

function cycleOpen(_s: null, c: CommandOf<'CreatePlan'>): Refusal | null {
  return c.cycleStatus === undefined || c.cycleStatus === 'OPEN'
    ? null
    : refusal('INVALID_TRANSITION', `The ${c.cycleYear} cycle is not open for new plans.`);
}

function oneLivePlanPerUnionAndCycle(_s: null, c: CommandOf<'CreatePlan'>): Refusal | null {
  return typeof c.livePlanId === 'string' && c.livePlanId
    ? refusal('CONFLICT', `Your union already has a plan in this cycle (${c.livePlanId}).`)
    : null;
}

// ---------------------------------------------------------------------------------------------
// DecideReview guards: the review named, and the appraiser's right to decide it

function reviewOf(s: PlanState, c: CommandOf<'DecideReview'>): Review | undefined {
  return s.reviews.find((r) => r.id === c.reviewId);
}

function reviewExists(s: PlanState, c: CommandOf<'DecideReview'>): Refusal | null {
  return reviewOf(s, c)
    ? null
    : refusal('NOT_FOUND', `Plan ${s.planId} has no review ${String(c.reviewId)}.`);
}

function notOwnOrganisation(s: PlanState, c: CommandOf<'DecideReview'>): Refusal | null {
  return actorOf(c).organizationId === s.organizationId
    ? refusal('SEPARATION_OF_DUTIES', 'Nobody appraises a plan of their own organisation.')
    : null;
}

function assignedAgency(s: PlanState, c: CommandOf<'DecideReview'>): Refusal | null {
  const review = reviewOf(s, c);
  return review && actorOf(c).organizationId !== review.agencyId
    ? refusal('FORBIDDEN', 'Only a user of the agency the review is assigned to can decide it.')
    : null;
}

function currentRound(s: PlanState, c: CommandOf<'DecideReview'>): Refusal | null {
  const review = reviewOf(s, c);
  return review && review.round !== s.round
    ? refusal(
        'STALE_VERSION',
        `Review ${review.id} judged version ${review.round}; the current version is ${s.round}.`,
      )
    : null;
}

function notYetDecided(s: PlanState, c: CommandOf<'DecideReview'>): Refusal | null {
  const review = reviewOf(s, c);
  return review &&
    (review.status === 'APPROVED' || review.status === 'REVISION_REQUESTED' || review.status === 'REJECTED')
    ? refusal('ALREADY_DECIDED', `Review ${review.id} was already decided (${review.status}).`)
    : null;
}

function stillPending(s: PlanState, c: CommandOf<'DecideReview'>): Refusal | null {
  const review = reviewOf(s, c);
  return review && review.status !== 'PENDING'
    ? refusal('INVALID_TRANSITION', `Review ${review.id} is ${review.status}.`)
    : null;
}

// ---------------------------------------------------------------------------------------------
// Submit guards: the plan rules on a well-formed content, then its routing

/** At least one activity, a budget line for each, every requested amount whole, non-negative đồng. */
function contentRules(_s: PlanState, c: CommandOf<'Submit'>): Refusal | null {
  const errors = [];
  const activities = c.content.activities;
  if (activities.length === 0)
    errors.push({ field: 'content.activities', message: 'a plan needs at least one activity' });
  activities.forEach((a, i) => {
    const where = `content.activities[${i}]`;
    const name = `${typeof a.code === 'string' && a.code ? a.code : String(a.id)}`;
    if (a.budgetLines.length === 0)
      errors.push({ field: `${where}.budgetLines`, message: `activity ${name} has no budget line` });
    a.budgetLines.forEach((l, j) => {
      if (tryParseVnd(l.requestedAmount) === null) {
        errors.push({
          field: `${where}.budgetLines[${j}].requestedAmount`,
          message: `budget line ${String(l.id)} of activity ${name}: the requested amount must be a whole, non-negative number of đồng`,
        });
      }
    });
  });
  return errors.length ? refusal('RULE_VIOLATION', 'The plan cannot be submitted as it is.', errors) : null;
}

/**
 * A line the host found above its spending norm (the snapshot's `overNorm`) goes to the reviewers
 * only with the union's reason for it. Snapshots taken before lines carried the flag have nothing
 * to refuse, so replayed histories decide as they did.
 */
function overNormLinesJustified(_s: PlanState, c: CommandOf<'Submit'>): Refusal | null {
  const errors = [];
  for (const a of c.content.activities) {
    for (const l of a.budgetLines) {
      if (!isObject(l.overNorm)) continue;
      const why = typeof l.normJustification === 'string' ? l.normJustification.trim() : '';
      if (why) continue;
      const norm = l.overNorm as { article?: unknown; circular?: unknown };
      errors.push({
        field: `budgetLines[${l.id}].normJustification`,
        message: `budget line "${l.description}" of activity ${a.code || a.id} is above its norm (${String(norm.article)}, ${String(norm.circular)}): a justification is required`,
      });
    }
  }
  return errors.length
    ? refusal(
        'NORM_JUSTIFICATION_REQUIRED',
        `${errors.length} budget line(s) above their norm need a justification before submission.`,
        errors,
      )
    : null;
}

function agencyForEveryFunction(s: PlanState, c: CommandOf<'Submit'>): Refusal | null {
  const { missing } = routedAgencies(s, c.agencies);
  if (!missing.length) return null;
  return refusal(
    'NO_AGENCY_FOR_FUNCTION',
    `No appraisal agency for ${missing.join(', ')}: the plan cannot be routed.`,
    missing.map((fn) => ({
      field: `agencies.${fn}`,
      message: `no appraisal agency for function ${fn} serves this union`,
    })),
  );
}

function notAppraisedByItself(s: PlanState, c: CommandOf<'Submit'>): Refusal | null {
  const own = Object.entries(routedAgencies(s, c.agencies).agencies).filter(
    ([, a]) => a.id === s.organizationId,
  );
  if (!own.length) return null;
  return refusal(
    'SEPARATION_OF_DUTIES',
    `The union cannot appraise its own plan (${own.map(([fn]) => fn).join(', ')}).`,
    own.map(([fn]) => ({ field: `agencies.${fn}`, message: "the plan's own union" })),
  );
}

/**
 * A decision record is dated on or before the day it is recorded, in Asia/Ho_Chi_Minh: judged
 * against ctx.now, so the embedded and the Temporal host agree.
 */
function decisionDateNotFuture(
  _s: PlanState,
  c: CommandOf<'DecideReview'>,
  ctx: DecideContext,
): Refusal | null {
  const date = c.decisionRecord?.date;
  const today = localDateOf(ctx.now);
  return date && date > today
    ? refusal('VALIDATION_FAILED', `The decision date ${date} lies in the future (today is ${today}).`, [
        { field: 'decisionRecord.date', message: `not after ${today}` },
      ])
    : null;
}

// ---------------------------------------------------------------------------------------------
// GrantExtension, RecordProgress guards

function newDeadlineAhead(_s: PlanState, c: CommandOf<'GrantExtension'>, ctx: DecideContext): Refusal | null {
  return toEpochMs(c.newDeadline) <= toEpochMs(ctx.now)
    ? refusal('DEADLINE_PASSED', 'The new deadline is already past.', [
        { field: 'newDeadline', message: 'not after now' },
      ])
    : null;
}

function laterThanCurrentDeadline(s: PlanState, c: CommandOf<'GrantExtension'>): Refusal | null {
  return toEpochMs(c.newDeadline) <= toEpochMs(s.submissionDeadline)
    ? refusal('VALIDATION_FAILED', 'An extension moves the deadline later.', [
        { field: 'newDeadline', message: 'not after the current deadline' },
      ])
    : null;
}

function activityOfPlan(s: PlanState, c: CommandOf<'RecordProgress'>): Refusal | null {
  return s.content?.activities.some((a) => isObject(a) && a.id === c.activityId)
    ? null
    : refusal('NOT_FOUND', `Plan ${s.planId} has no activity ${c.activityId}.`);
}

// ---------------------------------------------------------------------------------------------
// ClosePlan guards

/**
 * A plan leaves rollout when the year's work is done: every activity DONE or CANCELLED, or its
 * annual report accepted (API.md "Consolidation": 409 while a plan in rollout has an activity
 * neither DONE nor CANCELLED and no accepted annual report). Annual reports do not exist yet
 * (issue 15): today the host always sends `annualReportAccepted: false`; once they exist it sends
 * whether the plan's annual report was accepted, and this guard needs no change.
 */
export function rolloutUnfinished(
  openActivities: readonly unknown[],
  annualReportAccepted: boolean,
): boolean {
  return openActivities.length > 0 && !annualReportAccepted;
}

function rolloutFinished(s: PlanState, c: CommandOf<'ClosePlan'>): Refusal | null {
  const open = c.openActivities ?? [];
  if (!rolloutUnfinished(open, c.annualReportAccepted === true)) return null;
  return refusal(
    'INVALID_TRANSITION',
    `Plan ${s.planId} has ${open.length} activit${open.length === 1 ? 'y' : 'ies'} neither DONE nor CANCELLED and no accepted annual report.`,
    open.map((a) => ({
      field: `activities[${a.activityId}].implementationStatus`,
      message: `activity ${a.code || a.activityId} is ${a.implementationStatus ?? 'not reported'}, not DONE or CANCELLED`,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// The table

/**
 * The approval chain as one table: for each command, the statuses it is accepted in, who may send
 * it, its guards, and where it leads. `decide` runs it the same way for every command:
 * stream exists (NOT_FOUND) → terminal status absorbs (INVALID_TRANSITION) → `who` (FORBIDDEN) →
 * `guards` in order → `from` (INVALID_TRANSITION) → payload shape (VALIDATION_FAILED) →
 * `payloadGuards` in order → the command's events. Terminal statuses (REJECTED, WITHDRAWN,
 * CLOSED) accept nothing but DeadlineReached, which is then a no-op. ADMIN administers (users,
 * norms, cycles) and holds no place in the chain but one: a province merger (`merger`).
 */
export const PLAN_TRANSITIONS: { readonly [K in PlanCommandType]: TransitionRule<K> } = {
  CreatePlan: {
    from: ['NONE'],
    who: user('command-union', 'PLAN_EDITOR'),
    guards: [cycleOpen, oneLivePlanPerUnionAndCycle],
    to: ['DRAFT'],
    merger: (c) => typeof c.mergerOf === 'string' && c.mergerOf !== '',
  },
  EditContent: {
    from: EDITABLE,
    who: user('plan-union', 'PLAN_EDITOR'),
    merger: (c) => isObject(c.change) && c.change.kind === MERGER_EDIT_KIND,
  },
  Submit: {
    from: EDITABLE,
    who: user('plan-union', 'PLAN_SUBMITTER'),
    payloadGuards: [contentRules, overNormLinesJustified, agencyForEveryFunction, notAppraisedByItself],
    to: ['IN_APPRAISAL'],
  },
  Withdraw: {
    from: EDITABLE,
    who: user('plan-union', 'PLAN_SUBMITTER'),
    to: ['WITHDRAWN'],
    merger: (c) => c.reason === MERGER_WITHDRAW_REASON,
  },
  DecideReview: {
    from: ['IN_APPRAISAL'],
    who: user('review-agency', 'APPRAISER'),
    guards: [reviewExists, notOwnOrganisation, assignedAgency, currentRound, notYetDecided, stillPending],
    payloadGuards: [decisionDateNotFuture],
    to: ['IN_APPRAISAL', 'REVISION_REQUESTED', 'APPROVED', 'REJECTED'],
  },
  GrantExtension: {
    from: ['DRAFT'],
    who: user('central', 'LEADER'),
    payloadGuards: [newDeadlineAhead, laterThanCurrentDeadline],
  },
  DeadlineReached: { from: PLAN_STATUSES, who: { actor: 'system' } },
  StartRollout: { from: ['APPROVED'], who: user('central', 'CONSOLIDATOR', 'LEADER'), to: ['IN_ROLLOUT'] },
  RecordRolloutReport: { from: ['IN_ROLLOUT'], who: user('plan-union', 'PLAN_SUBMITTER') },
  RecordProgress: {
    from: ['IN_ROLLOUT'],
    who: user('plan-union', 'PLAN_EDITOR'),
    payloadGuards: [activityOfPlan],
  },
  ClosePlan: {
    from: ['IN_ROLLOUT'],
    who: user('central', 'CONSOLIDATOR'),
    payloadGuards: [rolloutFinished],
    to: ['CLOSED'],
  },
};

/** A command's row of the table, typed for any command (the table's rows are typed per command). */
export function ruleFor(type: PlanCommandType): TransitionRule<PlanCommandType> {
  return PLAN_TRANSITIONS[type] as unknown as TransitionRule<PlanCommandType>;
}

/** The first refusal among `guards`, run in order; null when all let the command through. */
export function firstRefusal(
  guards: readonly PayloadGuard<PlanCommandType>[] | undefined,
  state: PlanState | null,
  command: PlanCommand,
  ctx?: DecideContext,
): Refusal | null {
  for (const guard of guards ?? []) {
    const refused = (guard as (s: PlanState | null, c: PlanCommand, x?: DecideContext) => Refusal | null)(
      state,
      command,
      ctx,
    );
    if (refused) return refused;
  }
  return null;
}

/** Every status from which a plan never moves again. */
export function isTerminal(status: PlanStatus): boolean {
  return status === 'REJECTED' || status === 'WITHDRAWN' || status === 'CLOSED';
}
