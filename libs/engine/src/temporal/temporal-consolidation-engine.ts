import { WithStartWorkflowOperation } from '@temporalio/client';
import type { ConsolidationCommand, ConsolidationEvent, ConsolidationState } from '@vufo/domain';
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
import { domainErrorOf } from './temporal-engine';
import { runStreamCommand, StreamCommandHost } from './stream-command';

/** The consolidation stream's host (StreamCommandHost) and its workflows' task queue. */
export interface TemporalConsolidationEngineOptions extends StreamCommandHost<ConsolidationEventBatch> {
  taskQueue: string;
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
    const { note: _note, ...outcome } = await runStreamCommand<
      ConsolidationCommand,
      ConsolidationState,
      ConsolidationEvent,
      ConsolidationEventBatch
    >(this.opts, {
      id: req.consolidationId,
      creating,
      command: req.command,
      idempotencyKey: req.idempotencyKey ?? undefined,
      send: (request) => this.send(req.consolidationId, request, creating),
      errorOf: (err) =>
        domainErrorOf(this.opts.client, err, consolidationWorkflowId(req.consolidationId), {
          noun: 'consolidation',
          id: req.consolidationId,
          what: 'decision',
        }),
    });
    return outcome;
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
