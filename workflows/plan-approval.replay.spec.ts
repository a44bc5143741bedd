/**
 * The plan workflow without a server. A test-side simulator grows histories by replaying the real
 * workflow code task by task (test/simulator.ts); those histories are then
 *  - replayed by the real worker (Worker.runReplayHistories) against the production bundle;
 *  - cut in the middle of workflow tasks, replayed with a recording interceptor, and the commands
 *    the workflow issues next asserted (step tests);
 *  - replayed against deliberately changed workflows (the determinism guard).
 */
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { toEpochMs } from '../libs/domain/src';
import { actors } from '../libs/domain/test/plan-fixtures';
import type { EventBatch, PlanApprovalInput, PlanCommandResult } from './contract';
import { changedBundle, productionBundle, recordingBundle, SourceChange } from './test/bundle';
import { JsonHistory } from './test/history-builder';
import { PLAN_ID, PlanScenario } from './test/plan-scenario';
import type { RecordedCommand } from './test/recording-interceptors';
import { quietRuntime } from './test/runtime';
import {
  continuedAsNew,
  createPlan,
  extension,
  firedDeadline,
  happyPath,
  revisionLoop,
  submit,
} from './test/scenarios';
import { replayRecording, WorkflowSimulator } from './test/simulator';

quietRuntime();

const stories: Record<string, JsonHistory> = {};
let scenarios: Record<string, PlanScenario>;
let bundle: Awaited<ReturnType<typeof recordingBundle>>;

beforeAll(async () => {
  bundle = await recordingBundle();
  const can = await continuedAsNew(bundle);
  scenarios = {
    'happy path': await happyPath(bundle),
    'revision loop': await revisionLoop(bundle),
    'fired deadline': await firedDeadline(bundle),
    extension: await extension(bundle),
    'continue-as-new (first run)': can.first,
    'continue-as-new (second run)': can.second,
  };
  for (const [name, s] of Object.entries(scenarios)) stories[name] = s.history.build();
});

async function replayAll(histories: Record<string, JsonHistory>) {
  const results: Record<string, string | undefined> = {};
  const entries = Object.entries(histories);
  const iterable = entries.map(([name, history]) => ({ workflowId: name, history }));
  for await (const r of Worker.runReplayHistories({ workflowBundle: await productionBundle() }, iterable)) {
    results[r.workflowId] = r.error ? String(r.error) : undefined;
  }
  return results;
}

describe('replay of simulated histories (production bundle)', () => {
  it('replays every story without a determinism error', async () => {
    const results = await replayAll(stories);
    expect(Object.keys(results).sort()).toEqual(Object.keys(stories).sort());
    expect(results).toEqual(Object.fromEntries(Object.keys(stories).map((k) => [k, undefined])));
  });

  it('ends where the story ends: approved then closed; rejected; overdue; moved deadline; continued', () => {
    expect(scenarios['happy path'].state?.status).toBe('CLOSED');
    expect(lastEventType(stories['happy path'])).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    expect(scenarios['revision loop'].state?.status).toBe('REJECTED');
    expect(scenarios['revision loop'].state?.round).toBe(2);
    expect(lastEventType(stories['revision loop'])).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    expect(scenarios['fired deadline'].state?.flags.submissionOverdue).toBe(true);
    expect(scenarios.extension.state?.submissionDeadline).toBe('2026-07-15T16:59:59.999Z');
    expect(lastEventType(stories['continue-as-new (first run)'])).toBe(
      'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
    );
    expect(
      scenarios['continue-as-new (second run)'].state?.reviews.filter((r) => r.status === 'APPROVED'),
    ).toHaveLength(1);
  });
});

function lastEventType(h: JsonHistory): string {
  return h.events[h.events.length - 1].eventType;
}

const kinds = (cs: RecordedCommand[]) => cs.map((c) => c.kind);
const batchOf = (c: RecordedCommand | undefined): EventBatch => {
  if (c?.kind !== 'scheduleActivity') throw new Error(`expected an activity, got ${c?.kind}`);
  expect(c.activityType).toBe('persistPlanEvents');
  return c.args[0] as EventBatch;
};

/** What the server wrote for a task's commands: the events between its completion and the next arrival. */
const COMMAND_EVENTS: Record<string, RecordedCommand['kind']> = {
  EVENT_TYPE_TIMER_STARTED: 'startTimer',
  EVENT_TYPE_TIMER_CANCELED: 'cancelTimer',
  EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: 'scheduleActivity',
  EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: 'completeWorkflowExecution',
  EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW: 'continueAsNewWorkflowExecution',
};

describe('a history cut in the middle of a workflow task', () => {
  it('issues, at every task of every story, exactly the commands the history continues with', async () => {
    let checked = 0;
    for (const h of Object.values(stories)) {
      for (let i = 0; i < h.events.length; i++) {
        if (h.events[i].eventType !== 'EVENT_TYPE_WORKFLOW_TASK_STARTED') continue;
        // Tasks that delivered an update are skipped: the request arrives with the task, not in history.
        if (h.events[i + 2]?.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED') continue;
        const cut = { events: h.events.slice(0, i + 1) };
        const issued = (await replayRecording(bundle, cut, 'step')).at(-1) ?? [];
        const following: string[] = [];
        for (const e of h.events.slice(i + 2)) {
          const kind = COMMAND_EVENTS[e.eventType];
          if (!kind) break;
          following.push(kind);
        }
        expect(kinds(issued)).toEqual(following);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('what the plan workflow does next', () => {
  it('CreatePlan: persists PlanCreated as event 1, answers the update, then sleeps until the first reminder', async () => {
    const s = new PlanScenario(bundle);
    const first = await s.command(createPlan);
    expect(kinds(first)).toEqual(['updateAccepted', 'scheduleActivity', 'updateCompleted']);
    const batch = batchOf(first[1]);
    expect(batch.firstSeq).toBe(1);
    expect(batch.events.map((e) => e.type)).toEqual(['PlanCreated']);
    expect(batch.actor).toEqual(actors.editor);
    const next = await s.settle();
    expect(next).toHaveLength(1);
    const reminder = s.state!.submissionReminders[0];
    expect(next[0]).toEqual({
      kind: 'startTimer',
      seq: 1,
      ms: toEpochMs(reminder.dueAt) - Date.parse(s.history.time),
    });
  });

  it('Submit while a timer runs: the update is answered, the timer cancelled, the submission persisted', async () => {
    const s = new PlanScenario(bundle);
    await s.command(createPlan);
    await s.settle();
    const cs = await s.command(submit, 'submit-1');
    expect(kinds(cs)).toEqual(['updateAccepted', 'updateCompleted', 'cancelTimer', 'scheduleActivity']);
    const batch = batchOf(cs[3]);
    expect(batch.firstSeq).toBe(2);
    expect(batch.events.map((e) => e.type)).toEqual(['PlanSubmitted', 'ReviewOpened', 'ReviewOpened']);
    expect(batch.idempotencyKey).toBe('submit-1');
    const result = (cs[1] as { result: PlanCommandResult }).result;
    expect(result.unpersisted.map((b) => b.firstSeq)).toEqual([2]);
    // The review SLA of the earliest review is the next deadline.
    const next = await s.settle();
    expect(kinds(next)).toEqual(['startTimer']);
  });

  it('a repeated idempotency key: answered from memory, nothing persisted, no timer touched', async () => {
    const s = new PlanScenario(bundle);
    await s.command(createPlan);
    await s.settle();
    await s.command(submit, 'submit-1');
    await s.settle();
    const again = await s.command(submit, 'submit-1');
    expect(kinds(again)).toEqual(['updateAccepted', 'updateCompleted']);
    const result = (again[1] as { result: PlanCommandResult }).result;
    expect(result.replayed).toBe(true);
    expect(result.events).toEqual([]);
  });

  it('a command whose request died: its batch comes back ABANDONED and the workflow forgets it, as a rollback would', async () => {
    const s = new PlanScenario(bundle);
    await s.command(createPlan);
    await s.settle();
    const sent = await s.command(submit, 'submit-1');
    expect(batchOf(sent[3]).firstSeq).toBe(2);
    // The request's transaction ended without the batch: the worker reports it abandoned.
    s.history.advance(40).activityCompleted('ABANDONED');
    const after = await s.sim.task();
    // Back in DRAFT: the reminder timer the submission had cancelled runs again; nothing persisted.
    expect(kinds(after)).toEqual(['startTimer']);
    // The client tries again with the same key: decided anew (not "replayed"), from event 2 again.
    const again = await s.command(submit, 'submit-1');
    const result = (again[1] as { result: PlanCommandResult }).result;
    expect(result.replayed).toBe(false);
    expect(batchOf(again.find((c) => c.kind === 'scheduleActivity')!).firstSeq).toBe(2);
    expect(result.state.status).toBe('IN_APPRAISAL');
  });

  it('a plan whose creating request died ends its workflow: the plan never existed', async () => {
    const s = new PlanScenario(bundle);
    await s.command(createPlan);
    s.history.advance(40).activityCompleted('ABANDONED');
    const after = await s.sim.task();
    expect(after.at(-1)).toEqual({
      kind: 'completeWorkflowExecution',
      result: { planId: PLAN_ID, status: null, events: 0 },
    });
  });

  it('a fired submission deadline: SubmissionOverdue persisted by the system, keyed by timer and due time', async () => {
    const s = scenarios['fired deadline'];
    const fired = s.log
      .filter((cs) => cs.some((c) => c.kind === 'scheduleActivity'))
      .map((cs) => batchOf(cs.find((c) => c.kind === 'scheduleActivity')));
    const overdue = fired.find((b) => b.events[0].type === 'SubmissionOverdue')!;
    expect(overdue.actor).toEqual({ kind: 'system' });
    expect(overdue.idempotencyKey).toBe(`timer:submission-deadline:${s.state!.submissionDeadline}`);
    expect(fired.map((b) => b.events[0].type)).toEqual([
      'PlanCreated',
      'SubmissionReminderDue',
      'SubmissionReminderDue',
      'SubmissionOverdue',
    ]);
    expect(fired.map((b) => b.firstSeq)).toEqual([1, 2, 3, 4]);
  });

  it('an extension moves the deadline: the running timer is cancelled and the next one aims at the new calendar', async () => {
    const s = new PlanScenario(bundle);
    await s.command(createPlan);
    await s.settle();
    const cs = await s.command({
      type: 'GrantExtension',
      actor: actors.leader,
      newDeadline: '2026-07-15T16:59:59.999Z',
      reason: 'Sáp nhập tỉnh',
    });
    expect(kinds(cs)).toEqual(['updateAccepted', 'updateCompleted', 'cancelTimer', 'scheduleActivity']);
    const next = await s.settle();
    const firstReminder = s.state!.submissionReminders[0];
    expect(Date.parse(firstReminder.dueAt)).toBeGreaterThan(Date.parse('2026-06-30T16:59:59.999Z'));
    expect(next).toEqual([
      { kind: 'startTimer', seq: 2, ms: toEpochMs(firstReminder.dueAt) - Date.parse(s.history.time) },
    ]);
  });

  it('a terminal plan: the last batch is persisted, then the run completes with its outcome', async () => {
    const s = scenarios['revision loop'];
    const last = s.log.at(-1)!;
    expect(last).toEqual([
      {
        kind: 'completeWorkflowExecution',
        result: { planId: s.state!.planId, status: 'REJECTED', events: expect.any(Number) },
      },
    ]);
  });

  it('continue-as-new when suggested: state, sequence and idempotency keys go to the next run', async () => {
    const [first, second] = [
      scenarios['continue-as-new (first run)'],
      scenarios['continue-as-new (second run)'],
    ];
    const can = first.log.at(-1)!.find((c) => c.kind === 'continueAsNewWorkflowExecution');
    const input = (can as { args: PlanApprovalInput[] }).args[0];
    expect(input.carried?.state?.status).toBe('IN_APPRAISAL');
    expect(input.carried?.seq).toBe(4);
    expect(input.carried?.keys.map(([k]) => k)).toEqual(['submit-1']);
    expect(input.carried?.outbox).toEqual([]);
    // The new run resumes the review SLA timer, then numbers the next events after the carried ones.
    expect(kinds(second.log[0])).toEqual(['startTimer']);
    const decided = second.log.flat().find((c) => c.kind === 'scheduleActivity');
    expect(batchOf(decided).firstSeq).toBe(5);
  });
});

const WORKFLOW = /plan-approval\.workflow\.ts$/;

async function replay(bundle: Awaited<ReturnType<typeof productionBundle>>, h: JsonHistory) {
  try {
    await Worker.runReplayHistory({ workflowBundle: bundle }, h, 'determinism');
    return undefined;
  } catch (err) {
    return err as Error;
  }
}

/** The same history as an SDK that does not mark internal flags would have written it. */
function withoutSdkFlags(h: JsonHistory): JsonHistory {
  return {
    events: h.events.map((e) => {
      const a = e.workflowTaskCompletedEventAttributes as Record<string, unknown> | undefined;
      if (!a) return e;
      const rest = { ...a };
      delete rest.sdkMetadata;
      return { ...e, workflowTaskCompletedEventAttributes: rest };
    }),
  };
}

const renamedActivity: SourceChange = {
  file: WORKFLOW,
  edits: [
    {
      from: 'await persistPlanEvents(outbox[0].batch);',
      to: "await (proxyActivities({ startToCloseTimeout: '30 seconds' }) as Record<string, (b: EventBatch) => Promise<BatchOutcome>>).writePlanEvents(outbox[0].batch);",
    },
  ],
};

/** A careless "write it twice to be safe": one more activity per batch. */
const WRITE = '      const outcome: BatchOutcome | undefined = await persistPlanEvents(outbox[0].batch);\n';
const writeTwice = (guarded: boolean): SourceChange => ({
  file: WORKFLOW,
  edits: [
    { from: '  workflowInfo,\n} from', to: '  workflowInfo,\n  patched,\n} from' },
    {
      from: WRITE,
      to: guarded
        ? `${WRITE}      if (patched('write-twice')) await persistPlanEvents(outbox[0].batch);\n`
        : `${WRITE}      await persistPlanEvents(outbox[0].batch);\n`,
    },
  ],
});

describe('determinism guard', () => {
  let history: JsonHistory;
  beforeAll(() => {
    history = stories['happy path'];
  });

  it('the unchanged workflow replays its own history', async () => {
    expect(await replay(await productionBundle(), history)).toBeUndefined();
  });

  it('a changed activity type fails replay, because the history carries the SDK flags that turn on type checks', async () => {
    const err = await replay(await changedBundle(renamedActivity), history);
    expect(err).toBeInstanceOf(DeterminismViolationError);
    expect(err?.message).toMatch(/writePlanEvents|persistPlanEvents|Activity/);
    // Without the flags, core stays lenient with old histories: the rename would slip through.
    expect(await replay(await changedBundle(renamedActivity), withoutSdkFlags(history))).toBeUndefined();
  });

  it('one more activity in the control flow fails replay', async () => {
    const err = await replay(await changedBundle(writeTwice(false)), history);
    expect(err).toBeInstanceOf(DeterminismViolationError);
  });

  it('the same change behind patched() replays: the way a change to running workflows is rolled out', async () => {
    expect(await replay(await changedBundle(writeTwice(true)), history)).toBeUndefined();
  });
});

describe('planning cycle workflow', () => {
  it('reminds, follows a moved deadline, escalates once per checkpoint, and its history replays', async () => {
    const input = {
      cycleId: 'cycle-2027',
      submissionDeadline: '2026-06-30T16:59:59.999Z',
      reminders: [
        { daysBefore: 5, dueAt: '2026-06-23T16:59:59.999Z' },
        { daysBefore: 1, dueAt: '2026-06-29T16:59:59.999Z' },
      ],
      escalations: [{ daysAfter: 3, dueAt: '2026-07-03T16:59:59.999Z' }],
    };
    const sim = new WorkflowSimulator(bundle, {
      workflowType: 'planningCycle',
      workflowId: 'cycle-cycle-2027',
      input: [input],
      startTime: '2026-06-01T02:00:00.000Z',
    });
    const reached: string[] = [];
    /** Fires the timer the last task started and completes the checkpoint activity it leads to. */
    const fire = async (started: RecordedCommand[]) => {
      const timer = started.find((c) => c.kind === 'startTimer');
      if (timer?.kind !== 'startTimer') throw new Error(`no timer in ${JSON.stringify(kinds(started))}`);
      sim.history.advance(timer.ms).timerFired();
      const cs = await sim.task();
      const act = cs.find((c) => c.kind === 'scheduleActivity');
      if (act?.kind !== 'scheduleActivity') throw new Error('no checkpoint activity');
      expect(act.activityType).toBe('cycleCheckpointReached');
      reached.push(`${(act.args[1] as { key: string }).key}@${(act.args[1] as { dueAt: string }).dueAt}`);
      sim.history.advance(40).activityCompleted({ unionsNotified: 2 });
      return sim.task();
    };
    let cs = await sim.task();
    expect(kinds(cs)).toEqual(['startTimer']);
    cs = await fire(cs); // reminder:5
    // The deadline moves a week later: the running timer is cancelled, the schedule recomputed.
    sim.history.advance(3_600_000).signal('cycleDeadlineChanged', [
      {
        submissionDeadline: '2026-07-07T16:59:59.999Z',
        reminders: [
          { daysBefore: 5, dueAt: '2026-06-30T16:59:59.999Z' },
          { daysBefore: 1, dueAt: '2026-07-06T16:59:59.999Z' },
        ],
        escalations: [{ daysAfter: 3, dueAt: '2026-07-10T16:59:59.999Z' }],
      },
    ]);
    cs = await sim.task();
    expect(kinds(cs)).toEqual(['cancelTimer', 'startTimer']);
    while (!cs.some((c) => c.kind === 'completeWorkflowExecution')) cs = await fire(cs);
    expect(reached).toEqual([
      'reminder:5@2026-06-23T16:59:59.999Z',
      'reminder:5@2026-06-30T16:59:59.999Z',
      'reminder:1@2026-07-06T16:59:59.999Z',
      'deadline@2026-07-07T16:59:59.999Z',
      'escalation:3@2026-07-10T16:59:59.999Z',
    ]);
    await Worker.runReplayHistory({ workflowBundle: await productionBundle() }, sim.history.build(), 'cycle');
  });
});
