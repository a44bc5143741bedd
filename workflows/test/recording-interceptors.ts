/**
 * Test-only workflow interceptor (in the test bundle, never in production): reports the exact
 * commands each activation concludes with, in order, through a sink, with payloads decoded. Step
 * tests and the history simulator read them to learn what the workflow does next.
 */
import {
  defaultPayloadConverter,
  proxySinks,
  Sinks,
  WorkflowInterceptorsFactory,
} from '@temporalio/workflow';

export type RecordedCommand =
  | { kind: 'startTimer'; seq: number; ms: number }
  | { kind: 'cancelTimer'; seq: number }
  | { kind: 'scheduleActivity'; seq: number; activityType: string; args: unknown[] }
  | { kind: 'updateAccepted'; updateId: string }
  | { kind: 'updateCompleted'; updateId: string; result: unknown }
  | { kind: 'updateRejected'; updateId: string; message: string }
  | { kind: 'completeWorkflowExecution'; result: unknown }
  | { kind: 'continueAsNewWorkflowExecution'; workflowType: string; args: unknown[] }
  | { kind: 'other'; name: string };

export interface RecorderSinks extends Sinks {
  recorder: { activation(commands: RecordedCommand[]): void };
}

const { recorder } = proxySinks<RecorderSinks>();

type Payload = Parameters<typeof defaultPayloadConverter.fromPayload>[0];
const decode = (p: Payload | null | undefined): unknown =>
  p ? defaultPayloadConverter.fromPayload(p) : undefined;
const num = (v: unknown): number =>
  v && typeof v === 'object' && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v ?? 0);

/* eslint-disable @typescript-eslint/no-explicit-any -- core's command protos, read field by field */
function describe(c: any): RecordedCommand {
  if (c.startTimer) {
    const d = c.startTimer.startToFireTimeout ?? {};
    return {
      kind: 'startTimer',
      seq: c.startTimer.seq,
      ms: num(d.seconds) * 1000 + Math.round(num(d.nanos) / 1e6),
    };
  }
  if (c.cancelTimer) return { kind: 'cancelTimer', seq: c.cancelTimer.seq };
  if (c.scheduleActivity) {
    const a = c.scheduleActivity;
    return {
      kind: 'scheduleActivity',
      seq: a.seq,
      activityType: a.activityType,
      args: (a.arguments ?? []).map(decode),
    };
  }
  if (c.updateResponse) {
    const u = c.updateResponse;
    if (u.accepted) return { kind: 'updateAccepted', updateId: u.protocolInstanceId };
    if (u.rejected)
      return { kind: 'updateRejected', updateId: u.protocolInstanceId, message: u.rejected.message };
    return { kind: 'updateCompleted', updateId: u.protocolInstanceId, result: decode(u.completed) };
  }
  if (c.completeWorkflowExecution)
    return { kind: 'completeWorkflowExecution', result: decode(c.completeWorkflowExecution.result) };
  if (c.continueAsNewWorkflowExecution) {
    const n = c.continueAsNewWorkflowExecution;
    return {
      kind: 'continueAsNewWorkflowExecution',
      workflowType: n.workflowType,
      args: (n.arguments ?? []).map(decode),
    };
  }
  return { kind: 'other', name: Object.keys(c).find((k) => c[k] != null) ?? 'unknown' };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export const interceptors: WorkflowInterceptorsFactory = () => ({
  internals: [
    {
      concludeActivation(input, next) {
        const out = next(input);
        recorder.activation(out.commands.map(describe));
        return out;
      },
    },
  ],
});
