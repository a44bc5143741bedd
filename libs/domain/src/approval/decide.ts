import { isInstant, isLocalDate, toEpochMs, toIso } from '../calendar';
import type { ErrorCode, FieldError } from '../errors';
import { Vnd, tryParseVnd } from '../money';
import { ACTIVITY_TYPES, BUDGET_CATEGORIES, FUNDING_SOURCES, isOneOf } from '../norms';
import { deadlines, hasFired, isPeriod, rolloutReportDueAt, timerKeys } from './deadlines';
import { evolve } from './evolve';
import { PLAN_TRANSITIONS, isTerminal } from './rules';
import {
  AGENCY_FUNCTIONS,
  PLAN_COMMAND_TYPES,
  REVIEW_DECISIONS,
  TIMER_NAMES,
  type ActorRef,
  type Agencies,
  type AgencyFunction,
  type ApprovedLine,
  type CommandOf,
  type CycleTerms,
  type Decision,
  type DecideContext,
  type DecisionRecord,
  type PlanCommand,
  type PlanContent,
  type PlanEvent,
  type PlanState,
  type Review,
  type RouteStage,
  type SubmissionReminder,
  type Totals,
  type UserActor,
} from './types';

type Fail = Extract<Decision, { ok: false }>;

function fail(code: ErrorCode, message: string, errors?: FieldError[]): Fail {
  return { ok: false, error: errors && errors.length ? { code, message, errors } : { code, message } };
}

function isFail(x: unknown): x is Fail {
  return isObject(x) && x.ok === false && isObject(x.error);
}

function ok(events: PlanEvent[], note?: string): Decision {
  return note === undefined ? { ok: true, events } : { ok: true, events, note };
}

function isBlank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

function jsonCopy<T>(value: T): T | null {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Authorisation (the `who` column of PLAN_TRANSITIONS)

function authorize(state: PlanState | null, command: PlanCommand): Fail | null {
  const who = PLAN_TRANSITIONS[command.type].who;
  const actor = command.actor;
  if (who.actor === 'system') {
    return actor && actor.kind === 'system'
      ? null
      : fail('FORBIDDEN', `${command.type} is sent by the system only.`);
  }
  if (!actor || actor.kind !== 'user') return fail('FORBIDDEN', `${command.type} needs a signed-in user.`);
  const roles = Array.isArray(actor.roles) ? actor.roles : [];
  if (!who.roles.some((r) => roles.includes(r))) {
    return fail('FORBIDDEN', `${command.type} needs the role ${who.roles.join(' or ')}.`);
  }
  if (who.scope === 'plan-union' && state && actor.organizationId !== state.organizationId) {
    return fail('FORBIDDEN', "Only the plan's own union can do this.");
  }
  if (
    who.scope === 'command-union' &&
    command.type === 'CreatePlan' &&
    actor.organizationId !== command.organizationId
  ) {
    return fail('FORBIDDEN', 'A union creates plans for itself only.');
  }
  return null;
}

/** DecideReview checks that come before the status check, in this order (see decide). */
function checkReview(state: PlanState, command: CommandOf<'DecideReview'>): Fail | Review {
  const actor = command.actor as UserActor;
  const review = state.reviews.find((r) => r.id === command.reviewId);
  if (!review) return fail('NOT_FOUND', `Plan ${state.planId} has no review ${String(command.reviewId)}.`);
  if (actor.organizationId === state.organizationId) {
    return fail('SEPARATION_OF_DUTIES', 'Nobody appraises a plan of their own organisation.');
  }
  if (actor.organizationId !== review.agencyId) {
    return fail('FORBIDDEN', 'Only a user of the agency the review is assigned to can decide it.');
  }
  if (review.round !== state.round) {
    return fail(
      'STALE_VERSION',
      `Review ${review.id} judged version ${review.round}; the current version is ${state.round}.`,
    );
  }
  if (
    review.status === 'APPROVED' ||
    review.status === 'REVISION_REQUESTED' ||
    review.status === 'REJECTED'
  ) {
    return fail('ALREADY_DECIDED', `Review ${review.id} was already decided (${review.status}).`);
  }
  if (review.status !== 'PENDING')
    return fail('INVALID_TRANSITION', `Review ${review.id} is ${review.status}.`);
  return review;
}

// ---------------------------------------------------------------------------------------------
// decide

/**
 * The approval chain: given the state of one plan's stream (null before it exists) and a command,
 * returns the events the command causes, or a refusal with a stable code. Pure and deterministic:
 * time comes from ctx.now, ids from ctx.newId.
 *
 * Order of checks: stream exists (NOT_FOUND) -> terminal absorbs (INVALID_TRANSITION) ->
 * actor (FORBIDDEN; for DecideReview then NOT_FOUND, SEPARATION_OF_DUTIES, FORBIDDEN,
 * STALE_VERSION, ALREADY_DECIDED) -> status (INVALID_TRANSITION) -> command rules.
 */
export function decide(state: PlanState | null, command: PlanCommand, ctx: DecideContext): Decision {
  const raw = command as unknown;
  if (!isObject(raw) || !(PLAN_COMMAND_TYPES as readonly unknown[]).includes(raw.type)) {
    return fail('VALIDATION_FAILED', `Unknown command ${isObject(raw) ? String(raw.type) : ''}.`);
  }
  if (!isInstant(ctx.now)) throw new Error(`decide: ctx.now is not an ISO instant: ${String(ctx.now)}`);
  ctx = { ...ctx, now: toIso(ctx.now) };
  const rule = PLAN_TRANSITIONS[command.type];

  if (state === null) {
    if (command.type !== 'CreatePlan') return fail('NOT_FOUND', 'No such plan.');
  } else {
    if (command.type === 'CreatePlan')
      return fail('INVALID_TRANSITION', `Plan ${state.planId} already exists.`);
    if (isTerminal(state.status) && command.type !== 'DeadlineReached') {
      return fail('INVALID_TRANSITION', `The plan is ${state.status}; it accepts no more commands.`);
    }
  }

  const denied = authorize(state, command);
  if (denied) return denied;

  let review: Review | null = null;
  if (command.type === 'DecideReview' && state) {
    const found = checkReview(state, command);
    if (isFail(found)) return found;
    review = found;
  }

  const status = state ? state.status : 'NONE';
  if (!rule.from.includes(status)) {
    return fail('INVALID_TRANSITION', `${command.type} is not allowed while the plan is ${status}.`);
  }

  switch (command.type) {
    case 'CreatePlan':
      return createPlan(command, ctx);
    case 'EditContent':
      return editContent(state!, command, ctx);
    case 'Submit':
      return submit(state!, command, ctx);
    case 'Withdraw':
      return withdraw(command, ctx);
    case 'DecideReview':
      return decideReview(state!, review!, command, ctx);
    case 'GrantExtension':
      return grantExtension(state!, command, ctx);
    case 'DeadlineReached':
      return deadlineReached(state!, command, ctx);
    case 'StartRollout':
      if (isBlank(command.consolidationId)) {
        return fail('VALIDATION_FAILED', 'consolidationId is required.', [
          { field: 'consolidationId', message: 'required' },
        ]);
      }
      return ok([
        {
          type: 'RolloutStarted',
          consolidationId: command.consolidationId,
          startedAt: ctx.now,
          by: refOf(command.actor as UserActor),
        },
      ]);
    case 'RecordRolloutReport': {
      if (!isPeriod(command.period)) {
        return fail('VALIDATION_FAILED', "A report period is written 'YYYY-Qn'.", [
          { field: 'period', message: 'not YYYY-Qn' },
        ]);
      }
      const dueAt = rolloutReportDueAt(command.period, state!.terms.rolloutReportDay);
      return ok([
        {
          type: 'RolloutReportSubmitted',
          period: command.period,
          late: toEpochMs(ctx.now) > toEpochMs(dueAt),
          submittedAt: ctx.now,
          by: refOf(command.actor as UserActor),
        },
      ]);
    }
    case 'ClosePlan':
      return ok([{ type: 'PlanClosed', closedAt: ctx.now, by: refOf(command.actor as UserActor) }]);
  }
}

// ---------------------------------------------------------------------------------------------
// CreatePlan

function validTerms(
  terms: unknown,
  errors: FieldError[],
): (CycleTerms & { rolloutReportDay: number }) | null {
  if (!isObject(terms)) {
    errors.push({ field: 'cycle', message: 'required' });
    return null;
  }
  const t = terms as Partial<CycleTerms>;
  const wholeDays = (v: unknown, min: number) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= 365;
  if (!isInstant(t.submissionDeadline))
    errors.push({ field: 'cycle.submissionDeadline', message: 'not an instant' });
  if (!Array.isArray(t.reminderWorkingDays) || !t.reminderWorkingDays.every((n) => wholeDays(n, 1))) {
    errors.push({ field: 'cycle.reminderWorkingDays', message: 'whole numbers of working days, each ≥ 1' });
  }
  if (!wholeDays(t.reviewSlaDays, 1))
    errors.push({ field: 'cycle.reviewSlaDays', message: 'a whole number ≥ 1' });
  if (!wholeDays(t.revisionSlaDays, 1))
    errors.push({ field: 'cycle.revisionSlaDays', message: 'a whole number ≥ 1' });
  if (
    t.rolloutReportDay !== undefined &&
    !(Number.isSafeInteger(t.rolloutReportDay) && t.rolloutReportDay >= 0 && t.rolloutReportDay <= 92)
  ) {
    errors.push({ field: 'cycle.rolloutReportDay', message: 'a whole number of days, 0..92' });
  }
  const route: RouteStage[] = [];
  if (!Array.isArray(t.route) || t.route.length === 0) {
    errors.push({ field: 'cycle.route', message: 'at least one stage' });
  } else {
    const seen = new Set<number>();
    t.route.forEach((st, i) => {
      const fns = isObject(st) && Array.isArray(st.functions) ? (st.functions as unknown[]) : null;
      if (
        !isObject(st) ||
        !Number.isSafeInteger(st.stage) ||
        (st.stage as number) < 1 ||
        seen.has(st.stage as number)
      ) {
        errors.push({ field: `cycle.route[${i}].stage`, message: 'a distinct whole number ≥ 1' });
      } else if (
        !fns ||
        fns.length === 0 ||
        !fns.every((f) => isOneOf(AGENCY_FUNCTIONS, f)) ||
        new Set(fns).size !== fns.length
      ) {
        errors.push({
          field: `cycle.route[${i}].functions`,
          message: 'distinct functions among CONTENT, BUDGET, FINAL',
        });
      } else {
        seen.add(st.stage as number);
        route.push({ stage: st.stage as number, functions: [...(fns as AgencyFunction[])] });
      }
    });
  }
  if (errors.length) return null;
  return {
    submissionDeadline: toIso(t.submissionDeadline!),
    reminderWorkingDays: [...new Set(t.reminderWorkingDays!)].sort((a, b) => b - a),
    reviewSlaDays: t.reviewSlaDays!,
    revisionSlaDays: t.revisionSlaDays!,
    route: route.sort((a, b) => a.stage - b.stage),
    rolloutReportDay: t.rolloutReportDay ?? 15,
  };
}

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

function createPlan(command: CommandOf<'CreatePlan'>, ctx: DecideContext): Decision {
  const errors: FieldError[] = [];
  for (const f of ['planId', 'cycleId', 'organizationId', 'title'] as const) {
    if (isBlank(command[f])) errors.push({ field: f, message: 'required' });
  }
  const terms = validTerms(command.cycle, errors);
  if (errors.length || !terms) return fail('VALIDATION_FAILED', 'The plan cannot be created.', errors);
  return ok([
    {
      type: 'PlanCreated',
      planId: command.planId,
      cycleId: command.cycleId,
      organizationId: command.organizationId,
      title: command.title.trim(),
      terms,
      submissionReminders: submissionReminders(terms.reminderWorkingDays, terms.submissionDeadline, ctx),
      createdAt: ctx.now,
      by: refOf(command.actor as UserActor),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// EditContent, Withdraw

function editContent(_state: PlanState, command: CommandOf<'EditContent'>, ctx: DecideContext): Decision {
  const change = isObject(command.change) ? command.change : null;
  const errors: FieldError[] = [];
  if (!change || isBlank(change.kind)) errors.push({ field: 'change.kind', message: 'required' });
  if (!change || isBlank(change.summary)) errors.push({ field: 'change.summary', message: 'required' });
  const copied = change ? jsonCopy(change) : null;
  if (change && !copied) errors.push({ field: 'change.details', message: 'not JSON' });
  if (errors.length || !copied)
    return fail('VALIDATION_FAILED', 'A content change needs a kind and a summary.', errors);
  return ok([
    { type: 'ContentEdited', change: copied, editedAt: ctx.now, by: refOf(command.actor as UserActor) },
  ]);
}

function withdraw(command: CommandOf<'Withdraw'>, ctx: DecideContext): Decision {
  const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
  return ok([
    {
      type: 'PlanWithdrawn',
      ...(reason ? { reason } : {}),
      withdrawnAt: ctx.now,
      by: refOf(command.actor as UserActor),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Submit

/** Checks a content snapshot. Structure problems are VALIDATION_FAILED; the plan rules are RULE_VIOLATION. */
function checkContent(raw: unknown): Fail | PlanContent {
  const content = isObject(raw) ? jsonCopy(raw) : null;
  if (!content)
    return fail('VALIDATION_FAILED', 'The plan content is missing or not JSON.', [
      { field: 'content', message: 'required' },
    ]);
  const structure: FieldError[] = [];
  const rules: FieldError[] = [];
  if (isBlank(content.title)) structure.push({ field: 'content.title', message: 'required' });
  if (content.objectives === undefined || content.objectives === null) content.objectives = '';
  if (typeof content.objectives !== 'string')
    structure.push({ field: 'content.objectives', message: 'text' });
  const activities = content.activities;
  if (!Array.isArray(activities)) {
    structure.push({ field: 'content.activities', message: 'a list' });
    return fail('VALIDATION_FAILED', 'The plan content is malformed.', structure);
  }
  if (activities.length === 0)
    rules.push({ field: 'content.activities', message: 'a plan needs at least one activity' });
  const activityIds = new Set<string>();
  const lineIds = new Set<string>();
  activities.forEach((a: unknown, i) => {
    if (!isObject(a)) {
      structure.push({ field: `content.activities[${i}]`, message: 'an activity' });
      return;
    }
    const where = `content.activities[${i}]`;
    if (isBlank(a.id) || activityIds.has(a.id as string))
      structure.push({ field: `${where}.id`, message: 'a distinct id' });
    else activityIds.add(a.id as string);
    if (typeof a.code !== 'string') structure.push({ field: `${where}.code`, message: 'text' });
    if (isBlank(a.title)) structure.push({ field: `${where}.title`, message: 'required' });
    if (!isOneOf(ACTIVITY_TYPES, a.type))
      structure.push({ field: `${where}.type`, message: 'an activity type' });
    const name = `${typeof a.code === 'string' && a.code ? a.code : String(a.id)}`;
    if (!Array.isArray(a.budgetLines)) {
      structure.push({ field: `${where}.budgetLines`, message: 'a list' });
      return;
    }
    if (a.budgetLines.length === 0) {
      rules.push({ field: `${where}.budgetLines`, message: `activity ${name} has no budget line` });
    }
    a.budgetLines.forEach((l: unknown, j) => {
      const at = `${where}.budgetLines[${j}]`;
      if (!isObject(l)) {
        structure.push({ field: at, message: 'a budget line' });
        return;
      }
      if (isBlank(l.id) || lineIds.has(l.id as string))
        structure.push({ field: `${at}.id`, message: 'a distinct id' });
      else lineIds.add(l.id as string);
      if (typeof l.description !== 'string') structure.push({ field: `${at}.description`, message: 'text' });
      if (!isOneOf(BUDGET_CATEGORIES, l.category))
        structure.push({ field: `${at}.category`, message: 'a budget category' });
      if (!isOneOf(FUNDING_SOURCES, l.fundingSource))
        structure.push({ field: `${at}.fundingSource`, message: 'a funding source' });
      const amount = tryParseVnd(l.requestedAmount);
      if (amount === null) {
        rules.push({
          field: `${at}.requestedAmount`,
          message: `budget line ${String(l.id)} of activity ${name}: the requested amount must be a whole, non-negative number of đồng`,
        });
      } else {
        l.requestedAmount = amount.toString();
      }
    });
  });
  if (structure.length) return fail('VALIDATION_FAILED', 'The plan content is malformed.', structure);
  if (rules.length) return fail('RULE_VIOLATION', 'The plan cannot be submitted as it is.', rules);
  return content as PlanContent;
}

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
  const content = checkContent(command.content);
  if (isFail(content)) return content;

  const agencies: Agencies = {};
  const missing: FieldError[] = [];
  const given = isObject(command.agencies) ? (command.agencies as Agencies) : {};
  for (const fn of new Set(state.terms.route.flatMap((s) => s.functions))) {
    const a = given[fn];
    if (!isObject(a) || isBlank(a.id)) {
      missing.push({
        field: `agencies.${fn}`,
        message: `no appraisal agency for function ${fn} serves this union`,
      });
    } else {
      agencies[fn] = typeof a.name === 'string' ? { id: a.id, name: a.name } : { id: a.id };
    }
  }
  if (missing.length) {
    return fail(
      'NO_AGENCY_FOR_FUNCTION',
      `No appraisal agency for ${missing.map((m) => m.field.slice('agencies.'.length)).join(', ')}: the plan cannot be routed.`,
      missing,
    );
  }
  const own = Object.entries(agencies).filter(([, a]) => a.id === state.organizationId);
  if (own.length) {
    return fail(
      'SEPARATION_OF_DUTIES',
      `The union cannot appraise its own plan (${own.map(([fn]) => fn).join(', ')}).`,
      own.map(([fn]) => ({ field: `agencies.${fn}`, message: "the plan's own union" })),
    );
  }

  const version = state.version + 1;
  const limit = state.version === 0 ? state.submissionDeadline : (state.revision?.dueAt ?? null);
  const submitted: PlanEvent = {
    type: 'PlanSubmitted',
    version,
    round: version,
    content,
    agencies,
    submittedAt: ctx.now,
    late: limit !== null && toEpochMs(ctx.now) > toEpochMs(limit),
    by: refOf(command.actor as UserActor),
  };
  const after = evolve(state, submitted);
  return ok([submitted, ...openStage(after, state.terms.route[0], version, agencies, ctx)]);
}

// ---------------------------------------------------------------------------------------------
// DecideReview

function requestedById(content: PlanContent): Map<string, { amount: Vnd; fundingSource: string }> {
  const out = new Map<string, { amount: Vnd; fundingSource: string }>();
  for (const a of content.activities) {
    for (const l of a.budgetLines)
      out.set(l.id, { amount: BigInt(l.requestedAmount), fundingSource: l.fundingSource });
  }
  return out;
}

function checkLines(
  review: Review,
  command: CommandOf<'DecideReview'>,
  content: PlanContent,
): Fail | ApprovedLine[] | undefined {
  const given: unknown = command.lines;
  if (given !== undefined && given !== null && !Array.isArray(given)) {
    return fail('VALIDATION_FAILED', 'lines must be a list.', [{ field: 'lines', message: 'a list' }]);
  }
  const none = !Array.isArray(given) || given.length === 0;
  if (review.function !== 'BUDGET') {
    if (none) return undefined;
    return fail(
      'VALIDATION_FAILED',
      `Approved amounts are set by the BUDGET review, not ${review.function}.`,
      [{ field: 'lines', message: 'only on a BUDGET review' }],
    );
  }
  if (none && command.decision !== 'APPROVE') return undefined;
  const requested = requestedById(content);
  const errors: FieldError[] = [];
  const out: ApprovedLine[] = [];
  const seen = new Set<string>();
  ((given ?? []) as unknown[]).forEach((l, i) => {
    if (!isObject(l) || isBlank(l.budgetLineId)) {
      errors.push({ field: `lines[${i}].budgetLineId`, message: 'required' });
      return;
    }
    const id = l.budgetLineId as string;
    const req = requested.get(id);
    if (!req) {
      errors.push({
        field: `lines[${i}].budgetLineId`,
        message: `no budget line ${id} in the submitted version`,
      });
      return;
    }
    if (seen.has(id)) {
      errors.push({ field: `lines[${i}].budgetLineId`, message: `budget line ${id} appears twice` });
      return;
    }
    seen.add(id);
    const amount = tryParseVnd(l.approvedAmount);
    if (amount === null || amount > req.amount) {
      errors.push({
        field: `lines[${i}].approvedAmount`,
        message: `budget line ${id}: the approved amount must be a whole number of đồng between 0 and ${req.amount}`,
      });
      return;
    }
    const comment = typeof l.comment === 'string' ? l.comment.trim() : '';
    out.push(
      comment
        ? { budgetLineId: id, approvedAmount: amount.toString(), comment }
        : { budgetLineId: id, approvedAmount: amount.toString() },
    );
  });
  if (command.decision === 'APPROVE') {
    for (const id of requested.keys()) {
      if (!seen.has(id)) {
        errors.push({ field: `lines[${id}]`, message: `budget line ${id} needs an approved amount` });
      }
    }
  }
  if (errors.length) return fail('VALIDATION_FAILED', 'The approved amounts are not valid.', errors);
  // In the content's order, so the record reads like the estimate.
  const order = [...requested.keys()];
  return out.sort((a, b) => order.indexOf(a.budgetLineId) - order.indexOf(b.budgetLineId));
}

function checkDecisionRecord(raw: unknown): Fail | DecisionRecord | undefined {
  if (raw === undefined || raw === null) return undefined;
  const errors: FieldError[] = [];
  const r = isObject(raw) ? raw : {};
  if (isBlank(r.number)) errors.push({ field: 'decisionRecord.number', message: 'required' });
  if (!isLocalDate(r.date)) errors.push({ field: 'decisionRecord.date', message: 'a date, YYYY-MM-DD' });
  if (isBlank(r.signer)) errors.push({ field: 'decisionRecord.signer', message: 'required' });
  if (errors.length) return fail('VALIDATION_FAILED', 'The approval decision record is incomplete.', errors);
  return { number: (r.number as string).trim(), date: r.date as string, signer: (r.signer as string).trim() };
}

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

function decideReview(
  state: PlanState,
  review: Review,
  command: CommandOf<'DecideReview'>,
  ctx: DecideContext,
): Decision {
  if (!isOneOf(REVIEW_DECISIONS, command.decision)) {
    return fail('VALIDATION_FAILED', 'decision is APPROVE, REQUEST_REVISION or REJECT.', [
      { field: 'decision', message: 'unknown' },
    ]);
  }
  const comment = typeof command.comment === 'string' ? command.comment.trim() : '';
  if (command.decision !== 'APPROVE' && !comment) {
    return fail('VALIDATION_FAILED', 'A revision request or a rejection carries a reason.', [
      { field: 'comment', message: 'required' },
    ]);
  }
  const lines = checkLines(review, command, state.content!);
  if (isFail(lines)) return lines;
  const record = checkDecisionRecord(command.decisionRecord);
  if (isFail(record)) return record;

  const decided: PlanEvent = {
    type: 'ReviewDecided',
    reviewId: review.id,
    decision: command.decision,
    ...(comment ? { comment } : {}),
    ...(lines ? { lines } : {}),
    ...(record ? { decisionRecord: record } : {}),
    by: refOf(command.actor as UserActor),
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
        reason: comment,
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
        reason: comment,
        revisionDueAt: dueAt.toISOString(),
        revisionReminderAt: ctx.calendar.workingDaysBefore(dueAt, 1).toISOString(),
        cancelledReviewIds: pendingOfRound(),
        requestedAt: ctx.now,
      },
    ]);
  }

  const stageReviews = after.reviews.filter((r) => r.round === after.round && r.stage === review.stage);
  if (!stageReviews.every((r) => r.status === 'APPROVED')) return ok([decided]);
  const route = state.terms.route;
  const next = route.find((s) => s.stage > review.stage);
  if (next) return ok([decided, ...openStage(after, next, after.round, after.agencies, ctx)]);

  // The approval that completes the last stage records the approval decision.
  if (!record) {
    return fail(
      'VALIDATION_FAILED',
      'The final approval records the approval decision: number, date and signer.',
      [{ field: 'decisionRecord', message: 'required on the approval that completes the last stage' }],
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
// GrantExtension

function grantExtension(
  state: PlanState,
  command: CommandOf<'GrantExtension'>,
  ctx: DecideContext,
): Decision {
  const errors: FieldError[] = [];
  if (!isInstant(command.newDeadline)) errors.push({ field: 'newDeadline', message: 'not an instant' });
  if (isBlank(command.reason)) errors.push({ field: 'reason', message: 'required' });
  if (errors.length)
    return fail('VALIDATION_FAILED', 'An extension needs a new deadline and a reason.', errors);
  const newDeadline = toIso(command.newDeadline);
  if (toEpochMs(newDeadline) <= toEpochMs(ctx.now)) {
    return fail('DEADLINE_PASSED', 'The new deadline is already past.', [
      { field: 'newDeadline', message: 'not after now' },
    ]);
  }
  if (toEpochMs(newDeadline) <= toEpochMs(state.submissionDeadline)) {
    return fail('VALIDATION_FAILED', 'An extension moves the deadline later.', [
      { field: 'newDeadline', message: 'not after the current deadline' },
    ]);
  }
  return ok([
    {
      type: 'SubmissionDeadlineExtended',
      previousDeadline: state.submissionDeadline,
      newDeadline,
      reason: command.reason.trim(),
      submissionReminders: submissionReminders(state.terms.reminderWorkingDays, newDeadline, ctx),
      extendedAt: ctx.now,
      by: refOf(command.actor as UserActor),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// DeadlineReached

function whyGone(state: PlanState, key: string): string {
  const [kind, id] = [
    key.slice(0, key.indexOf(':') < 0 ? key.length : key.indexOf(':')),
    key.slice(key.indexOf(':') + 1),
  ];
  if (kind === 'submission-reminder' || kind === 'submission-deadline') {
    return state.version > 0 ? 'the plan was already submitted' : `the plan is ${state.status}`;
  }
  if (kind === 'review-reminder' || kind === 'review-sla') {
    const review = state.reviews.find((r) => r.id === id);
    if (!review) return `there is no review ${id}`;
    if (review.round !== state.round) return `review ${id} belongs to an earlier version`;
    return `review ${id} is ${review.status}`;
  }
  if (kind === 'revision-reminder' || kind === 'revision-sla') {
    return state.status === 'REVISION_REQUESTED'
      ? 'that revision request was superseded'
      : `the plan is ${state.status}`;
  }
  if (kind === 'rollout-report') {
    if (state.rollout?.reportsSubmitted.includes(id)) return `the report for ${id} was already submitted`;
    return state.status === 'IN_ROLLOUT'
      ? `no report for ${id} is awaited now`
      : `the plan is ${state.status}`;
  }
  return `no timer ${key} belongs to this plan`;
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
      return ok([{ type: 'RolloutReportDue', period: key.slice('rollout-report:'.length), ...fire }]);
  }
}
