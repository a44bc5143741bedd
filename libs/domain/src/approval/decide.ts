import { isInstant, toEpochMs, toIso } from '../calendar';
import type { Vnd } from '../money';
import { isOneOf } from '../norms';
import { deadlines, hasFired, parseTimerKey, rolloutReportDueAt, timerKeys } from './deadlines';
import { evolve } from './evolve';
import { PAYLOADS, isObject, refusal, routedAgencies } from './payloads';
import { firstRefusal, isTerminal, ruleFor } from './rules';
import {
  PLAN_COMMAND_TYPES,
  TIMER_NAMES,
  type ActorRef,
  type Agencies,
  type ApprovedLine,
  type CommandOf,
  type CycleTerms,
  type Decision,
  type DecideContext,
  type PlanCommand,
  type PlanCommandType,
  type PlanContent,
  type PlanEvent,
  type PlanState,
  type Refusal,
  type RouteStage,
  type StateFor,
  type SubmissionReminder,
  type Totals,
  type UserActor,
} from './types';

function refused(error: Refusal): Decision {
  return { ok: false, error };
}

function ok(events: PlanEvent[], note?: string): Decision {
  return note === undefined ? { ok: true, events } : { ok: true, events, note };
}

function refOf(actor: UserActor): ActorRef {
  const ref: ActorRef = {
    userId: actor.userId,
    displayName: actor.displayName,
    organizationId: actor.organizationId,
  };
  if (actor.actingFor)
    ref.actingFor = { userId: actor.actingFor.userId, displayName: actor.actingFor.displayName };
  return ref;
}

const by = (command: PlanCommand) => refOf(command.actor as UserActor);

// ---------------------------------------------------------------------------------------------
// decide: the table's columns, in the same order for every command (see PLAN_TRANSITIONS)

/** The `who` column, and the `merger` exception to it. */
function authorize(state: PlanState | null, command: PlanCommand): Refusal | null {
  const refused = authorizeWho(state, command);
  if (!refused) return null;
  const merger = ruleFor(command.type).merger;
  const actor = command.actor;
  const admin = actor?.kind === 'user' && Array.isArray(actor.roles) && actor.roles.includes('ADMIN');
  return admin && merger?.(command) ? null : refused;
}

function authorizeWho(state: PlanState | null, command: PlanCommand): Refusal | null {
  const who = ruleFor(command.type).who;
  const actor = command.actor;
  if (who.actor === 'system') {
    return actor && actor.kind === 'system'
      ? null
      : refusal('FORBIDDEN', `${command.type} is sent by the system only.`);
  }
  if (!actor || actor.kind !== 'user') return refusal('FORBIDDEN', `${command.type} needs a signed-in user.`);
  const roles = Array.isArray(actor.roles) ? actor.roles : [];
  if (!who.roles.some((r) => roles.includes(r))) {
    return refusal('FORBIDDEN', `${command.type} needs the role ${who.roles.join(' or ')}.`);
  }
  if (who.scope === 'plan-union' && state && actor.organizationId !== state.organizationId) {
    return refusal('FORBIDDEN', "Only the plan's own union can do this.");
  }
  if (
    who.scope === 'command-union' &&
    command.type === 'CreatePlan' &&
    actor.organizationId !== command.organizationId
  ) {
    return refusal('FORBIDDEN', 'A union creates plans for itself only.');
  }
  return null;
}

/**
 * What `decide` checks before the status: the stream (NOT_FOUND), a terminal status
 * (INVALID_TRANSITION), `who` (FORBIDDEN), then the command's `guards`. Exported for a host that
 * must allocate a stream's storage before it dispatches (the embedded host's plan row, which a
 * unique index holds to one live plan per union and cycle): it asks this first.
 */
export function refusalBeforeStatus(state: PlanState | null, command: PlanCommand): Refusal | null {
  if (state === null) {
    if (command.type !== 'CreatePlan') return refusal('NOT_FOUND', 'No such plan.');
  } else {
    if (command.type === 'CreatePlan')
      return refusal('INVALID_TRANSITION', `Plan ${state.planId} already exists.`);
    if (isTerminal(state.status) && command.type !== 'DeadlineReached') {
      return refusal('INVALID_TRANSITION', `The plan is ${state.status}; it accepts no more commands.`);
    }
  }
  return authorize(state, command) ?? firstRefusal(ruleFor(command.type).guards, state, command);
}

/**
 * The approval chain: given the state of one plan's stream (null before it exists) and a command,
 * returns the events the command causes, or a refusal with a stable code. Pure and deterministic:
 * time comes from ctx.now, ids from ctx.newId.
 *
 * Order of checks, the same for every command (rules.ts): stream exists (NOT_FOUND) → terminal
 * absorbs (INVALID_TRANSITION) → `who` (FORBIDDEN) → `guards` in table order → `from`
 * (INVALID_TRANSITION) → payload shape (VALIDATION_FAILED, payloads.ts) → `payloadGuards` in
 * table order → the command's events.
 */
export function decide(state: PlanState | null, command: PlanCommand, ctx: DecideContext): Decision {
  const raw = command as unknown;
  if (!isObject(raw) || !(PLAN_COMMAND_TYPES as readonly unknown[]).includes(raw.type)) {
    return refused(refusal('VALIDATION_FAILED', `Unknown command ${isObject(raw) ? String(raw.type) : ''}.`));
  }
  if (!isInstant(ctx.now)) throw new Error(`decide: ctx.now is not an ISO instant: ${String(ctx.now)}`);
  ctx = { ...ctx, now: toIso(ctx.now) };
  const rule = ruleFor(command.type);

  const before = refusalBeforeStatus(state, command);
  if (before) return refused(before);

  const status = state ? state.status : 'NONE';
  if (!rule.from.includes(status)) {
    return refused(
      refusal('INVALID_TRANSITION', `${command.type} is not allowed while the plan is ${status}.`),
    );
  }

  const payload = (PAYLOADS[command.type] as Step<'parse'>)(state, command);
  if (!payload.ok) return refused(payload.error);
  const vetoed = firstRefusal(rule.payloadGuards, state, payload.value, ctx);
  if (vetoed) return refused(vetoed);
  return (EVENTS[command.type] as Step<'events'>)(state, payload.value, ctx);
}

/** The per-command maps, called with the union types once `decide` has matched state and command. */
type Step<K extends 'parse' | 'events'> = K extends 'parse'
  ? (
      state: PlanState | null,
      command: PlanCommand,
    ) => { ok: true; value: PlanCommand } | { ok: false; error: Refusal }
  : (state: PlanState | null, command: PlanCommand, ctx: DecideContext) => Decision;

/** Each command's events, from a state and a payload that passed the table. */
const EVENTS: {
  readonly [K in PlanCommandType]: (
    state: StateFor<K>,
    command: CommandOf<K>,
    ctx: DecideContext,
  ) => Decision;
} = {
  CreatePlan: (_s, c, ctx) => {
    const terms = c.cycle as CycleTerms & { rolloutReportDay: number };
    return ok([
      {
        type: 'PlanCreated',
        planId: c.planId,
        cycleId: c.cycleId,
        organizationId: c.organizationId,
        title: c.title,
        terms,
        submissionReminders: submissionReminders(terms.reminderWorkingDays, terms.submissionDeadline, ctx),
        createdAt: ctx.now,
        by: by(c),
      },
    ]);
  },
  EditContent: (_s, c, ctx) =>
    ok([{ type: 'ContentEdited', change: c.change, editedAt: ctx.now, by: by(c) }]),
  Submit: submit,
  Withdraw: (_s, c, ctx) =>
    ok([
      { type: 'PlanWithdrawn', ...(c.reason ? { reason: c.reason } : {}), withdrawnAt: ctx.now, by: by(c) },
    ]),
  DecideReview: decideReview,
  GrantExtension: (s, c, ctx) =>
    ok([
      {
        type: 'SubmissionDeadlineExtended',
        previousDeadline: s.submissionDeadline,
        newDeadline: c.newDeadline,
        reason: c.reason,
        submissionReminders: submissionReminders(s.terms.reminderWorkingDays, c.newDeadline, ctx),
        extendedAt: ctx.now,
        by: by(c),
      },
    ]),
  DeadlineReached: deadlineReached,
  StartRollout: (_s, c, ctx) =>
    ok([{ type: 'RolloutStarted', consolidationId: c.consolidationId, startedAt: ctx.now, by: by(c) }]),
  RecordRolloutReport: (s, c, ctx) => {
    const dueAt = rolloutReportDueAt(c.period, s.terms.rolloutReportDay);
    return ok([
      {
        type: 'RolloutReportSubmitted',
        period: c.period,
        late: toEpochMs(ctx.now) > toEpochMs(dueAt),
        submittedAt: ctx.now,
        by: by(c),
      },
    ]);
  },
  RecordProgress: (_s, c, ctx) => {
    const { type: _type, actor: _actor, ...progress } = c;
    return ok([{ type: 'ProgressRecorded', ...progress, recordedAt: ctx.now, by: by(c) }]);
  },
  ClosePlan: (_s, c, ctx) => ok([{ type: 'PlanClosed', closedAt: ctx.now, by: by(c) }]),
};

// ---------------------------------------------------------------------------------------------
// CreatePlan, GrantExtension

function submissionReminders(days: number[], deadline: string, ctx: DecideContext): SubmissionReminder[] {
  const now = toEpochMs(ctx.now);
  return days
    .map((n) => ({
      key: timerKeys.submissionReminder(n),
      daysBefore: n,
      dueAt: ctx.calendar.workingDaysBefore(deadline, n).toISOString(),
    }))
    .filter((r) => toEpochMs(r.dueAt) > now);
}

// ---------------------------------------------------------------------------------------------
// Submit

function openStage(
  state: PlanState,
  stage: RouteStage,
  round: number,
  agencies: Agencies,
  ctx: DecideContext,
): PlanEvent[] {
  const dueAt = ctx.calendar.addWorkingDays(ctx.now, state.terms.reviewSlaDays);
  const reminderAt = ctx.calendar.workingDaysBefore(dueAt, 1);
  return stage.functions.map((fn) => {
    const agency = agencies[fn]!;
    return {
      type: 'ReviewOpened',
      reviewId: ctx.newId(),
      round,
      stage: stage.stage,
      function: fn,
      agencyId: agency.id,
      ...(typeof agency.name === 'string' ? { agencyName: agency.name } : {}),
      openedAt: ctx.now,
      dueAt: dueAt.toISOString(),
      reminderAt: reminderAt.toISOString(),
    };
  });
}

function submit(state: PlanState, command: CommandOf<'Submit'>, ctx: DecideContext): Decision {
  const { agencies } = routedAgencies(state, command.agencies);
  const version = state.version + 1;
  const limit = state.version === 0 ? state.submissionDeadline : (state.revision?.dueAt ?? null);
  const submitted: PlanEvent = {
    type: 'PlanSubmitted',
    version,
    round: version,
    content: command.content,
    agencies,
    submittedAt: ctx.now,
    late: limit !== null && toEpochMs(ctx.now) > toEpochMs(limit),
    by: by(command),
  };
  const after = evolve(state, submitted);
  return ok([submitted, ...openStage(after, state.terms.route[0], version, agencies, ctx)]);
}

// ---------------------------------------------------------------------------------------------
// DecideReview

function totalsOf(content: PlanContent, approved: ApprovedLine[]): Totals {
  const approvedById = new Map(approved.map((l) => [l.budgetLineId, BigInt(l.approvedAmount)]));
  let requested = 0n;
  let approvedTotal = 0n;
  const bySource = new Map<string, { requested: Vnd; approved: Vnd }>();
  for (const a of content.activities) {
    for (const l of a.budgetLines) {
      const req = BigInt(l.requestedAmount);
      const app = approvedById.get(l.id) ?? 0n;
      requested += req;
      approvedTotal += app;
      const src = bySource.get(l.fundingSource) ?? { requested: 0n, approved: 0n };
      bySource.set(l.fundingSource, { requested: src.requested + req, approved: src.approved + app });
    }
  }
  const byFundingSource: Totals['byFundingSource'] = {};
  for (const [src, v] of [...bySource.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    byFundingSource[src] = { requested: v.requested.toString(), approved: v.approved.toString() };
  }
  return { requested: requested.toString(), approved: approvedTotal.toString(), byFundingSource };
}

/** Approved amounts: the BUDGET review's of the current round (the latest stage if several); all requested if the route has none. */
function approvedAmountsOf(state: PlanState): ApprovedLine[] {
  const budget = state.reviews
    .filter((r) => r.round === state.round && r.function === 'BUDGET' && r.status === 'APPROVED' && r.lines)
    .sort((a, b) => b.stage - a.stage)[0];
  if (budget && budget.lines) return budget.lines.map((l) => ({ ...l }));
  return state.content!.activities.flatMap((a) =>
    a.budgetLines.map((l) => ({ budgetLineId: l.id, approvedAmount: l.requestedAmount })),
  );
}

function decideReview(state: PlanState, command: CommandOf<'DecideReview'>, ctx: DecideContext): Decision {
  const review = state.reviews.find((r) => r.id === command.reviewId)!;
  const { comment, lines, decisionRecord: record } = command;
  const decided: PlanEvent = {
    type: 'ReviewDecided',
    reviewId: review.id,
    decision: command.decision,
    ...(comment ? { comment } : {}),
    ...(lines ? { lines } : {}),
    ...(record ? { decisionRecord: record } : {}),
    by: by(command),
    decidedAt: ctx.now,
  };
  const after = evolve(state, decided);
  const pendingOfRound = () =>
    after.reviews.filter((r) => r.round === after.round && r.status === 'PENDING').map((r) => r.id);

  if (command.decision === 'REJECT') {
    return ok([
      decided,
      {
        type: 'PlanRejected',
        reviewId: review.id,
        reason: comment!,
        cancelledReviewIds: pendingOfRound(),
        rejectedAt: ctx.now,
      },
    ]);
  }
  if (command.decision === 'REQUEST_REVISION') {
    const dueAt = ctx.calendar.addWorkingDays(ctx.now, state.terms.revisionSlaDays);
    return ok([
      decided,
      {
        type: 'RevisionRequested',
        reviewId: review.id,
        reason: comment!,
        revisionDueAt: dueAt.toISOString(),
        revisionReminderAt: ctx.calendar.workingDaysBefore(dueAt, 1).toISOString(),
        cancelledReviewIds: pendingOfRound(),
        requestedAt: ctx.now,
      },
    ]);
  }

  const stageReviews = after.reviews.filter((r) => r.round === after.round && r.stage === review.stage);
  if (!stageReviews.every((r) => r.status === 'APPROVED')) return ok([decided]);
  const next = state.terms.route.find((s) => s.stage > review.stage);
  if (next) return ok([decided, ...openStage(after, next, after.round, after.agencies, ctx)]);

  // The approval that completes the last stage records the approval decision.
  if (!record) {
    return refused(
      refusal(
        'VALIDATION_FAILED',
        'The final approval records the approval decision: number, date and signer.',
        [{ field: 'decisionRecord', message: 'required on the approval that completes the last stage' }],
      ),
    );
  }
  const approvedAmounts = approvedAmountsOf(after);
  return ok([
    decided,
    {
      type: 'PlanApproved',
      approvedAmounts,
      totals: totalsOf(after.content!, approvedAmounts),
      decisionRecord: record,
      approvedAt: ctx.now,
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// DeadlineReached

function whyGone(state: PlanState, key: string): string {
  const parsed = parseTimerKey(key);
  const id = parsed?.of ?? '';
  switch (parsed?.kind) {
    case 'submission-reminder':
    case 'submission-deadline':
      return state.version > 0 ? 'the plan was already submitted' : `the plan is ${state.status}`;
    case 'review-reminder':
    case 'review-sla': {
      const review = state.reviews.find((r) => r.id === id);
      if (!review) return `there is no review ${id}`;
      if (review.round !== state.round) return `review ${id} belongs to an earlier version`;
      return `review ${id} is ${review.status}`;
    }
    case 'revision-reminder':
    case 'revision-sla':
      return state.status === 'REVISION_REQUESTED'
        ? 'that revision request was superseded'
        : `the plan is ${state.status}`;
    case 'rollout-report':
      if (state.rollout?.reportsSubmitted.includes(id)) return `the report for ${id} was already submitted`;
      return state.status === 'IN_ROLLOUT'
        ? `no report for ${id} is awaited now`
        : `the plan is ${state.status}`;
    default:
      return `no timer ${key} belongs to this plan`;
  }
}

function deadlineReached(
  state: PlanState,
  command: CommandOf<'DeadlineReached'>,
  ctx: DecideContext,
): Decision {
  const key = String(command.key);
  if (!isInstant(command.dueAt)) return ok([], `timer ${key} ignored: dueAt is not an instant`);
  if (hasFired(state, key, command.dueAt))
    return ok([], `timer ${key} already fired for ${toIso(command.dueAt)}`);
  const d = deadlines(state).find((x) => x.key === key);
  if (!d) return ok([], `timer ${key} has nothing to do: ${whyGone(state, key)}`);
  if (toEpochMs(d.dueAt) !== toEpochMs(command.dueAt)) {
    return ok([], `timer ${key} was moved from ${toIso(command.dueAt)} to ${d.dueAt}`);
  }
  if (!isOneOf(TIMER_NAMES, command.timer) || command.timer !== d.timer) {
    return ok([], `timer ${key} is a ${d.timer}, not ${String(command.timer)}`);
  }
  if (toEpochMs(ctx.now) < toEpochMs(d.dueAt)) return ok([], `timer ${key} is not due before ${d.dueAt}`);
  const fire = { key, dueAt: d.dueAt, firedAt: ctx.now };
  switch (d.timer) {
    case 'SUBMISSION_REMINDER': {
      const reminder = state.submissionReminders.find((r) => r.key === key)!;
      return ok([
        {
          type: 'SubmissionReminderDue',
          daysBefore: reminder.daysBefore,
          deadline: state.submissionDeadline,
          ...fire,
        },
      ]);
    }
    case 'SUBMISSION_DEADLINE':
      return ok([{ type: 'SubmissionOverdue', deadline: state.submissionDeadline, ...fire }]);
    case 'REVIEW_REMINDER': {
      const review = state.reviews.find((r) => r.id === d.reviewId)!;
      return ok([{ type: 'ReviewReminderDue', reviewId: review.id, reviewDueAt: review.dueAt, ...fire }]);
    }
    case 'REVIEW_SLA': {
      const review = state.reviews.find((r) => r.id === d.reviewId)!;
      return ok([{ type: 'ReviewOverdue', reviewId: review.id, agencyId: review.agencyId, ...fire }]);
    }
    case 'REVISION_REMINDER':
      return ok([{ type: 'RevisionReminderDue', revisionDueAt: state.revision!.dueAt, ...fire }]);
    case 'REVISION_SLA':
      return ok([{ type: 'RevisionOverdue', ...fire }]);
    case 'ROLLOUT_REPORT':
      return ok([{ type: 'RolloutReportDue', period: parseTimerKey(key)!.of, ...fire }]);
  }
}
