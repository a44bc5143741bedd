import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import {
  CONSOLIDATION_WORKFLOW_TYPE,
  consolidationCommandUpdate,
  ConsolidationCommandRequest,
  ConsolidationCommandResult,
  ConsolidationEventBatch,
  ConsolidationInput,
  consolidationWorkflowId,
} from '@vufo/workflows/contract';
import type { consolidation } from '@vufo/workflows/consolidation.workflow';
import {
  ConsolidationDispatch,
  ConsolidationDispatchOutcome,
  ConsolidationEngine,
} from '../consolidation-stream';
import type { StoredEvent } from '../event-store';
import { domainErrorOf } from './temporal-engine';

export interface TemporalConsolidationEngineOptions {
  client: Client;
  taskQueue: string;
  /** The API's clock: commands are decided at the caller's time. */
  now: () => Date;
  /** Writes the unpersisted batches in the caller's transaction (persistConsolidationBatches). */
  persist: (batches: ConsolidationEventBatch[]) => Promise<StoredEvent[]>;
  /** Locks the consolidation's stream in the caller's transaction, returns its head (lockConsolidationStream). */
  lock: (consolidationId: string, creating: boolean) => Promise<number>;
  /** How long a request waits for the workflow before it answers 503 (ENGINE_UNAVAILABLE). */
  updateTimeoutMs?: number;
}

/**
 * The Temporal host of the consolidation stream, with the plan's protocol (TemporalApprovalEngine):
 * every command is a Workflow Update on the consolidation's workflow (update-with-start for
 * CreateConsolidation), decided on the head the caller's transaction locked, written by the caller
 * for read-your-writes; the worker's activity settles it.
 */
export class TemporalConsolidationEngine extends ConsolidationEngine {
  readonly kind = 'temporal' as const;

  constructor(private readonly opts: TemporalConsolidationEngineOptions) {
    super();
  }

  async dispatch(req: ConsolidationDispatch): Promise<ConsolidationDispatchOutcome> {
    const creating = req.command.type === 'CreateConsolidation';
    const request: ConsolidationCommandRequest = {
      command: req.command,
      requestedAt: this.opts.now().toISOString(),
      ...(req.idempotencyKey ? { idempotencyKey: req.idempotencyKey } : {}),
      expectedSeq: await this.opts.lock(req.consolidationId, creating),
    };
    let result: ConsolidationCommandResult;
    const deadline = Date.now() + (this.opts.updateTimeoutMs ?? 10_000);
    try {
      result = await this.opts.client.withDeadline(deadline, () =>
        this.send(req.consolidationId, request, creating),
      );
    } catch (err) {
      throw await domainErrorOf(this.opts.client, err, consolidationWorkflowId(req.consolidationId), {
        noun: 'consolidation',
        id: req.consolidationId,
        what: 'decision',
      });
    }
    const stored = result.unpersisted.length ? await this.opts.persist(result.unpersisted) : [];
    return {
      state: result.state,
      events: result.events,
      stored: result.events.length ? stored : [],
      replayed: result.replayed,
    };
  }

  private send(
    consolidationId: string,
    request: ConsolidationCommandRequest,
    creating: boolean,
  ): Promise<ConsolidationCommandResult> {
    return creating
      ? this.opts.client.workflow.executeUpdateWithStart(consolidationCommandUpdate, {
          args: [request],
          startWorkflowOperation: new WithStartWorkflowOperation<typeof consolidation>(
            CONSOLIDATION_WORKFLOW_TYPE,
            {
              workflowId: consolidationWorkflowId(consolidationId),
              taskQueue: this.opts.taskQueue,
              args: [{ consolidationId } satisfies ConsolidationInput],
              workflowIdConflictPolicy: 'USE_EXISTING',
              // A consolidation's workflow id is never reused: a decided one stays decided.
              workflowIdReusePolicy: 'REJECT_DUPLICATE',
            },
          ),
        })
      : this.opts.client.workflow
          .getHandle(consolidationWorkflowId(consolidationId))
          .executeUpdate(consolidationCommandUpdate, { args: [request] });
  }
}
