import type { Actor, ActorRef, PlanStatus, Refusal } from '../approval/types';

// ---------------------------------------------------------------------------------------------
// What a consolidation takes in: the approved versions of its plans, frozen by the host

/** A budget line of an approved version: its funding source and its two amounts (integer VND, decimal strings). */
export interface FrozenLine {
  fundingSource: string;
  requested: string;
  approved: string;
}

/** An activity of an approved version, as the roll-ups need it. */
export interface FrozenActivity {
  id: string;
  type: string;
  /** ISO 3166 alpha-2 codes; empty when the activity has no foreign partner country. */
  partnerCountries: string[];
  lines: FrozenLine[];
}

/** The emulation cluster a plan counts under in this cycle ("cụm thi đua"). */
export interface ClusterRef {
  number: number;
  name: string;
}

/**
 * One approved plan as the host read it under its lock: the version that was approved, with its
 * approved amounts. `approvalHash` is the hash of the plan stream's `PlanApproved` event: through
 * the plan's hash chain it pins the submitted content (PlanSubmitted) and the approved amounts,
 * so an inspector can check that the figures frozen here are those the province approved.
 * Null when the host cannot read it (it is then recorded as null, not invented).
 */
export interface FrozenPlan {
  planId: string;
  organizationId: string;
  organizationName: string;
  /** The plan's own union's province; roll-ups by province follow its successor (see `provinces`). */
  provinceCode: string | null;
  /** The cycle's cluster of the union the plan counts under (its successor's after a merger). */
  cluster: ClusterRef | null;
  title: string;
  version: number;
  approvedAt: string;
  approvalHash: string | null;
  activities: FrozenActivity[];
}

/** A province as the roll-ups name it; a merged one points to its successor ("tỉnh sau sáp nhập"). */
export interface ProvinceRef {
  code: string;
  name: string;
  mergedIntoCode: string | null;
}

/** An active provincial union with no plan in the national plan; `planStatus` null when it has none. */
export interface MissingUnion {
  organizationId: string;
  organizationName: string;
  planStatus: PlanStatus | null;
}

// ---------------------------------------------------------------------------------------------
// What it shows: plan entries and roll-ups (JSON: amounts as decimal strings)

/** A plan as the consolidation lists it (API.md `plans[]`), plus what identifies its frozen version. */
export interface ConsolidationEntry {
  planId: string;
  organizationId: string;
  organizationName: string;
  provinceCode: string | null;
  cluster: ClusterRef | null;
  title: string;
  version: number;
  approvedAt: string;
  approvalHash: string | null;
  requested: string;
  approved: string;
  activities: number;
}

export interface RollupRow<M = string> {
  key: string;
  label: string;
  requested: M;
  approved: M;
  activities: number;
}

export interface RollupTotal<M = string> {
  requested: M;
  approved: M;
  activities: number;
}

export const ROLLUP_DIMENSIONS = [
  'byProvince',
  'byCluster',
  'byActivityType',
  'byPartnerCountry',
  'byFundingSource',
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** API.md's `rollups`; `M` is `Vnd` (bigint) when computed, `string` in events and state. */
export type Rollups<M = string> = { total: RollupTotal<M> } & { [D in RollupDimension]: RollupRow<M>[] };

export interface ConsolidationDecision {
  decisionNumber: string;
  /** 'YYYY-MM-DD', not after the day it is recorded (Asia/Ho_Chi_Minh). */
  decisionDate: string;
  signer: string;
  comment?: string;
}

// ---------------------------------------------------------------------------------------------
// Commands

interface Cmd<T extends string> {
  type: T;
  actor: Actor;
}

export type ConsolidationCommand =
  | (Cmd<'CreateConsolidation'> & {
      consolidationId: string;
      cycleId: string;
      note?: string;
      /**
       * Facts the host read under the cycle's lock (see `nextConsolidation`): the number this one
       * gets, the consolidation of the cycle still awaiting the leadership if any, the approved
       * plans no approved or pending consolidation holds (frozen at their approved versions),
       * the provinces with their successors, and the active unions still missing.
       */
      number: number;
      pendingConsolidationId: string | null;
      plans: FrozenPlan[];
      provinces: ProvinceRef[];
      missing: MissingUnion[];
    })
  | (Cmd<'ApproveConsolidation'> & ConsolidationDecision)
  | (Cmd<'ReturnConsolidation'> & { reason: string });

export type ConsolidationCommandType = ConsolidationCommand['type'];
export type ConsolidationCommandOf<T extends ConsolidationCommandType> = Extract<
  ConsolidationCommand,
  { type: T }
>;
export type ConsolidationStateFor<T extends ConsolidationCommandType> = T extends 'CreateConsolidation'
  ? null
  : ConsolidationState;

export const CONSOLIDATION_COMMAND_TYPES = [
  'CreateConsolidation',
  'ApproveConsolidation',
  'ReturnConsolidation',
] as const satisfies readonly ConsolidationCommandType[];

/** What `decide` needs from the host: the time (the machine has no clock). A plan's DecideContext fits. */
export interface ConsolidationContext {
  now: string;
}

export type ConsolidationDecisionResult =
  { ok: true; events: ConsolidationEvent[] } | { ok: false; error: Refusal };

// ---------------------------------------------------------------------------------------------
// Events: what the hash chain records (JSON)

export type ConsolidationEvent =
  | {
      type: 'ConsolidationCreated';
      consolidationId: string;
      cycleId: string;
      number: number;
      note?: string;
      /** Each plan with its frozen version (number, approval hash) and figures. */
      plans: ConsolidationEntry[];
      missing: MissingUnion[];
      rollups: Rollups;
      createdAt: string;
      by: ActorRef;
    }
  | {
      type: 'ConsolidationApproved';
      decision: ConsolidationDecision;
      /** The plans this approval sends to rollout (each receives StartRollout on its own stream). */
      planIds: string[];
      approvedAt: string;
      by: ActorRef;
    }
  | { type: 'ConsolidationReturned'; reason: string; returnedAt: string; by: ActorRef };

export type ConsolidationEventType = ConsolidationEvent['type'];
export type ConsolidationEventOf<T extends ConsolidationEventType> = Extract<ConsolidationEvent, { type: T }>;

// ---------------------------------------------------------------------------------------------
// State (JSON; absent values are null)

export const CONSOLIDATION_STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'RETURNED'] as const;
export type ConsolidationStatus = (typeof CONSOLIDATION_STATUSES)[number];

export interface ConsolidationState {
  id: string;
  cycleId: string;
  /** 1 = the national plan; 2, 3, … = supplementary consolidations of plans approved later. */
  number: number;
  status: ConsolidationStatus;
  note: string | null;
  plans: ConsolidationEntry[];
  missing: MissingUnion[];
  rollups: Rollups;
  createdAt: string;
  createdBy: ActorRef;
  decision: (ConsolidationDecision & { decidedAt: string; decidedBy: ActorRef }) | null;
  returnReason: string | null;
  returnedAt: string | null;
  returnedBy: ActorRef | null;
  updatedAt: string;
}
