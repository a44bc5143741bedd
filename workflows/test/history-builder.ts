/**
 * Builds Temporal event histories in the JSON form `temporal workflow show -o json` exports, so
 * replay tests can run without a server. Each method appends what the server would write for one
 * step; ids, times and the protocol fields (update acceptance, sequencing) follow the server's rules.
 */
import { defaultPayloadConverter } from '@temporalio/common';

type Attrs = Record<string, unknown>;
export interface JsonEvent {
  eventId: string;
  eventTime: string;
  eventType: string;
  [attributes: string]: unknown;
}
export interface JsonHistory {
  events: JsonEvent[];
}

/**
 * The SDK's internal flags, written on every workflow task completion as the 1.24 worker does.
 * Core flag 1 turns on activity type and id checks on replay (without it, a changed activity type
 * replays silently); lang flags 1 and 2 select the current activation-job ordering.
 */
export const SDK_METADATA = {
  coreUsedFlags: [1, 2, 3],
  langUsedFlags: [1, 2],
  sdkName: 'temporal-typescript',
  sdkVersion: '1.24.0',
};

/** Payloads as the JSON export writes them: metadata values and data in base64. */
const payloads = (values: unknown[]) => ({
  payloads: values.map((v) => {
    const p = defaultPayloadConverter.toPayload(v)!;
    const b64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('base64');
    return {
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, b]) => [k, b64(b)])),
      data: b64(p.data),
    };
  }),
});

export class HistoryBuilder {
  private readonly events: JsonEvent[] = [];
  private now: number;
  private wftScheduled = 0;
  private wftStarted = 0;
  private wftCompleted = 0;
  private timerSeq = 0;
  private activitySeq = 0;
  private updateSeq = 0;
  private readonly timers = new Map<string, number>();
  private readonly openUpdates: [string, number][] = [];

  constructor(
    private readonly opts: {
      workflowType: string;
      workflowId: string;
      taskQueue?: string;
      input: unknown[];
      startTime: string;
      runId?: string;
    },
  ) {
    this.now = Date.parse(opts.startTime);
  }

  get taskQueue(): string {
    return this.opts.taskQueue ?? 'plan-approval';
  }

  /** The workflow clock moves only between tasks; the next event happens `ms` later. */
  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  at(instant: string): this {
    const t = Date.parse(instant);
    if (t < this.now) throw new Error(`time would go backwards to ${instant}`);
    this.now = t;
    return this;
  }

  get time(): string {
    return new Date(this.now).toISOString();
  }

  get lastEventId(): number {
    return this.events.length;
  }

  private add(type: string, attrs: Attrs): number {
    const eventId = this.events.length + 1;
    const key = `${type[0].toLowerCase()}${type.slice(1)}EventAttributes`;
    this.events.push({
      eventId: String(eventId),
      eventTime: new Date(this.now).toISOString(),
      eventType: `EVENT_TYPE_${type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      [key]: attrs,
    });
    return eventId;
  }

  started(): this {
    this.add('WorkflowExecutionStarted', {
      workflowType: { name: this.opts.workflowType },
      taskQueue: { name: this.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      input: payloads(this.opts.input),
      workflowExecutionTimeout: '0s',
      workflowRunTimeout: '0s',
      workflowTaskTimeout: '10s',
      originalExecutionRunId: this.opts.runId ?? 'run-1',
      firstExecutionRunId: this.opts.runId ?? 'run-1',
      identity: 'history-builder',
      attempt: 1,
      workflowId: this.opts.workflowId,
    });
    return this;
  }

  /** Scheduled + started: the task the worker is working on (a history may end here: a step test). */
  taskStarted(opts: { suggestContinueAsNew?: boolean } = {}): this {
    this.wftScheduled = this.add('WorkflowTaskScheduled', {
      taskQueue: { name: this.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      startToCloseTimeout: '10s',
      attempt: 1,
    });
    this.wftStarted = this.add('WorkflowTaskStarted', {
      scheduledEventId: String(this.wftScheduled),
      identity: 'worker',
      requestId: `wft-${this.wftScheduled}`,
      historySizeBytes: String(this.events.length * 500),
      suggestContinueAsNew: opts.suggestContinueAsNew ?? false,
    });
    return this;
  }

  taskCompleted(): this {
    this.wftCompleted = this.add('WorkflowTaskCompleted', {
      scheduledEventId: String(this.wftScheduled),
      startedEventId: String(this.wftStarted),
      identity: 'worker',
      sdkMetadata: SDK_METADATA,
      meteringMetadata: {},
    });
    return this;
  }

  /** A whole workflow task; the commands it issued follow as the next calls. */
  task(opts: { suggestContinueAsNew?: boolean } = {}): this {
    return this.taskStarted(opts).taskCompleted();
  }

  /** An update delivered with the last workflow task and accepted (its validator passed). */
  updateAccepted(name: string, args: unknown[], updateId = `update-${++this.updateSeq}`): this {
    const accepted = this.add('WorkflowExecutionUpdateAccepted', {
      protocolInstanceId: updateId,
      acceptedRequestMessageId: `${updateId}/request`,
      // The server sequences an update by the workflow task that delivered it.
      acceptedRequestSequencingEventId: String(this.wftScheduled),
      acceptedRequest: {
        meta: { updateId, identity: 'api' },
        input: { header: {}, name, args: payloads(args) },
      },
    });
    this.openUpdates.push([updateId, accepted]);
    return this;
  }

  /** The oldest accepted update's handler returned. */
  updateCompleted(result: unknown): this {
    const open = this.openUpdates.shift();
    if (!open) throw new Error('no accepted update to complete');
    this.add('WorkflowExecutionUpdateCompleted', {
      meta: { updateId: open[0], identity: 'api' },
      acceptedEventId: String(open[1]),
      outcome: { success: payloads([result]) },
    });
    return this;
  }

  /** Schedules activity seq n (ids are the SDK's sequence numbers); returns this for chaining. */
  activityScheduled(activityType: string, args: unknown[], seq = this.activitySeq + 1): this {
    this.activitySeq = seq;
    const activityId = String(seq);
    this.add('ActivityTaskScheduled', {
      activityId,
      activityType: { name: activityType },
      taskQueue: { name: this.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      header: {},
      input: payloads(args),
      scheduleToCloseTimeout: '0s',
      scheduleToStartTimeout: '0s',
      startToCloseTimeout: '30s',
      heartbeatTimeout: '0s',
      workflowTaskCompletedEventId: String(this.wftCompleted),
      retryPolicy: {
        initialInterval: '1s',
        backoffCoefficient: 2,
        maximumInterval: '60s',
        maximumAttempts: 0,
      },
    });
    return this;
  }

  /** Started and completed, for the most recently scheduled activity not yet completed. */
  activityCompleted(result?: unknown, ms = 50): this {
    const scheduled = [...this.events]
      .reverse()
      .find(
        (e) =>
          e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' &&
          !this.events.some(
            (c) =>
              c.eventType === 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED' &&
              (c.activityTaskCompletedEventAttributes as Attrs).scheduledEventId === e.eventId,
          ),
      );
    if (!scheduled) throw new Error('no activity to complete');
    const startedId = this.add('ActivityTaskStarted', {
      scheduledEventId: scheduled.eventId,
      identity: 'worker',
      requestId: `act-${scheduled.eventId}`,
      attempt: 1,
    });
    this.advance(ms);
    this.add('ActivityTaskCompleted', {
      scheduledEventId: scheduled.eventId,
      startedEventId: String(startedId),
      identity: 'worker',
      ...(result === undefined ? {} : { result: payloads([result]) }),
    });
    return this;
  }

  timerStarted(ms: number, seq = this.timerSeq + 1): this {
    this.timerSeq = seq;
    const timerId = String(seq);
    const id = this.add('TimerStarted', {
      timerId,
      startToFireTimeout: `${Math.round(ms) / 1000}s`,
      workflowTaskCompletedEventId: String(this.wftCompleted),
    });
    this.timers.set(timerId, id);
    return this;
  }

  /** Fires the open timer (there is at most one in these workflows) at its due time or `at`. */
  timerFired(at?: string): this {
    const [timerId, startedEventId] = this.openTimer();
    if (at) this.at(at);
    this.add('TimerFired', { timerId, startedEventId: String(startedEventId) });
    this.timers.delete(timerId);
    return this;
  }

  timerCanceled(seq?: number): this {
    const [timerId, startedEventId] =
      seq === undefined ? this.openTimer() : [String(seq), this.timers.get(String(seq)) ?? NaN];
    if (Number.isNaN(startedEventId)) throw new Error(`timer ${seq} is not open`);
    this.add('TimerCanceled', {
      timerId,
      startedEventId: String(startedEventId),
      workflowTaskCompletedEventId: String(this.wftCompleted),
      identity: 'worker',
    });
    this.timers.delete(timerId);
    return this;
  }

  hasOpenTimer(seq: number): boolean {
    return this.timers.has(String(seq));
  }

  private openTimer(): [string, number] {
    const open = [...this.timers.entries()].pop();
    if (!open) throw new Error('no open timer');
    return open;
  }

  signal(name: string, args: unknown[]): this {
    this.add('WorkflowExecutionSignaled', {
      signalName: name,
      input: payloads(args),
      identity: 'api',
      header: {},
    });
    return this;
  }

  continuedAsNew(input: unknown[]): this {
    this.add('WorkflowExecutionContinuedAsNew', {
      newExecutionRunId: 'run-2',
      workflowType: { name: this.opts.workflowType },
      taskQueue: { name: this.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
      input: payloads(input),
      workflowRunTimeout: '0s',
      workflowTaskTimeout: '10s',
      workflowTaskCompletedEventId: String(this.wftCompleted),
      initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
    });
    return this;
  }

  completed(result: unknown): this {
    this.add('WorkflowExecutionCompleted', {
      result: payloads([result]),
      workflowTaskCompletedEventId: String(this.wftCompleted),
    });
    return this;
  }

  build(): JsonHistory {
    return { events: this.events.map((e) => structuredClone(e)) };
  }
}
