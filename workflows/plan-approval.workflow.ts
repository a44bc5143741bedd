/**
 * One plan's approval chain on Temporal: the pure machine (`apply`/`deadlines`) hosted
 * in a workflow whose id is the plan's business key. Commands arrive as Workflow Updates; timers
 * are `condition(…, timeout)` over `deadlines(state)`; the audit rows and read models are written
 * by an idempotent activity. Deterministic: no I/O, no clock but the workflow's, ids from uuid4().
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  Actor,
  apply,
  deadlines,
  Deadline,
  isTerminal,
  PlanCommand,
  PlanState,
  toEpochMs,
  WorkingDayCalendar,
} from '../libs/domain/src';
import {
  BatchOutcome,
  EventBatch,
  PlanActivities,
  PlanApprovalInput,
  PlanApprovalOutcome,
  planCommandUpdate,
  PlanCommandRequest,
  PlanCommandResult,
  planStateQuery,
} from './contract';
import { rejection, streamBehind } from './failures';

const { persistPlanEvents } = proxyActivities<PlanActivities>({
  startToCloseTimeout: '30 seconds',
  // Retried without limit: the write is idempotent, and an audit row must never be dropped.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const SYSTEM: Actor = { kind: 'system' };
/** Idempotency keys remembered across continue-as-new (the newest ones; older repeats are long gone). */
const MAX_KEYS = 500;

/** A decided batch not yet confirmed written, and what the workflow held before deciding it. */
interface Pending {
  batch: EventBatch;
  before: PlanState | null;
}

export async function planApproval(input: PlanApprovalInput): Promise<PlanApprovalOutcome> {
  const calendar = new WorkingDayCalendar(input.holidays);
  let state: PlanState | null = input.carried?.state ?? null;
  /** Sequence number of the last decided event: the stream head once the outbox is written. */
  let seq = input.carried?.seq ?? 0;
  const keys = new Map<string, number>(input.carried?.keys ?? []);
  // A run continues as new only with an empty outbox; older runs may carry batches (no `before`
  // needed: they are written, never abandoned, as carried batches always were).
  const outbox: Pending[] = (input.carried?.outbox ?? []).map((batch) => ({ batch, before: null }));
  const unpersisted = () => outbox.map((p) => p.batch);
  /** Bumped on every accepted change, so the timer loop re-reads deadlines(state). */
  let changes = 0;

  /** Applies a command: the only place state, seq and the outbox change. */
  function run(
    command: PlanCommand,
    now: string,
    idempotencyKey: string | null,
    origin: 'command' | 'timer',
  ): PlanCommandResult {
    const applied = apply(state, command, { now, calendar, newId: uuid4 });
    if (!applied.ok) throw rejection(applied.error.code, applied.error.message, applied.error.errors);
    const { events, note } = applied;
    const before = state;
    state = applied.state;
    if (events.length === 0) return { state, events, unpersisted: unpersisted(), replayed: false, note };
    outbox.push({
      batch: {
        planId: input.planId,
        firstSeq: seq + 1,
        events,
        actor: command.actor,
        occurredAt: now,
        idempotencyKey,
        state,
        origin,
      },
      before,
    });
    seq += events.length;
    if (idempotencyKey) remember(idempotencyKey);
    changes++;
    return { state, events, unpersisted: unpersisted(), replayed: false, note };
  }

  /**
   * The request that sent the first pending batch died before its transaction committed: forget
   * that batch and everything decided on top of it (timer batches only: commands were refused
   * while it was pending), as the embedded host's rollback would. Timers are decided again.
   */
  function abandon(): void {
    const [first] = outbox;
    state = first.before;
    seq = first.batch.firstSeq - 1;
    for (const p of outbox) if (p.batch.idempotencyKey) keys.delete(p.batch.idempotencyKey);
    outbox.length = 0;
    changes++;
  }

  /** The API decided on an older stream head than this workflow's: wait until the outbox settles. */
  function behind(req: PlanCommandRequest): boolean {
    return req.expectedSeq !== undefined && req.expectedSeq !== seq;
  }

  function remember(key: string): void {
    keys.set(key, seq);
    if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
  }

  function repeated(req: PlanCommandRequest): boolean {
    return req.idempotencyKey !== undefined && keys.has(req.idempotencyKey);
  }

  setHandler(planStateQuery, () => state);
  setHandler(
    planCommandUpdate,
    // Synchronous on purpose: apply + enqueue cannot interleave with another update.
    (req) => {
      // The validator ran on this same state (nothing interleaves), except on replay.
      if (behind(req)) throw streamBehind('plan', seq, req.expectedSeq);
      if (repeated(req)) {
        if (!state) throw rejection('NOT_FOUND', `No plan ${input.planId}.`);
        return { state, events: [], unpersisted: unpersisted(), replayed: true };
      }
      return run(req.command, req.requestedAt, req.idempotencyKey ?? null, 'command');
    },
    {
      // Validators do not run on replay, so this one must not draw from the workflow's random
      // source: ids are placeholders here, the handler decides again with real ones.
      validator: (req) => {
        if (behind(req)) throw streamBehind('plan', seq, req.expectedSeq);
        if (repeated(req)) return;
        const applied = apply(state, req.command, {
          now: req.requestedAt,
          calendar,
          newId: () => '00000000-0000-4000-8000-000000000000',
        });
        if (!applied.ok) throw rejection(applied.error.code, applied.error.message, applied.error.errors);
      },
    },
  );

  for (;;) {
    // Audit rows first: nothing else happens while a decided batch is unwritten.
    while (outbox.length) {
      const outcome: BatchOutcome | undefined = await persistPlanEvents(outbox[0].batch);
      if (outcome === 'ABANDONED') abandon();
      else outbox.shift();
    }
    // A plan whose creating request died never existed: its workflow ends.
    if (state === null && seq === 0 && changes > 0) break;
    if (state && isTerminal(state.status) && deadlines(state).length === 0) break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (!outbox.length) {
        return continueAsNew<typeof planApproval>({
          planId: input.planId,
          holidays: input.holidays,
          carried: { state, seq, keys: [...keys], outbox: [] },
        });
      }
      continue;
    }
    const next: Deadline | undefined = state ? deadlines(state)[0] : undefined;
    const seen = changes;
    const woken = () => changes !== seen || outbox.length > 0;
    if (!next) {
      await condition(woken);
      continue;
    }
    // The earliest deadline of the current state; any accepted command may move or drop it.
    if (await condition(woken, Math.max(1, toEpochMs(next.dueAt) - Date.now()))) continue;
    run(
      { type: 'DeadlineReached', actor: SYSTEM, key: next.key, timer: next.timer, dueAt: next.dueAt },
      new Date().toISOString(),
      `timer:${next.key}:${next.dueAt}`,
      'timer',
    );
  }
  // Updates accepted in the last task finish before the run closes.
  await condition(allHandlersFinished);
  return { planId: input.planId, status: state?.status ?? null, events: seq };
}
