import type { Actor, CycleCheckpoint, PlanCommand, PlanEvent, PlanState } from '@vufo/domain';
import type { StoredEvent } from './event-store';

/** A command for one plan's approval stream, as both hosts receive it. */
export interface PlanDispatch {
  planId: string;
  command: PlanCommand;
  actor: Actor;
  /** A repeat with the same key has effect once and returns the first result. */
  idempotencyKey?: string;
}

export interface DispatchOutcome {
  state: PlanState;
  events: PlanEvent[];
  stored: StoredEvent[];
  /** True when the key was seen before and nothing new happened. */
  replayed: boolean;
  /** Why an accepted command changed nothing (a timer whose reason is gone). */
  note?: string;
}

/**
 * The port: where a plan's approval machine runs. `embedded` runs it in a Postgres transaction
 * in this process; `temporal` runs it inside a workflow per plan. Callers cannot tell them apart.
 */
export abstract class ApprovalEngine {
  abstract readonly kind: 'embedded' | 'temporal';
  abstract dispatch(request: PlanDispatch): Promise<DispatchOutcome>;
  /**
   * The cycle's own calendar (for unions without a plan) is kept: the embedded host's poller reads
   * app.cycle_checkpoints, which the caller has written; the Temporal host starts the cycle's
   * workflow with it. Idempotent.
   */
  async scheduleCycle(_cycleId: string, _checkpoints: CycleCheckpoint[]): Promise<void> {}

  /** Readiness for /api/health: can a command be run now? The embedded host only needs the database. */
  async ready(): Promise<boolean> {
    return true;
  }
}
