import { decideConsolidation } from './decide';
import { evolveConsolidation } from './evolve';
import type {
  ConsolidationCommand,
  ConsolidationContext,
  ConsolidationDecisionResult,
  ConsolidationEvent,
  ConsolidationState,
} from './types';

export type ConsolidationApplied =
  | { ok: true; events: ConsolidationEvent[]; state: ConsolidationState }
  | Extract<ConsolidationDecisionResult, { ok: false }>;

/** The one step a host takes per command: decide, then fold the events into the new state. */
export function applyConsolidation(
  state: ConsolidationState | null,
  command: ConsolidationCommand,
  ctx: ConsolidationContext,
): ConsolidationApplied {
  const decision = decideConsolidation(state, command, ctx);
  if (!decision.ok) return decision;
  let next = state;
  for (const e of decision.events) next = evolveConsolidation(next, e);
  if (!next) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such consolidation.' } };
  return { ok: true, events: decision.events, state: next };
}
