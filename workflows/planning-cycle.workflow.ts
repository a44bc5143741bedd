/**
 * A planning cycle's submission calendar on Temporal: reminders before the submission deadline,
 * the deadline itself and escalations after it, for the unions that have not submitted. Each plan's
 * own timers live in its plan workflow; this one covers the cycle as a whole (a union with no plan
 * at all has no plan workflow to remind it). The deadline may move: a signal replaces the schedule.
 */
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { toEpochMs } from '../libs/domain/src';
import {
  CycleActivities,
  CycleCheckpoint,
  cycleClosedSignal,
  cycleDeadlineChangedSignal,
  cycleProgressQuery,
  PlanningCycleInput,
} from './contract';

const { cycleCheckpointReached } = proxyActivities<CycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export function checkpointsOf(input: Omit<PlanningCycleInput, 'cycleId'>): CycleCheckpoint[] {
  return [
    ...input.reminders.map((r) => ({
      kind: 'REMINDER' as const,
      key: `reminder:${r.daysBefore}`,
      dueAt: r.dueAt,
    })),
    { kind: 'DEADLINE' as const, key: 'deadline', dueAt: input.submissionDeadline },
    ...input.escalations.map((e) => ({
      kind: 'ESCALATION' as const,
      key: `escalation:${e.daysAfter}`,
      dueAt: e.dueAt,
    })),
  ].sort((a, b) => toEpochMs(a.dueAt) - toEpochMs(b.dueAt));
}

export async function planningCycle(input: PlanningCycleInput): Promise<CycleCheckpoint[]> {
  let schedule = checkpointsOf(input);
  /** key -> the dueAt it was reached for: a moved checkpoint is reached again at its new time. */
  const reached = new Map<string, string>();
  const done: CycleCheckpoint[] = [];
  let revision = 0;
  let closed = false;

  setHandler(cycleDeadlineChangedSignal, (next) => {
    schedule = checkpointsOf(next);
    revision++;
  });
  setHandler(cycleClosedSignal, () => {
    closed = true;
  });
  setHandler(cycleProgressQuery, () => done);

  for (;;) {
    const next = schedule.find((c) => reached.get(c.key) !== c.dueAt);
    if (!next || closed) break;
    const seen = revision;
    // A deadline that moves: wait for the earliest checkpoint or a new schedule, whichever first.
    const moved = await condition(
      () => revision !== seen || closed,
      Math.max(1, toEpochMs(next.dueAt) - Date.now()),
    );
    if (moved) continue;
    await cycleCheckpointReached(input.cycleId, next);
    reached.set(next.key, next.dueAt);
    done.push(next);
  }
  return done;
}
