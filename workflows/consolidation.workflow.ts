/**
 * One consolidation ("the national plan of a cycle") on Temporal: the pure `applyConsolidation`
 * hosted in a workflow whose id is the consolidation's business key, with the plan workflow's
 * protocol (plan-approval.workflow.ts): commands are Workflow Updates with a validator, decided
 * batches wait in an outbox until the persistence activity settles them (WRITTEN, or ABANDONED when
 * the request's transaction ended without them), a command decided on an older stream head than
 * the workflow's is refused as behind. No deadlines: the workflow ends when the consolidation is
 * decided (APPROVED or RETURNED) and written, or when its creation is refused or abandoned.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { applyConsolidation, ConsolidationCommand, ConsolidationState } from '../libs/domain/src';
import {
  BatchOutcome,
  ConsolidationActivities,
  consolidationCommandUpdate,
  ConsolidationCommandRequest,
  ConsolidationCommandResult,
  ConsolidationEventBatch,
  ConsolidationInput,
  ConsolidationOutcome,
  consolidationStateQuery,
} from './contract';
import { rejection, streamBehind } from './failures';

const { persistConsolidationEvents } = proxyActivities<ConsolidationActivities>({
  startToCloseTimeout: '30 seconds',
  // Retried without limit: the write is idempotent, and an audit row must never be dropped.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** How long a new workflow waits for its creating command (delivered with its start) before it ends. */
const CREATION_WAIT = '5 seconds';

interface Pending {
  batch: ConsolidationEventBatch;
  before: ConsolidationState | null;
}

export async function consolidation(input: ConsolidationInput): Promise<ConsolidationOutcome> {
  // Widened: TS would narrow it to null, not seeing the handlers' assignments.
  let state = null as ConsolidationState | null;
  /** Sequence number of the last decided event: the stream head once the outbox is written. */
  let seq = 0;
  const keys = new Set<string>();
  const outbox: Pending[] = [];
  const unpersisted = () => outbox.map((p) => p.batch);
  let changes = 0;

  function run(command: ConsolidationCommand, now: string, idempotencyKey: string | null) {
    const applied = applyConsolidation(state, command, { now });
    if (!applied.ok) throw rejection(applied.error.code, applied.error.message, applied.error.errors);
    const before = state;
    state = applied.state;
    const { events } = applied;
    if (events.length === 0) return { state, events, unpersisted: unpersisted(), replayed: false };
    outbox.push({
      batch: {
        consolidationId: input.consolidationId,
        firstSeq: seq + 1,
        events,
        actor: command.actor,
        occurredAt: now,
        idempotencyKey,
        state,
        origin: 'command',
      },
      before,
    });
    seq += events.length;
    if (idempotencyKey) keys.add(idempotencyKey);
    changes++;
    return { state, events, unpersisted: unpersisted(), replayed: false };
  }

  /** The first pending batch's request died before committing: forget it, as a rollback would. */
  function abandon(): void {
    const [first] = outbox;
    state = first.before;
    seq = first.batch.firstSeq - 1;
    for (const p of outbox) if (p.batch.idempotencyKey) keys.delete(p.batch.idempotencyKey);
    outbox.length = 0;
    changes++;
  }

  const behind = (req: ConsolidationCommandRequest) =>
    req.expectedSeq !== undefined && req.expectedSeq !== seq;
  const repeated = (req: ConsolidationCommandRequest) =>
    req.idempotencyKey !== undefined && keys.has(req.idempotencyKey);

  setHandler(consolidationStateQuery, () => state);
  setHandler(
    consolidationCommandUpdate,
    // Synchronous on purpose: apply + enqueue cannot interleave with another update.
    (req): ConsolidationCommandResult => {
      if (behind(req)) throw streamBehind('consolidation', seq, req.expectedSeq);
      if (repeated(req)) {
        if (!state) throw rejection('NOT_FOUND', `No consolidation ${input.consolidationId}.`);
        return { state, events: [], unpersisted: unpersisted(), replayed: true };
      }
      return run(req.command, req.requestedAt, req.idempotencyKey ?? null);
    },
    {
      // Pure and deterministic (no ids drawn): a refused command never enters the history.
      validator: (req) => {
        if (behind(req)) throw streamBehind('consolidation', seq, req.expectedSeq);
        if (repeated(req)) return;
        const applied = applyConsolidation(state, req.command, { now: req.requestedAt });
        if (!applied.ok) throw rejection(applied.error.code, applied.error.message, applied.error.errors);
      },
    },
  );

  // Started by its creating command (update-with-start), which arrives in the first workflow task.
  // A refused creation (NOTHING_TO_CONSOLIDATE, CONSOLIDATION_PENDING: the validator's, which leaves
  // no trace in the history) or one lost with its request leaves nothing to host: the workflow ends
  // instead of idling forever. The wait only bounds that case; an accepted creation ends it at once.
  if (!(await condition(() => changes > 0, CREATION_WAIT))) {
    return { consolidationId: input.consolidationId, status: null, events: 0 };
  }

  for (;;) {
    while (outbox.length) {
      const outcome: BatchOutcome = await persistConsolidationEvents(outbox[0].batch);
      if (outcome === 'ABANDONED') abandon();
      else outbox.shift();
    }
    // A consolidation whose creating request died never existed; a decided one takes no more commands.
    if (state === null && seq === 0 && changes > 0) break;
    if (state && state.status !== 'PENDING_APPROVAL') break;
    const seen = changes;
    await condition(() => changes !== seen || outbox.length > 0);
  }
  // Updates accepted in the last task finish before the run closes.
  await condition(allHandlersFinished);
  return { consolidationId: input.consolidationId, status: state?.status ?? null, events: seq };
}
