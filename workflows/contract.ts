/**
 * What the Temporal host's three parties share: the workflow code, the activities (worker) and the
 * client (API). Names here are part of running workflows' histories: rename only with a patch.
 * Imports only types of the pure core and handler definitions (plain objects, safe in any process).
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  ConsolidationCommand,
  ConsolidationEvent,
  ConsolidationState,
  CycleCheckpoint,
  CycleCheckpointKind,
  ErrorCode,
  FieldError,
  PlanCommand,
  PlanEvent,
  PlanState,
} from '../libs/domain/src';

export const PLAN_WORKFLOW_TYPE = 'planApproval';
export const CYCLE_WORKFLOW_TYPE = 'planningCycle';

/** Workflow ids are business keys: one plan, one workflow; one planning cycle, one workflow. */
export const planWorkflowId = (planId: string): string => `plan-${planId}`;
export const cycleWorkflowId = (cycleId: string): string => `cycle-${cycleId}`;

/** A command for a plan, as the API sends it in a Workflow Update. */
export interface PlanCommandRequest {
  command: PlanCommand;
  /**
   * The API's clock when the request arrived. Commands are decided at the caller's time, as on
   * the embedded host; only timers use the workflow's own clock.
   */
  requestedAt: string;
  idempotencyKey?: string;
  /**
   * The plan's stream head as the API's transaction sees it, under the plan's lock. The workflow
   * refuses the command ({@link STREAM_BEHIND_FAILURE_TYPE}) while it is ahead of that head: a batch
   * it decided is not committed yet, or belongs to a request that died, and nothing may be decided
   * on top of it until the persistence activity has settled it (written, or abandoned).
   */
  expectedSeq?: number;
}

/**
 * Events decided by one command, numbered in the stream, with the state they lead to: what the
 * persistence activity writes (audit rows, read models), idempotently by sequence number.
 */
export interface EventBatch {
  planId: string;
  /** Sequence number of the first event (the stream head before it plus one). */
  firstSeq: number;
  events: PlanEvent[];
  actor: Actor;
  occurredAt: string;
  idempotencyKey: string | null;
  state: PlanState;
  /**
   * `command`: decided for an API request, whose transaction writes it; if that transaction ends
   * without it (the request died), the batch is abandoned and the workflow forgets it, as the
   * embedded host's rollback would. `timer`: decided by the workflow itself; the activity writes it.
   * Absent in batches of older histories: treated as `timer` (always written).
   */
  origin?: 'command' | 'timer';
}

/** What the persistence activity did with a batch. Older histories carry no result: WRITTEN. */
export type BatchOutcome = 'WRITTEN' | 'ABANDONED';

export interface PlanCommandResult {
  state: PlanState;
  events: PlanEvent[];
  /**
   * Batches decided but not yet confirmed written, oldest first (this command's batch last). The
   * API writes them in its own transaction for read-your-writes; the activity's write is then a no-op.
   */
  unpersisted: EventBatch[];
  replayed: boolean;
  note?: string;
}

/** The one way a plan command enters the workflow: the validator runs `apply`, so a refused command never enters history. */
export const planCommandUpdate = defineUpdate<PlanCommandResult, [PlanCommandRequest]>('planCommand');
/** The machine's state, for diagnostics and the API's consistency checks. */
export const planStateQuery = defineQuery<PlanState | null>('planState');

/** The ApplicationFailure type of a refused command; details[0] is {@link RejectionDetails}. */
export const REJECTION_FAILURE_TYPE = 'PlanCommandRejected';
/** The ApplicationFailure type of a command refused because the API's view of the stream is behind; retried by the API. */
export const STREAM_BEHIND_FAILURE_TYPE = 'PlanStreamBehind';
export interface RejectionDetails {
  code: ErrorCode;
  errors: FieldError[];
}

export interface PlanApprovalInput {
  planId: string;
  /** Public holidays of the deployment (the working-day calendar is data, passed in). */
  holidays: string[];
  /** What a continued-as-new run takes over from the previous one. */
  carried?: {
    state: PlanState | null;
    seq: number;
    keys: [string, number][];
    outbox: EventBatch[];
  };
}

export interface PlanApprovalOutcome {
  planId: string;
  status: PlanState['status'] | null;
  events: number;
}

export interface PlanActivities {
  /**
   * Appends the batch's events to the hash-chained table and updates the read models, once; a
   * `command` batch whose request's transaction ended without writing it comes back ABANDONED.
   */
  persistPlanEvents(batch: EventBatch): Promise<BatchOutcome>;
}

// ---------------------------------------------------------------------------------------------
// The planning cycle

export interface PlanningCycleInput {
  cycleId: string;
  /** ISO instant; a later one arrives by the `cycleDeadlineChanged` signal. */
  submissionDeadline: string;
  /** Reminder instants before the deadline (computed by the API with the calendar). */
  reminders: { daysBefore: number; dueAt: string }[];
  /** Escalations after the deadline: working days after it, e.g. [3]. */
  escalations: { daysAfter: number; dueAt: string }[];
}

export const cycleDeadlineChangedSignal =
  defineSignal<[Omit<PlanningCycleInput, 'cycleId'>]>('cycleDeadlineChanged');
export const cycleClosedSignal = defineSignal('cycleClosed');
export const cycleProgressQuery = defineQuery<CycleCheckpoint[]>('cycleProgress');

export type { CycleCheckpoint, CycleCheckpointKind };

export interface CycleActivities {
  /**
   * Notifies the unions of the cycle that have not submitted a plan (reminder), the central union
   * of who is late (deadline, escalation). Idempotent per (cycle, key, dueAt).
   */
  cycleCheckpointReached(cycleId: string, checkpoint: CycleCheckpoint): Promise<{ unionsNotified: number }>;
}

// ---------------------------------------------------------------------------------------------
// The consolidation (the national plan of a cycle): the same protocol as a plan's, without timers.

export const CONSOLIDATION_WORKFLOW_TYPE = 'consolidation';
/** One consolidation, one workflow. */
export const consolidationWorkflowId = (consolidationId: string): string =>
  `consolidation-${consolidationId}`;

/** A command for a consolidation, as the API sends it in a Workflow Update (see {@link PlanCommandRequest}). */
export interface ConsolidationCommandRequest {
  command: ConsolidationCommand;
  /** The API's clock when the request arrived: commands are decided at the caller's time. */
  requestedAt: string;
  idempotencyKey?: string;
  /** The consolidation's stream head as the API's transaction sees it under the row's lock. */
  expectedSeq?: number;
}

/** Events decided by one consolidation command, numbered in its stream, with the state they lead to. */
export interface ConsolidationEventBatch {
  consolidationId: string;
  firstSeq: number;
  events: ConsolidationEvent[];
  actor: Actor;
  occurredAt: string;
  idempotencyKey: string | null;
  state: ConsolidationState;
  /** Always decided for an API request (no timers): abandoned if its transaction ends without it. */
  origin: 'command';
}

export interface ConsolidationCommandResult {
  state: ConsolidationState;
  events: ConsolidationEvent[];
  /** Batches decided and not yet confirmed written, oldest first: the API writes them in its transaction. */
  unpersisted: ConsolidationEventBatch[];
  replayed: boolean;
}

/** The one way a consolidation command enters its workflow; the validator runs `applyConsolidation`. */
export const consolidationCommandUpdate = defineUpdate<
  ConsolidationCommandResult,
  [ConsolidationCommandRequest]
>('consolidationCommand');
export const consolidationStateQuery = defineQuery<ConsolidationState | null>('consolidationState');

export interface ConsolidationInput {
  consolidationId: string;
}

export interface ConsolidationOutcome {
  consolidationId: string;
  status: ConsolidationState['status'] | null;
  events: number;
}

export interface ConsolidationActivities {
  /** As {@link PlanActivities.persistPlanEvents}, for a consolidation's stream and row. */
  persistConsolidationEvents(batch: ConsolidationEventBatch): Promise<BatchOutcome>;
}
