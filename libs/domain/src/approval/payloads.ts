/**
 * The shape of each command's payload: what `decide` accepts as well-formed, normalised the way
 * the events record it. Shape problems are VALIDATION_FAILED; the chain's rules on a well-formed
 * payload are guards in the transition table (rules.ts).
 */
import { isInstant, isLocalDate, toIso } from '../calendar';
import type { FieldError } from '../errors';
import { tryParseVnd } from '../money';
import { ACTIVITY_TYPES, BUDGET_CATEGORIES, FUNDING_SOURCES, isOneOf } from '../norms';
import { isPeriod } from './deadlines';
import {
  AGENCY_FUNCTIONS,
  IMPLEMENTATION_STATUSES,
  REVIEW_DECISIONS,
  type Agencies,
  type AgencyFunction,
  type ApprovedLine,
  type CommandOf,
  type CycleTerms,
  type DecisionRecord,
  type PlanCommandType,
  type PlanContent,
  type PlanState,
  type Refusal,
  type Review,
  type RouteStage,
  type StateFor,
} from './types';

function isBlank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonCopy<T>(value: T): T | null {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

export function refusal(code: Refusal['code'], message: string, errors?: FieldError[]): Refusal {
  return errors && errors.length ? { code, message, errors } : { code, message };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: Refusal };
const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
const invalid = <T>(message: string, errors?: FieldError[]): Parsed<T> => ({
  ok: false,
  error: refusal('VALIDATION_FAILED', message, errors),
});

// ---------------------------------------------------------------------------------------------
// Route

/**
 * The one rule for a cycle's route, for the API (creating a cycle) and the machine (CreatePlan):
 * stages numbered 1..n in order, each a non-empty list of known functions, each function in one
 * stage only. A function repeated within its own stage is counted once. `fieldOf()` names the
 * route, `fieldOf(i)` its stage i, in the caller's field syntax.
 */
export function validateRoute(
  route: unknown,
  fieldOf: (stage?: number) => string,
): { ok: true; route: RouteStage[] } | { ok: false; error: Refusal } {
  const message =
    'A route has stages numbered 1, 2, … in order, each with one or more of CONTENT, BUDGET, FINAL, each function in one stage only.';
  if (!Array.isArray(route) || route.length === 0) {
    return {
      ok: false,
      error: refusal('VALIDATION_FAILED', message, [{ field: fieldOf(), message: 'at least one stage' }]),
    };
  }
  const errors: FieldError[] = [];
  const out: RouteStage[] = [];
  const seen = new Set<AgencyFunction>();
  route.forEach((st: unknown, i) => {
    const at = fieldOf(i);
    if (!isObject(st) || st.stage !== i + 1) {
      errors.push({ field: `${at}.stage`, message: `expected ${i + 1}` });
      return;
    }
    const fns = Array.isArray(st.functions) ? (st.functions as unknown[]) : [];
    if (fns.length === 0 || !fns.every((f) => isOneOf(AGENCY_FUNCTIONS, f))) {
      errors.push({ field: `${at}.functions`, message: 'one or more of CONTENT, BUDGET, FINAL' });
      return;
    }
    const functions = [...new Set(fns as AgencyFunction[])];
    for (const f of functions) {
      if (seen.has(f)) errors.push({ field: `${at}.functions`, message: `${f} repeated` });
      seen.add(f);
    }
    out.push({ stage: i + 1, functions });
  });
  return errors.length
    ? { ok: false, error: refusal('VALIDATION_FAILED', message, errors) }
    : { ok: true, route: out };
}

// ---------------------------------------------------------------------------------------------
// CreatePlan

const DEFAULT_ROLLOUT_REPORT_DAY = 15;

function parseTerms(
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
  const route = validateRoute(t.route, (i) => (i === undefined ? 'cycle.route' : `cycle.route[${i}]`));
  if (!route.ok) errors.push(...(route.error.errors ?? []));
  if (errors.length || !route.ok) return null;
  return {
    submissionDeadline: toIso(t.submissionDeadline!),
    reminderWorkingDays: [...new Set(t.reminderWorkingDays!)].sort((a, b) => b - a),
    reviewSlaDays: t.reviewSlaDays!,
    revisionSlaDays: t.revisionSlaDays!,
    route: route.route,
    rolloutReportDay: t.rolloutReportDay ?? DEFAULT_ROLLOUT_REPORT_DAY,
  };
}

function createPlan(command: CommandOf<'CreatePlan'>) {
  const errors: FieldError[] = [];
  for (const f of ['planId', 'cycleId', 'organizationId', 'title'] as const) {
    if (isBlank(command[f])) errors.push({ field: f, message: 'required' });
  }
  const terms = parseTerms(command.cycle, errors);
  if (errors.length || !terms) return invalid<typeof command>('The plan cannot be created.', errors);
  return parsed({ ...command, title: command.title.trim(), cycle: terms });
}

// ---------------------------------------------------------------------------------------------
// EditContent, Withdraw

function editContent(command: CommandOf<'EditContent'>) {
  const change = isObject(command.change) ? command.change : null;
  const errors: FieldError[] = [];
  if (!change || isBlank(change.kind)) errors.push({ field: 'change.kind', message: 'required' });
  if (!change || isBlank(change.summary)) errors.push({ field: 'change.summary', message: 'required' });
  const copied = change ? jsonCopy(change) : null;
  if (change && !copied) errors.push({ field: 'change.details', message: 'not JSON' });
  if (errors.length || !copied)
    return invalid<typeof command>('A content change needs a kind and a summary.', errors);
  return parsed({ ...command, change: copied });
}

function withdraw(command: CommandOf<'Withdraw'>) {
  const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
  const { reason: _given, ...rest } = command;
  return parsed<typeof command>(reason ? { ...rest, reason } : rest);
}

// ---------------------------------------------------------------------------------------------
// Submit

/**
 * A content snapshot's structure, with requested amounts written as whole đồng where they parse.
 * The plan rules (an activity at least, a budget line per activity, valid amounts) are the guard
 * `contentRules` in rules.ts.
 */
function parseContent(raw: unknown): Parsed<PlanContent> {
  const content = isObject(raw) ? jsonCopy(raw) : null;
  if (!content)
    return invalid('The plan content is missing or not JSON.', [{ field: 'content', message: 'required' }]);
  const structure: FieldError[] = [];
  if (isBlank(content.title)) structure.push({ field: 'content.title', message: 'required' });
  if (content.objectives === undefined || content.objectives === null) content.objectives = '';
  if (typeof content.objectives !== 'string')
    structure.push({ field: 'content.objectives', message: 'text' });
  const activities = content.activities;
  if (!Array.isArray(activities)) {
    structure.push({ field: 'content.activities', message: 'a list' });
    return invalid('The plan content is malformed.', structure);
  }
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
    if (!Array.isArray(a.budgetLines)) {
      structure.push({ field: `${where}.budgetLines`, message: 'a list' });
      return;
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
      if (amount !== null) l.requestedAmount = amount.toString();
    });
  });
  if (structure.length) return invalid('The plan content is malformed.', structure);
  return parsed(content as PlanContent);
}

function submit(command: CommandOf<'Submit'>) {
  const content = parseContent(command.content);
  if (!content.ok) return content;
  return parsed({ ...command, content: content.value });
}

/** The agencies a submission routes to: one per function on the plan's route, from those the host found. */
export function routedAgencies(
  state: PlanState,
  given: unknown,
): { agencies: Agencies; missing: AgencyFunction[] } {
  const found = isObject(given) ? (given as Agencies) : {};
  const agencies: Agencies = {};
  const missing: AgencyFunction[] = [];
  for (const fn of new Set(state.terms.route.flatMap((s) => s.functions))) {
    const a = found[fn];
    if (!isObject(a) || isBlank(a.id)) missing.push(fn);
    else agencies[fn] = typeof a.name === 'string' ? { id: a.id, name: a.name } : { id: a.id };
  }
  return { agencies, missing };
}

// ---------------------------------------------------------------------------------------------
// DecideReview

function parseLines(
  review: Review,
  command: CommandOf<'DecideReview'>,
  content: PlanContent,
): Parsed<ApprovedLine[] | undefined> {
  const given: unknown = command.lines;
  if (given !== undefined && given !== null && !Array.isArray(given)) {
    return invalid('lines must be a list.', [{ field: 'lines', message: 'a list' }]);
  }
  const none = !Array.isArray(given) || given.length === 0;
  if (review.function !== 'BUDGET') {
    if (none) return parsed(undefined);
    return invalid(`Approved amounts are set by the BUDGET review, not ${review.function}.`, [
      { field: 'lines', message: 'only on a BUDGET review' },
    ]);
  }
  if (none && command.decision !== 'APPROVE') return parsed(undefined);
  const requested = new Map<string, bigint>();
  for (const a of content.activities)
    for (const l of a.budgetLines) requested.set(l.id, BigInt(l.requestedAmount));
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
    if (req === undefined) {
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
    if (amount === null || amount > req) {
      errors.push({
        field: `lines[${i}].approvedAmount`,
        message: `budget line ${id}: the approved amount must be a whole number of đồng between 0 and ${req}`,
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
      if (!seen.has(id))
        errors.push({ field: `lines[${id}]`, message: `budget line ${id} needs an approved amount` });
    }
  }
  if (errors.length) return invalid('The approved amounts are not valid.', errors);
  // In the content's order, so the record reads like the estimate.
  const order = [...requested.keys()];
  return parsed(out.sort((a, b) => order.indexOf(a.budgetLineId) - order.indexOf(b.budgetLineId)));
}

function parseDecisionRecord(raw: unknown): Parsed<DecisionRecord | undefined> {
  if (raw === undefined || raw === null) return parsed(undefined);
  const errors: FieldError[] = [];
  const r = isObject(raw) ? raw : {};
  if (isBlank(r.number)) errors.push({ field: 'decisionRecord.number', message: 'required' });
  if (!isLocalDate(r.date)) errors.push({ field: 'decisionRecord.date', message: 'a date, YYYY-MM-DD' });
  if (isBlank(r.signer)) errors.push({ field: 'decisionRecord.signer', message: 'required' });
  if (errors.length) return invalid('The approval decision record is incomplete.', errors);
  return parsed({
    number: (r.number as string).trim(),
    date: r.date as string,
    signer: (r.signer as string).trim(),
  });
}

function decideReview(state: PlanState, command: CommandOf<'DecideReview'>) {
  if (!isOneOf(REVIEW_DECISIONS, command.decision)) {
    return invalid<typeof command>('decision is APPROVE, REQUEST_REVISION or REJECT.', [
      { field: 'decision', message: 'unknown' },
    ]);
  }
  const comment = typeof command.comment === 'string' ? command.comment.trim() : '';
  if (command.decision !== 'APPROVE' && !comment) {
    return invalid<typeof command>('A revision request or a rejection carries a reason.', [
      { field: 'comment', message: 'required' },
    ]);
  }
  // The guards found the review, pending in the current round.
  const review = state.reviews.find((r) => r.id === command.reviewId)!;
  const lines = parseLines(review, command, state.content!);
  if (!lines.ok) return lines;
  const record = parseDecisionRecord(command.decisionRecord);
  if (!record.ok) return record;
  const { comment: _c, lines: _l, decisionRecord: _r, ...rest } = command;
  return parsed<typeof command>({
    ...rest,
    ...(comment ? { comment } : {}),
    ...(lines.value ? { lines: lines.value } : {}),
    ...(record.value ? { decisionRecord: record.value } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// GrantExtension, rollout

function grantExtension(command: CommandOf<'GrantExtension'>) {
  const errors: FieldError[] = [];
  if (!isInstant(command.newDeadline)) errors.push({ field: 'newDeadline', message: 'not an instant' });
  if (isBlank(command.reason)) errors.push({ field: 'reason', message: 'required' });
  if (errors.length)
    return invalid<typeof command>('An extension needs a new deadline and a reason.', errors);
  return parsed({ ...command, newDeadline: toIso(command.newDeadline), reason: command.reason.trim() });
}

function startRollout(command: CommandOf<'StartRollout'>) {
  if (isBlank(command.consolidationId)) {
    return invalid<typeof command>('consolidationId is required.', [
      { field: 'consolidationId', message: 'required' },
    ]);
  }
  return parsed(command);
}

function recordRolloutReport(command: CommandOf<'RecordRolloutReport'>) {
  if (!isPeriod(command.period)) {
    return invalid<typeof command>("A report period is written 'YYYY-Qn'.", [
      { field: 'period', message: 'not YYYY-Qn' },
    ]);
  }
  return parsed(command);
}

function recordProgress(command: CommandOf<'RecordProgress'>) {
  const errors: FieldError[] = [];
  if (isBlank(command.activityId)) errors.push({ field: 'activityId', message: 'required' });
  if (!isOneOf(IMPLEMENTATION_STATUSES, command.implementationStatus))
    errors.push({ field: 'implementationStatus', message: IMPLEMENTATION_STATUSES.join(', ') });
  const spend: bigint | null | undefined =
    command.actualSpend === undefined ? undefined : tryParseVnd(command.actualSpend);
  if (spend === null) errors.push({ field: 'actualSpend', message: 'a whole, non-negative number of đồng' });
  if (command.results !== undefined && typeof command.results !== 'string')
    errors.push({ field: 'results', message: 'text' });
  if (command.reportedOn !== undefined && !isLocalDate(command.reportedOn))
    errors.push({ field: 'reportedOn', message: 'a date, YYYY-MM-DD' });
  if (errors.length) return invalid<typeof command>('The progress report is not valid.', errors);
  return parsed<typeof command>({
    type: command.type,
    actor: command.actor,
    activityId: command.activityId,
    implementationStatus: command.implementationStatus,
    ...(spend !== undefined && spend !== null ? { actualSpend: spend.toString() } : {}),
    ...(command.results !== undefined ? { results: command.results } : {}),
    ...(command.reportedOn !== undefined ? { reportedOn: command.reportedOn } : {}),
  });
}

/** The facts a close carries, when it carries them (see ClosePlan in types.ts). */
function closePlan(command: CommandOf<'ClosePlan'>) {
  const errors: FieldError[] = [];
  const open: unknown = command.openActivities;
  if (open !== undefined) {
    if (!Array.isArray(open)) errors.push({ field: 'openActivities', message: 'a list' });
    else
      open.forEach((a: unknown, i) => {
        if (!isObject(a) || isBlank(a.activityId) || typeof a.code !== 'string')
          errors.push({ field: `openActivities[${i}]`, message: 'an activity id and code' });
        else if (a.implementationStatus !== null && !isOneOf(IMPLEMENTATION_STATUSES, a.implementationStatus))
          errors.push({
            field: `openActivities[${i}].implementationStatus`,
            message: IMPLEMENTATION_STATUSES.join(', '),
          });
      });
  }
  if (command.annualReportAccepted !== undefined && typeof command.annualReportAccepted !== 'boolean')
    errors.push({ field: 'annualReportAccepted', message: 'true or false' });
  if (errors.length) return invalid<typeof command>('The close is not valid.', errors);
  return parsed(command);
}

const asIs = <C>(command: C) => parsed(command);

/**
 * Each command's payload, checked and normalised (trimmed text, whole-đồng amounts, sorted
 * reminder days, ...). Runs after the status check, so a well-formed payload is judged only when
 * the command could be accepted at all.
 */
export const PAYLOADS: {
  readonly [K in PlanCommandType]: (state: StateFor<K>, command: CommandOf<K>) => Parsed<CommandOf<K>>;
} = {
  CreatePlan: (_s, c) => createPlan(c),
  EditContent: (_s, c) => editContent(c),
  Submit: (_s, c) => submit(c),
  Withdraw: (_s, c) => withdraw(c),
  DecideReview: decideReview,
  GrantExtension: (_s, c) => grantExtension(c),
  DeadlineReached: (_s, c) => asIs(c),
  StartRollout: (_s, c) => startRollout(c),
  RecordRolloutReport: (_s, c) => recordRolloutReport(c),
  RecordProgress: (_s, c) => recordProgress(c),
  ClosePlan: (_s, c) => closePlan(c),
};
