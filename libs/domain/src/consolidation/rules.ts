import { localDateOf } from '../calendar';
import { refusal } from '../approval/payloads';
import type { Refusal, Role } from '../approval/types';
import type {
  ConsolidationCommand,
  ConsolidationCommandOf,
  ConsolidationCommandType,
  ConsolidationContext,
  ConsolidationStateFor,
  ConsolidationStatus,
} from './types';

/**
 * Who may send a consolidation's command: a user holding one of `roles`. Consolidation is central
 * work; the host gives CONSOLIDATOR and LEADER to central staff only, as for the plan's `central` scope.
 */
export interface ConsolidationPermission {
  actor: 'user';
  roles: readonly Role[];
}

/** A veto on the state and the facts the command carries: null lets it through. */
export type ConsolidationGuard<T extends ConsolidationCommandType> = (
  state: ConsolidationStateFor<T>,
  command: ConsolidationCommandOf<T>,
) => Refusal | null;

/** A veto on the well-formed payload; it may depend on the time the command is decided at. */
export type ConsolidationPayloadGuard<T extends ConsolidationCommandType> = (
  state: ConsolidationStateFor<T>,
  command: ConsolidationCommandOf<T>,
  ctx: ConsolidationContext,
) => Refusal | null;

export interface ConsolidationRule<T extends ConsolidationCommandType> {
  /** Statuses the command is accepted in; 'NONE' = the stream does not exist yet. */
  from: readonly (ConsolidationStatus | 'NONE')[];
  who: ConsolidationPermission;
  /** After `who`, before the status. */
  guards?: readonly ConsolidationGuard<T>[];
  /** After the status and the payload's shape (payloads.ts). */
  payloadGuards?: readonly ConsolidationPayloadGuard<T>[];
  /** Statuses the consolidation can be in once the command is accepted. */
  to: readonly ConsolidationStatus[];
}

const user = (...roles: Role[]): ConsolidationPermission => ({ actor: 'user', roles });

// ---------------------------------------------------------------------------------------------
// CreateConsolidation guards: the facts the host read under the cycle's lock

/** A pending consolidation blocks the next one: the leadership decides one at a time. */
function noneAwaitingLeadership(_s: null, c: ConsolidationCommandOf<'CreateConsolidation'>): Refusal | null {
  return typeof c.pendingConsolidationId === 'string' && c.pendingConsolidationId
    ? refusal(
        'CONSOLIDATION_PENDING',
        `Consolidation ${c.pendingConsolidationId} of this cycle still awaits the leadership.`,
      )
    : null;
}

function somethingToConsolidate(_s: null, c: ConsolidationCommandOf<'CreateConsolidation'>): Refusal | null {
  return Array.isArray(c.plans) && c.plans.length > 0
    ? null
    : refusal(
        'NOTHING_TO_CONSOLIDATE',
        'No approved plan of this cycle is left outside an approved or pending consolidation.',
      );
}

// ---------------------------------------------------------------------------------------------
// ApproveConsolidation payload guard

/** The leadership's decision is dated on or before the day it is recorded, in Asia/Ho_Chi_Minh. */
function decisionDateNotFuture(
  _s: unknown,
  c: ConsolidationCommandOf<'ApproveConsolidation'>,
  ctx: ConsolidationContext,
): Refusal | null {
  const today = localDateOf(ctx.now);
  return c.decisionDate > today
    ? refusal(
        'VALIDATION_FAILED',
        `The decision date ${c.decisionDate} lies in the future (today is ${today}).`,
        [{ field: 'decisionDate', message: `not after ${today}` }],
      )
    : null;
}

// ---------------------------------------------------------------------------------------------
// The table

/**
 * A consolidation's rules as one table, run by `decide` in the same order as the plan's
 * (approval/rules.ts): stream exists (NOT_FOUND) → `who` (FORBIDDEN) → `guards` in order →
 * `from` (INVALID_TRANSITION) → payload shape (VALIDATION_FAILED) → `payloadGuards` → events.
 * APPROVED and RETURNED are final: a returned consolidation's plans go into a new one.
 */
export const CONSOLIDATION_TRANSITIONS: {
  readonly [K in ConsolidationCommandType]: ConsolidationRule<K>;
} = {
  CreateConsolidation: {
    from: ['NONE'],
    who: user('CONSOLIDATOR'),
    guards: [noneAwaitingLeadership, somethingToConsolidate],
    to: ['PENDING_APPROVAL'],
  },
  ApproveConsolidation: {
    from: ['PENDING_APPROVAL'],
    who: user('LEADER'),
    payloadGuards: [decisionDateNotFuture],
    to: ['APPROVED'],
  },
  ReturnConsolidation: { from: ['PENDING_APPROVAL'], who: user('LEADER'), to: ['RETURNED'] },
};

/** A command's row of the table, typed for any command. */
export function consolidationRuleFor(
  type: ConsolidationCommandType,
): ConsolidationRule<ConsolidationCommandType> {
  return CONSOLIDATION_TRANSITIONS[type] as unknown as ConsolidationRule<ConsolidationCommandType>;
}

/** The first refusal among `guards`, run in order; null when all let the command through. */
export function firstConsolidationRefusal(
  guards: readonly ConsolidationPayloadGuard<ConsolidationCommandType>[] | undefined,
  state: ConsolidationStateFor<ConsolidationCommandType> | null,
  command: ConsolidationCommand,
  ctx?: ConsolidationContext,
): Refusal | null {
  for (const guard of guards ?? []) {
    const refused = (
      guard as (s: unknown, c: ConsolidationCommand, x?: ConsolidationContext) => Refusal | null
    )(state, command, ctx);
    if (refused) return refused;
  }
  return null;
}
