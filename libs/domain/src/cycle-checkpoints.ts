import { WorkingDayCalendar } from './calendar';

export type CycleCheckpointKind = 'REMINDER' | 'DEADLINE' | 'ESCALATION';

/** A moment of a cycle's submission calendar at which unions without a plan hear of it. */
export interface CycleCheckpoint {
  kind: CycleCheckpointKind;
  /** Stable within the cycle, e.g. 'reminder:5', 'deadline', 'escalation:3'. */
  key: string;
  dueAt: string;
}

/**
 * The cycle's own calendar, for the unions that have not started a plan (a plan has timers of its
 * own): a reminder `n` working days before the submission deadline for each `reminderWorkingDays`,
 * and the deadline itself, end of its day in Vietnam. Earliest first.
 */
export function cycleCheckpoints(
  cycle: { submissionDeadline: string; reminderWorkingDays: readonly number[] },
  calendar: WorkingDayCalendar,
): CycleCheckpoint[] {
  const deadline = calendar.endOfLocalDay(cycle.submissionDeadline);
  return [
    ...cycle.reminderWorkingDays.map((n) => ({
      kind: 'REMINDER' as const,
      key: `reminder:${n}`,
      dueAt: calendar.workingDaysBefore(deadline, n).toISOString(),
    })),
    { kind: 'DEADLINE' as const, key: 'deadline', dueAt: deadline.toISOString() },
  ].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
