import { tryParseVnd } from '../money';
import type { PlanActivity, PlanBudgetLine, PlanContent } from './types';

export type DiffValue = string | number | boolean | null | DiffValue[] | { [key: string]: DiffValue };

interface LineRef {
  activityId: string;
  activityCode: string;
  budgetLineId: string;
  description: string;
}

/** One business-readable difference between two submitted versions. Budget line field `amount` is the requested amount. */
export type ContentChange =
  | { kind: 'PLAN_CHANGED'; field: string; from: DiffValue; to: DiffValue }
  | { kind: 'ACTIVITY_ADDED'; activityId: string; code: string; title: string }
  | { kind: 'ACTIVITY_REMOVED'; activityId: string; code: string; title: string }
  | {
      kind: 'ACTIVITY_CHANGED';
      activityId: string;
      code: string;
      field: string;
      from: DiffValue;
      to: DiffValue;
    }
  | ({ kind: 'BUDGET_LINE_ADDED'; amount: string } & LineRef)
  | ({ kind: 'BUDGET_LINE_REMOVED'; amount: string } & LineRef)
  | ({ kind: 'BUDGET_LINE_CHANGED'; field: string; from: DiffValue; to: DiffValue } & LineRef)
  | { kind: 'TOTAL_REQUESTED_CHANGED'; from: string; to: string };

function toDiffValue(v: unknown): DiffValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(toDiffValue);
  if (typeof v === 'object') {
    const out: { [key: string]: DiffValue } = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = toDiffValue(x);
    }
    return out;
  }
  return null;
}

function same(a: DiffValue, b: DiffValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields to compare: the well-known ones first (in this order), then any other field present, alphabetically. */
function fieldsOf(a: object, b: object, known: string[], skip: string[]): string[] {
  const others = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !known.includes(k) && !skip.includes(k))
    .sort();
  return [...known, ...others];
}

const AMOUNT = 'requestedAmount';

function amountOf(line: PlanBudgetLine): string {
  const v = tryParseVnd(line[AMOUNT]);
  return v === null ? String(line[AMOUNT]) : v.toString();
}

function totalOf(content: PlanContent): bigint {
  let total = 0n;
  for (const a of content.activities ?? [])
    for (const l of a.budgetLines ?? []) total += tryParseVnd(l[AMOUNT]) ?? 0n;
  return total;
}

function linesById(content: PlanContent): Map<string, { line: PlanBudgetLine; activity: PlanActivity }> {
  const out = new Map<string, { line: PlanBudgetLine; activity: PlanActivity }>();
  for (const activity of content.activities ?? [])
    for (const line of activity.budgetLines ?? []) out.set(line.id, { line, activity });
  return out;
}

function ref(activity: PlanActivity, line: PlanBudgetLine): LineRef {
  return {
    activityId: activity.id,
    activityCode: String(activity.code ?? ''),
    budgetLineId: line.id,
    description: String(line.description ?? ''),
  };
}

/**
 * What changed from one submitted version to another: plan fields (title, objectives, ...);
 * activities added, removed or changed (per field); budget lines added, removed or changed (per
 * field: amount, description, category, fundingSource, activity when it moved, and any other scalar
 * field the host includes), matched by id; and the total requested when it changed. Pure.
 */
export function diffContents(from: PlanContent, to: PlanContent): ContentChange[] {
  const changes: ContentChange[] = [];

  for (const field of fieldsOf(from, to, ['title', 'objectives'], ['activities'])) {
    const [a, b] = [toDiffValue(from[field]), toDiffValue(to[field])];
    if (!same(a, b)) changes.push({ kind: 'PLAN_CHANGED', field, from: a, to: b });
  }

  const fromActivities = new Map((from.activities ?? []).map((a) => [a.id, a]));
  const toActivities = new Map((to.activities ?? []).map((a) => [a.id, a]));
  for (const a of to.activities ?? []) {
    const before = fromActivities.get(a.id);
    if (!before) {
      changes.push({
        kind: 'ACTIVITY_ADDED',
        activityId: a.id,
        code: String(a.code ?? ''),
        title: String(a.title ?? ''),
      });
      continue;
    }
    for (const field of fieldsOf(before, a, ['code', 'title', 'type'], ['id', 'budgetLines'])) {
      const [x, y] = [toDiffValue(before[field]), toDiffValue(a[field])];
      if (!same(x, y))
        changes.push({
          kind: 'ACTIVITY_CHANGED',
          activityId: a.id,
          code: String(a.code ?? ''),
          field,
          from: x,
          to: y,
        });
    }
  }
  for (const a of from.activities ?? []) {
    if (!toActivities.has(a.id)) {
      changes.push({
        kind: 'ACTIVITY_REMOVED',
        activityId: a.id,
        code: String(a.code ?? ''),
        title: String(a.title ?? ''),
      });
    }
  }

  const fromLines = linesById(from);
  const toLines = linesById(to);
  for (const [id, { line, activity }] of toLines) {
    const before = fromLines.get(id);
    if (!before) {
      changes.push({ kind: 'BUDGET_LINE_ADDED', ...ref(activity, line), amount: amountOf(line) });
      continue;
    }
    const where = ref(activity, line);
    if (before.activity.id !== activity.id) {
      changes.push({
        kind: 'BUDGET_LINE_CHANGED',
        ...where,
        field: 'activity',
        from: String(before.activity.code ?? before.activity.id),
        to: String(activity.code ?? activity.id),
      });
    }
    for (const field of fieldsOf(
      before.line,
      line,
      [AMOUNT, 'description', 'category', 'fundingSource'],
      // overNorm is derived from the norms at submission, not an edit of the line.
      ['id', 'overNorm'],
    )) {
      const [x, y] =
        field === AMOUNT
          ? [amountOf(before.line), amountOf(line)]
          : [toDiffValue(before.line[field]), toDiffValue(line[field])];
      if (!same(x, y))
        changes.push({
          kind: 'BUDGET_LINE_CHANGED',
          ...where,
          field: field === AMOUNT ? 'amount' : field,
          from: x,
          to: y,
        });
    }
  }
  for (const [id, { line, activity }] of fromLines) {
    if (!toLines.has(id))
      changes.push({ kind: 'BUDGET_LINE_REMOVED', ...ref(activity, line), amount: amountOf(line) });
  }

  const [totalFrom, totalTo] = [totalOf(from), totalOf(to)];
  if (totalFrom !== totalTo) {
    changes.push({ kind: 'TOTAL_REQUESTED_CHANGED', from: totalFrom.toString(), to: totalTo.toString() });
  }
  return changes;
}
