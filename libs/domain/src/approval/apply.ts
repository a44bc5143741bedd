import { decide } from './decide';
import { evolve } from './evolve';
import type { DecideContext, Decision, PlanCommand, PlanEvent, PlanState } from './types';

/**
 * What one command does to a plan: the refusal `decide` returned, or the events it caused with
 * the state they lead to. `events` may be empty (a timer with nothing to do: see `note`); then
 * `state` is the state given.
 */
export type Applied =
  { ok: true; events: PlanEvent[]; state: PlanState; note?: string } | Extract<Decision, { ok: false }>;

/**
 * The one step both hosts take per command: `decide`, then fold `evolve` over the events it
 * returns. Pure like both: the host supplies time and ids through `ctx`, and persists what it gets.
 */
export function apply(state: PlanState | null, command: PlanCommand, ctx: DecideContext): Applied {
  const decision = decide(state, command, ctx);
  if (!decision.ok) return decision;
  let next = state;
  for (const e of decision.events) next = evolve(next, e);
  // Only CreatePlan starts a stream and it always yields PlanCreated; decide refuses the rest on null.
  if (!next) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such plan.' } };
  return decision.note === undefined
    ? { ok: true, events: decision.events, state: next }
    : { ok: true, events: decision.events, state: next, note: decision.note };
}
