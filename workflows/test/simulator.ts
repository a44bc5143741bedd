/**
 * A test-side stand-in for the Temporal server: it grows a workflow's history one workflow task at
 * a time. For each task it replays the history so far through the real workflow code (test bundle
 * with the recording interceptor), reads the commands the workflow issued in that task, and writes
 * the events the server would write for them, in the same order. The result is a history that a
 * real server would have produced for this code: the fixture of replay and determinism tests.
 */
import { WorkflowBundleWithSourceMap, Worker } from '@temporalio/worker';
import { HistoryBuilder, JsonHistory } from './history-builder';
import type { RecordedCommand, RecorderSinks } from './recording-interceptors';

export interface TaskOptions {
  /** An update delivered with this task (accepted: its validator passes, or the test fails). */
  update?: { name: string; args: unknown[]; updateId?: string };
  suggestContinueAsNew?: boolean;
}

export class WorkflowSimulator {
  readonly history: HistoryBuilder;
  private updates = 0;

  constructor(
    private readonly bundle: WorkflowBundleWithSourceMap,
    private readonly opts: ConstructorParameters<typeof HistoryBuilder>[0],
  ) {
    this.history = new HistoryBuilder(opts).started();
  }

  /** Replays the history as it stands and returns the commands of its last activation. */
  async replay(history: JsonHistory = this.history.build()): Promise<RecordedCommand[]> {
    return (await replayRecording(this.bundle, history, this.opts.workflowId)).at(-1) ?? [];
  }

  /** One workflow task: the events that woke the workflow must already be in the history. */
  async task(opts: TaskOptions = {}): Promise<RecordedCommand[]> {
    this.history.taskStarted({ suggestContinueAsNew: opts.suggestContinueAsNew });
    if (opts.update) {
      // An update's request is not in history until accepted, so the task is closed first and
      // the acceptance written; replaying then runs the handler exactly as the live worker did.
      this.history.taskCompleted();
      this.history.updateAccepted(
        opts.update.name,
        opts.update.args,
        opts.update.updateId ?? `update-${++this.updates}`,
      );
    }
    const commands = await this.replay();
    if (!opts.update) this.history.taskCompleted();
    this.write(commands);
    return commands;
  }

  /** The events the server writes for a task's commands (core drops a timer started and cancelled in one task). */
  private write(commands: RecordedCommand[]): void {
    const cancelledHere = new Set(
      commands.filter((c) => c.kind === 'cancelTimer').map((c) => (c as { seq: number }).seq),
    );
    for (const c of commands) {
      switch (c.kind) {
        case 'startTimer':
          if (!cancelledHere.has(c.seq)) this.history.timerStarted(c.ms, c.seq);
          break;
        case 'cancelTimer':
          if (this.history.hasOpenTimer(c.seq)) this.history.timerCanceled(c.seq);
          break;
        case 'scheduleActivity':
          this.history.activityScheduled(c.activityType, c.args, c.seq);
          break;
        case 'updateAccepted':
          break; // written with the task
        case 'updateCompleted':
          this.history.updateCompleted(c.result);
          break;
        case 'updateRejected':
          throw new Error(`update ${c.updateId} was rejected: ${c.message}`);
        case 'completeWorkflowExecution':
          this.history.completed(c.result);
          break;
        case 'continueAsNewWorkflowExecution':
          this.history.continuedAsNew(c.args);
          break;
        case 'other':
          if (c.name !== 'respondToQuery') throw new Error(`the simulator does not know command ${c.name}`);
      }
    }
  }
}

/** Replays one history with the recorder attached; returns every activation's commands. */
export async function replayRecording(
  bundle: WorkflowBundleWithSourceMap,
  history: JsonHistory,
  workflowId: string,
): Promise<RecordedCommand[][]> {
  const activations: RecordedCommand[][] = [];
  const sinks: {
    recorder: {
      activation: { fn: (info: unknown, c: RecordedCommand[]) => void; callDuringReplay: boolean };
    };
  } = {
    recorder: {
      activation: { fn: (_info, commands) => void activations.push(commands), callDuringReplay: true },
    },
  };
  void (null as unknown as RecorderSinks);
  await Worker.runReplayHistory({ workflowBundle: bundle, sinks }, history, workflowId);
  return activations;
}
