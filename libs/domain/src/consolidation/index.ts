/**
 * The consolidation ("tổng hợp"): the central union's national plan as a stream of its own, with
 * its commands, events and one table of rules (rules.ts), decided and evolved like a plan's.
 *
 * What a host supplies, read under the cycle's lock (so two consolidators cannot both take the
 * same plans):
 * - `nextConsolidation(cyclePlans, consolidations)` → the number, the approved plans to freeze
 *   (every APPROVED plan no approved or pending consolidation holds) and the pending one if any;
 * - for each of those plans, its approved version as a `FrozenPlan`: version number, the hash of
 *   its `PlanApproved` event (pins content and amounts through the plan's chain), each activity's
 *   type and partner countries, each line's funding source and requested / approved amounts; its
 *   cluster in the cycle (its successor's after a merger);
 * - `provinces` with `mergedIntoCode`, so roll-ups by province name the successor;
 * - `missing`, from `missingUnions(unions, cyclePlans, plansInThisOrAnApprovedConsolidation)`.
 * It sends `CreateConsolidation` with those facts (CONSOLIDATION_PENDING, NOTHING_TO_CONSOLIDATE
 * come from them), and `ApproveConsolidation` / `ReturnConsolidation` from a LEADER.
 *
 * What it gets: `applyConsolidation` → the events to append to the consolidation's hash-chained
 * stream and its new state (API.md's `GET /api/consolidations/:id` body: plans, missing, rollups
 * with amounts as decimal strings, decision, returnReason); on approval, `rolloutCommands(state,
 * leader)` → one `StartRollout` per plan, to send to each plan's own stream (never written here);
 * then the cycle moves to IN_ROLLOUT on its own stream. Roll-up labels are Vietnamese;
 * `relabelRollups(rollups, 'en')` for English.
 *
 * The audit: ConsolidationCreated holds each plan's (planId, version, approvalHash) and figures,
 * the roll-ups and the missing unions, not the 15 000 lines themselves; an inspector re-derives
 * the figures from the plan streams those hashes pin (`approvalHash` is the `hash` column of the
 * plan's latest PlanApproved row in app.events; null if not yet written, e.g. by a lagging
 * Temporal activity). ConsolidationApproved holds the decision record and the plans it sends to
 * rollout; ConsolidationReturned the reason; each holds who (acting for whom) and when.
 * A returned consolidation is superseded: its number is reused by the next one, so a host keeps
 * (cycle, number) unique only among consolidations not RETURNED.
 */
export * from './types';
export * from './rules';
export * from './rollups';
export * from './decide';
export * from './evolve';
export * from './apply';
