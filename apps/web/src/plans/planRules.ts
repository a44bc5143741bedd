import { isTerminal, PLAN_TRANSITIONS } from '@vufo/domain/approval/rules';
import { PLAN_STATUSES, type PlanStatus } from '@vufo/domain/approval/types';

/**
 * What the screens need to know of the approval chain's rules, read from the domain's transition
 * table rather than restated: a status added or a rule changed there shows here without a second
 * edit. The server decides; these only spare the user a button the server would refuse.
 */

type PlanCommandType = keyof typeof PLAN_TRANSITIONS;

const accepts = (from: readonly string[], status: string) => from.includes(status);

/** Whether one of `roles` may send the command (the scope — own union, central — is the caller's). */
export function holdsRoleFor(command: PlanCommandType, roles: readonly string[]): boolean {
  const who = PLAN_TRANSITIONS[command].who;
  return who.actor === 'user' && who.roles.some((r) => roles.includes(r));
}

/** Whether a user with `roles` may send the command to a plan in `status`. */
export const maySend = (command: PlanCommandType, status: string, roles: readonly string[]): boolean =>
  accepts(PLAN_TRANSITIONS[command].from, status) && holdsRoleFor(command, roles);

/** The union edits its plan's content (a draft, or a plan sent back for revision). */
export const isEditable = (status: string): boolean => accepts(PLAN_TRANSITIONS.EditContent.from, status);

/** A LEADER may move the union's submission deadline. */
export const isExtendable = (status: string): boolean =>
  accepts(PLAN_TRANSITIONS.GrantExtension.from, status);

/**
 * A plan that holds its union's one place in the cycle: a rejected or withdrawn plan leaves it
 * free for a new one (the server's "one live plan per union and cycle").
 */
export const isLive = (status: string): boolean => status !== 'REJECTED' && status !== 'WITHDRAWN';

/**
 * The statuses in the order a plan moves through them, "no plan yet" first: those it moves on
 * from, then those it never leaves. Bars of the progress chart and columns of the province grid.
 */
export const STATUS_ORDER: readonly (PlanStatus | 'NOT_STARTED')[] = [
  'NOT_STARTED',
  ...PLAN_STATUSES.filter((s) => !isTerminal(s)),
  ...PLAN_STATUSES.filter((s) => isTerminal(s)),
];

/** The statuses a plan can reach from `start` (itself included), following the table's `to`. */
function reachableFrom(start: PlanStatus): PlanStatus[] {
  const seen = new Set<PlanStatus>([start]);
  // A Set visits what is added while iterating it: a breadth-first walk in four lines.
  for (const s of seen)
    for (const rule of Object.values(PLAN_TRANSITIONS))
      if (accepts(rule.from, s)) for (const next of rule.to ?? []) seen.add(next);
  return [...seen];
}

/** Approved, whatever happened since (rolled out, closed): what the cycle's progress counts. */
export const APPROVED_OR_LATER: readonly PlanStatus[] = reachableFrom('APPROVED');

/** How many plans of a per-status count are approved (or further along). */
export const approvedCount = (counts: Record<string, number>): number =>
  APPROVED_OR_LATER.reduce((n, s) => n + (counts[s] ?? 0), 0);
