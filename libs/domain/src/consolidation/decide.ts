import { isInstant, toIso } from '../calendar';
import { isObject, refusal } from '../approval/payloads';
import type { ActorRef, PlanCommand, Refusal, UserActor } from '../approval/types';
import { CONSOLIDATION_PAYLOADS } from './payloads';
import { entryOf, rollUp, rollupPlanOf, rollupsToJson } from './rollups';
import { consolidationRuleFor, firstConsolidationRefusal } from './rules';
import {
  CONSOLIDATION_COMMAND_TYPES,
  type ConsolidationCommand,
  type ConsolidationCommandOf,
  type ConsolidationCommandType,
  type ConsolidationContext,
  type ConsolidationDecisionResult,
  type ConsolidationEvent,
  type ConsolidationState,
  type ConsolidationStateFor,
} from './types';

const refused = (error: Refusal): ConsolidationDecisionResult => ({ ok: false, error });
const ok = (events: ConsolidationEvent[]): ConsolidationDecisionResult => ({ ok: true, events });

function by(command: ConsolidationCommand): ActorRef {
  const actor = command.actor as UserActor;
  const ref: ActorRef = {
    userId: actor.userId,
    displayName: actor.displayName,
    organizationId: actor.organizationId,
  };
  if (actor.actingFor)
    ref.actingFor = { userId: actor.actingFor.userId, displayName: actor.actingFor.displayName };
  return ref;
}

/** The `who` column: a signed-in user with one of the row's roles. */
function authorize(command: ConsolidationCommand): Refusal | null {
  const who = consolidationRuleFor(command.type).who;
  const actor = command.actor;
  if (!actor || actor.kind !== 'user') return refusal('FORBIDDEN', `${command.type} needs a signed-in user.`);
  const roles = Array.isArray(actor.roles) ? actor.roles : [];
  return who.roles.some((r) => roles.includes(r))
    ? null
    : refusal('FORBIDDEN', `${command.type} needs the role ${who.roles.join(' or ')}.`);
}

/**
 * What `decide` checks before the status: the stream (NOT_FOUND; INVALID_TRANSITION for a second
 * CreateConsolidation), `who` (FORBIDDEN), then the command's guards. A host that allocates a
 * consolidation's row before it dispatches asks this first, as for plans.
 */
export function consolidationRefusalBeforeStatus(
  state: ConsolidationState | null,
  command: ConsolidationCommand,
): Refusal | null {
  if (state === null && command.type !== 'CreateConsolidation')
    return refusal('NOT_FOUND', 'No such consolidation.');
  if (state !== null && command.type === 'CreateConsolidation')
    return refusal('INVALID_TRANSITION', `Consolidation ${state.id} already exists.`);
  return (
    authorize(command) ?? firstConsolidationRefusal(consolidationRuleFor(command.type).guards, state, command)
  );
}

/**
 * A consolidation's stream: given its state (null before it exists) and a command, the events
 * the command causes or a refusal with a stable code. Pure and deterministic (time from ctx.now).
 * Checks in the order of the table (rules.ts): stream → who → guards → from → payload shape →
 * payload guards → events.
 */
export function decideConsolidation(
  state: ConsolidationState | null,
  command: ConsolidationCommand,
  ctx: ConsolidationContext,
): ConsolidationDecisionResult {
  const raw = command as unknown;
  if (!isObject(raw) || !(CONSOLIDATION_COMMAND_TYPES as readonly unknown[]).includes(raw.type)) {
    return refused(refusal('VALIDATION_FAILED', `Unknown command ${isObject(raw) ? String(raw.type) : ''}.`));
  }
  if (!isInstant(ctx.now)) throw new Error(`decide: ctx.now is not an ISO instant: ${String(ctx.now)}`);
  ctx = { ...ctx, now: toIso(ctx.now) };
  const rule = consolidationRuleFor(command.type);

  const before = consolidationRefusalBeforeStatus(state, command);
  if (before) return refused(before);
  const status = state ? state.status : 'NONE';
  if (!rule.from.includes(status)) {
    return refused(
      refusal('INVALID_TRANSITION', `${command.type} is not allowed while the consolidation is ${status}.`),
    );
  }
  const payload = (CONSOLIDATION_PAYLOADS[command.type] as Step<'parse'>)(state, command);
  if (!payload.ok) return refused(payload.error);
  const vetoed = firstConsolidationRefusal(rule.payloadGuards, state, payload.value, ctx);
  if (vetoed) return refused(vetoed);
  return (EVENTS[command.type] as Step<'events'>)(state, payload.value, ctx);
}

type Step<K extends 'parse' | 'events'> = K extends 'parse'
  ? (
      state: ConsolidationState | null,
      command: ConsolidationCommand,
    ) => { ok: true; value: ConsolidationCommand } | { ok: false; error: Refusal }
  : (
      state: ConsolidationState | null,
      command: ConsolidationCommand,
      ctx: ConsolidationContext,
    ) => ConsolidationDecisionResult;

const EVENTS: {
  readonly [K in ConsolidationCommandType]: (
    state: ConsolidationStateFor<K>,
    command: ConsolidationCommandOf<K>,
    ctx: ConsolidationContext,
  ) => ConsolidationDecisionResult;
} = {
  CreateConsolidation: (_s, c, ctx) =>
    ok([
      {
        type: 'ConsolidationCreated',
        consolidationId: c.consolidationId,
        cycleId: c.cycleId,
        number: c.number,
        ...(c.note ? { note: c.note } : {}),
        plans: c.plans.map(entryOf),
        missing: c.missing,
        rollups: rollupsToJson(rollUp(c.plans.map(rollupPlanOf), c.provinces)),
        createdAt: ctx.now,
        by: by(c),
      },
    ]),
  ApproveConsolidation: (s, c, ctx) =>
    ok([
      {
        type: 'ConsolidationApproved',
        decision: {
          decisionNumber: c.decisionNumber,
          decisionDate: c.decisionDate,
          signer: c.signer,
          ...(c.comment ? { comment: c.comment } : {}),
        },
        planIds: s.plans.map((p) => p.planId),
        approvedAt: ctx.now,
        by: by(c),
      },
    ]),
  ReturnConsolidation: (_s, c, ctx) =>
    ok([{ type: 'ConsolidationReturned', reason: c.reason, returnedAt: ctx.now, by: by(c) }]),
};

/**
 * The commands an approved consolidation sends its plans, one per plan stream: StartRollout,
 * sent as the approving leader (the plan's table accepts it from a LEADER, in APPROVED). A plan
 * answering INVALID_TRANSITION because it is already IN_ROLLOUT for this consolidation has had
 * its command (a redelivery); the host treats that as done.
 */
export function rolloutCommands(
  state: ConsolidationState,
  actor: UserActor,
): { planId: string; command: Extract<PlanCommand, { type: 'StartRollout' }> }[] {
  if (state.status !== 'APPROVED') return [];
  return state.plans.map((p) => ({
    planId: p.planId,
    command: { type: 'StartRollout', actor, consolidationId: state.id },
  }));
}
