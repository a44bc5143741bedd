/**
 * Drives one plan workflow through the simulator the way the API and time would: commands as
 * updates at the simulated time, activities completing, timers firing. Keeps the state each
 * update returned, so a test can address the reviews the workflow opened.
 */
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { PlanCommand, PlanState } from '../../libs/domain/src';
import { DEFAULT_HOLIDAY_DATES_VN } from '../../libs/domain/src';
import type { EventBatch, PlanApprovalInput, PlanCommandResult } from '../contract';
import type { RecordedCommand } from './recording-interceptors';
import { WorkflowSimulator } from './simulator';

export const PLAN_ID = '7b0c8e52-5a43-4f0e-9a7e-3f7f2d1c0a11';
export const START = '2026-05-04T02:00:00.000Z';

export class PlanScenario {
  readonly sim: WorkflowSimulator;
  state: PlanState | null = null;
  /** Every task's commands, oldest first. */
  readonly log: RecordedCommand[][] = [];

  constructor(
    bundle: WorkflowBundleWithSourceMap,
    opts: { input?: PlanApprovalInput; startTime?: string; runId?: string } = {},
  ) {
    this.sim = new WorkflowSimulator(bundle, {
      workflowType: 'planApproval',
      workflowId: `plan-${PLAN_ID}`,
      input: [opts.input ?? { planId: PLAN_ID, holidays: [...DEFAULT_HOLIDAY_DATES_VN] }],
      startTime: opts.startTime ?? START,
      runId: opts.runId,
    });
    this.state = opts.input?.carried?.state ?? null;
  }

  get history() {
    return this.sim.history;
  }

  /** A command as the API sends it; returns the commands of the task that accepted it. */
  async command(command: PlanCommand, idempotencyKey?: string): Promise<RecordedCommand[]> {
    const commands = await this.sim.task({
      update: {
        name: 'planCommand',
        args: [{ command, requestedAt: this.history.time, ...(idempotencyKey ? { idempotencyKey } : {}) }],
      },
    });
    this.track(commands);
    const done = commands.find((c) => c.kind === 'updateCompleted');
    if (done?.kind === 'updateCompleted') this.state = (done.result as PlanCommandResult).state;
    return commands;
  }

  /** Keeps the task's commands; a persisted batch carries the state it leads to (timers change state too). */
  private track(commands: RecordedCommand[]): RecordedCommand[] {
    this.log.push(commands);
    for (const c of commands) {
      if (c.kind === 'scheduleActivity' && c.activityType === 'persistPlanEvents') {
        this.state = (c.args[0] as EventBatch).state;
      }
    }
    return commands;
  }

  /** The first task of a run: the workflow starts and waits (no update). */
  async start(): Promise<RecordedCommand[]> {
    return this.track(await this.sim.task());
  }

  /** Completes the pending persistence activity and runs the task that follows; repeats while more are scheduled. */
  async settle(): Promise<RecordedCommand[]> {
    let last: RecordedCommand[] = this.log.at(-1) ?? [];
    while (last.some((c) => c.kind === 'scheduleActivity')) {
      this.history.advance(40).activityCompleted();
      last = this.track(await this.sim.task());
    }
    return last;
  }

  /** The open timer fires at its due time; returns the commands of the task it woke. */
  async fireTimer(): Promise<RecordedCommand[]> {
    const timer = [...this.log]
      .reverse()
      .flat()
      .find((c) => c.kind === 'startTimer');
    if (timer?.kind !== 'startTimer') throw new Error('no timer was started');
    const startedAt = this.timerStartTime(timer.seq);
    this.history.at(new Date(startedAt + timer.ms).toISOString()).timerFired();
    return this.track(await this.sim.task());
  }

  private timerStartTime(seq: number): number {
    const e = this.history
      .build()
      .events.find(
        (x) =>
          x.eventType === 'EVENT_TYPE_TIMER_STARTED' &&
          (x.timerStartedEventAttributes as { timerId: string }).timerId === String(seq),
      );
    if (!e) throw new Error(`timer ${seq} not in history`);
    return Date.parse(e.eventTime);
  }

  pendingReview(fn: string) {
    const r = this.state?.reviews.find((x) => x.function === fn && x.status === 'PENDING');
    if (!r) throw new Error(`no pending ${fn} review`);
    return r;
  }
}
