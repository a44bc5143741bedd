import {
  ApplicationFailure,
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { CycleCheckpoint, DomainError } from '@vufo/domain';
import {
  CYCLE_WORKFLOW_TYPE,
  cycleDeadlineChangedSignal,
  cycleWorkflowId,
  EventBatch,
  PLAN_WORKFLOW_TYPE,
  PlanApprovalInput,
  planCommandUpdate,
  PlanCommandRequest,
  PlanCommandResult,
  PlanningCycleInput,
  planWorkflowId,
  REJECTION_FAILURE_TYPE,
  RejectionDetails,
  STREAM_BEHIND_FAILURE_TYPE,
} from '@vufo/workflows/contract';
import type { planApproval } from '@vufo/workflows/plan-approval.workflow';
import type { planningCycle } from '@vufo/workflows/planning-cycle.workflow';
import { ApprovalEngine, DispatchOutcome, PlanDispatch } from '../approval-engine';
import { runStreamCommand, StreamCommandHost } from './stream-command';

/** The plan's stream host (client, clock, lock, persist, deadline: StreamCommandHost) and its workflows' settings. */
export interface TemporalEngineOptions extends StreamCommandHost<EventBatch> {
  taskQueue: string;
  /** The deployment's public holidays: the workflow's working-day calendar. */
  holidays: readonly string[];
}

/**
 * The plan's workflow has a batch its request has not settled yet (a commit under way, or a
 * request that died): the caller rolls back and tries again shortly (Tx does), by then the
 * worker has written or abandoned it.
 */
export class StreamBehind extends Error {
  override readonly name = 'StreamBehind';
  readonly retryable = true;
}

/**
 * The Temporal host behind the ApprovalEngine port: every command is a Workflow Update on the
 * plan's workflow (update-with-start for CreatePlan, which starts it), Temporal's errors become
 * the same DomainError codes the embedded host throws.
 */
export class TemporalApprovalEngine extends ApprovalEngine {
  readonly kind = 'temporal' as const;

  constructor(private readonly opts: TemporalEngineOptions) {
    super();
  }

  /** Ready when the Temporal frontend answers within two seconds. */
  override async ready(): Promise<boolean> {
    const connection = this.opts.client.connection;
    await connection.withDeadline(Date.now() + 2000, () => connection.workflowService.getSystemInfo({}));
    return true;
  }

  async dispatch(req: PlanDispatch): Promise<DispatchOutcome> {
    const creating = req.command.type === 'CreatePlan';
    return runStreamCommand(this.opts, {
      id: req.planId,
      creating,
      command: req.command,
      idempotencyKey: req.idempotencyKey,
      send: (request) => this.send(req, request, creating),
      errorOf: (err) => this.toDomainError(err, req.planId),
    });
  }

  /** The command as a Workflow Update (update-with-start for CreatePlan, which starts the workflow). */
  private send(
    req: PlanDispatch,
    request: PlanCommandRequest,
    creating: boolean,
  ): Promise<PlanCommandResult> {
    return creating
      ? this.opts.client.workflow.executeUpdateWithStart(planCommandUpdate, {
          args: [request],
          startWorkflowOperation: new WithStartWorkflowOperation<typeof planApproval>(PLAN_WORKFLOW_TYPE, {
            workflowId: planWorkflowId(req.planId),
            taskQueue: this.opts.taskQueue,
            args: [{ planId: req.planId, holidays: [...this.opts.holidays] } satisfies PlanApprovalInput],
            workflowIdConflictPolicy: 'USE_EXISTING',
            // A plan's workflow id is never reused: a closed plan stays closed.
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        })
      : this.opts.client.workflow
          .getHandle(planWorkflowId(req.planId))
          .executeUpdate(planCommandUpdate, { args: [request] });
  }

  /**
   * The cycle's own workflow (reminders and the deadline for unions without a plan) starts when
   * the cycle opens; a repeat finds it running, and a closed one is not started again.
   */
  override async scheduleCycle(cycleId: string, checkpoints: CycleCheckpoint[]): Promise<void> {
    const deadline = checkpoints.find((c) => c.kind === 'DEADLINE');
    if (!deadline) throw new Error(`Cycle ${cycleId} has no deadline checkpoint.`);
    const schedule: Omit<PlanningCycleInput, 'cycleId'> = {
      submissionDeadline: deadline.dueAt,
      reminders: checkpoints
        .filter((c) => c.kind === 'REMINDER')
        .map((c) => ({ daysBefore: Number(c.key.split(':')[1]), dueAt: c.dueAt })),
      escalations: [],
    };
    try {
      await this.opts.client.workflow.signalWithStart<typeof planningCycle, [typeof schedule]>(
        CYCLE_WORKFLOW_TYPE,
        {
          workflowId: cycleWorkflowId(cycleId),
          taskQueue: this.opts.taskQueue,
          args: [{ cycleId, ...schedule }],
          signal: cycleDeadlineChangedSignal,
          signalArgs: [schedule],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        },
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /** The same codes as the embedded host; infrastructure errors pass through (500, logged). */
  private toDomainError(err: unknown, planId: string): Promise<unknown> {
    return domainErrorOf(this.opts.client, err, planWorkflowId(planId), {
      noun: 'plan',
      id: planId,
      what: 'approval',
    });
  }
}

/**
 * A Temporal error of a stream's workflow as the embedded host's DomainError codes (or StreamBehind,
 * retried by the caller); infrastructure errors pass through (500, logged). Shared by the plan and
 * consolidation hosts.
 */
export async function domainErrorOf(
  client: Client,
  err: unknown,
  workflowId: string,
  subject: { noun: string; id: string; what: string },
): Promise<unknown> {
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause;
    if (cause instanceof ApplicationFailure && cause.type === STREAM_BEHIND_FAILURE_TYPE) {
      return new StreamBehind(cause.message);
    }
    if (cause instanceof ApplicationFailure && cause.type === REJECTION_FAILURE_TYPE) {
      const details = (cause.details?.[0] ?? {}) as Partial<RejectionDetails>;
      return new DomainError(details.code ?? 'INTERNAL', cause.message, details.errors ?? []);
    }
    return err;
  }
  const Noun = subject.noun[0].toUpperCase() + subject.noun.slice(1);
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new DomainError(
      'CONFLICT',
      `${Noun} ${subject.id} already has a closed ${subject.what} workflow.`,
    );
  }
  if (err instanceof WorkflowNotFoundError) {
    // A closed run answers "not found" to updates; the embedded host calls that an invalid transition.
    try {
      const d = await client.workflow.getHandle(workflowId).describe();
      if (d.status.name !== 'RUNNING') {
        return new DomainError(
          'INVALID_TRANSITION',
          `The ${subject.noun}'s ${subject.what} is ${d.status.name}; it accepts no more commands.`,
        );
      }
    } catch {
      // Not found at all: fall through.
    }
    return new DomainError('NOT_FOUND', `No ${subject.noun} ${subject.id}.`);
  }
  // The server or the workflow does not answer in time (down, overloaded, a workflow task
  // failing): the request changed nothing that will stay (its transaction rolls back, and the
  // worker abandons a batch the workflow may still decide), so the caller may try again.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || err instanceof ServiceError) {
    return new DomainError('ENGINE_UNAVAILABLE', `Temporal: ${(err as Error).message}`, [], { cause: err });
  }
  return err;
}
