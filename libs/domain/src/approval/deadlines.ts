import { addCalendarDays, endOfLocalDayOf, localDateOf, toEpochMs } from '../calendar';
import type { Deadline, PlanState, TimerName } from './types';

/** Timer keys: stable, unique within a plan's stream. */
export const timerKeys = {
  submissionReminder: (daysBefore: number) => `submission-reminder:${daysBefore}`,
  submissionDeadline: () => 'submission-deadline',
  reviewReminder: (reviewId: string) => `review-reminder:${reviewId}`,
  reviewSla: (reviewId: string) => `review-sla:${reviewId}`,
  revisionReminder: (round: number) => `revision-reminder:${round}`,
  revisionSla: (round: number) => `revision-sla:${round}`,
  rolloutReport: (period: string) => `rollout-report:${period}`,
} as const;

const TIMER_KEY_KINDS = [
  'submission-reminder',
  'submission-deadline',
  'review-reminder',
  'review-sla',
  'revision-reminder',
  'revision-sla',
  'rollout-report',
] as const;
export type TimerKeyKind = (typeof TIMER_KEY_KINDS)[number];

/**
 * A key made by `timerKeys`, read back: its kind and what it is about (days before, review id,
 * round or period; '' for the submission deadline). Null when no `timerKeys` maker writes it.
 */
export function parseTimerKey(key: string): { kind: TimerKeyKind; of: string } | null {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon);
  if (!(TIMER_KEY_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as TimerKeyKind, of: colon < 0 ? '' : key.slice(colon + 1) };
}

const PERIOD_RE = /^(\d{4})-Q([1-4])$/;

/** True for a rollout report period written 'YYYY-Qn'. */
export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD_RE.test(value);
}

/** The quarter ('2027-Q1') holding an instant's local date. */
export function periodOf(instant: string): string {
  const date = localDateOf(instant);
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return `${date.slice(0, 4)}-Q${quarter}`;
}

export function nextPeriod(period: string): string {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new Error(`Not a period: ${period}`);
  const [year, quarter] = [Number(m[1]), Number(m[2])];
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/** When a quarter's rollout report is due: the end of the local day `reportDay` calendar days after the quarter's last day. */
export function rolloutReportDueAt(period: string, reportDay: number): string {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new Error(`Not a period: ${period}`);
  const [year, quarter] = [Number(m[1]), Number(m[2])];
  const firstOfNext =
    quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const quarterEnd = addCalendarDays(firstOfNext, -1);
  return endOfLocalDayOf(addCalendarDays(quarterEnd, reportDay)).toISOString();
}

function sameInstant(a: string, b: string): boolean {
  return toEpochMs(a) === toEpochMs(b);
}

/** True when the timer `key` already fired for this dueAt. */
export function hasFired(state: PlanState, key: string, dueAt: string): boolean {
  const fired = state.firedTimers[key];
  return fired !== undefined && sameInstant(fired, dueAt);
}

function deadline(key: string, timer: TimerName, dueAt: string, reviewId?: string): Deadline {
  return reviewId === undefined ? { key, timer, dueAt } : { key, timer, dueAt, reviewId };
}

/**
 * Every timer the state has a reason for, fired or not. A timer that already fired (same key and
 * dueAt in state.firedTimers) is filtered out by `deadlines`.
 */
function reasons(state: PlanState): Deadline[] {
  const out: Deadline[] = [];
  switch (state.status) {
    case 'DRAFT':
      if (state.version === 0) {
        for (const r of state.submissionReminders) out.push(deadline(r.key, 'SUBMISSION_REMINDER', r.dueAt));
        out.push(deadline(timerKeys.submissionDeadline(), 'SUBMISSION_DEADLINE', state.submissionDeadline));
      }
      break;
    case 'IN_APPRAISAL':
      for (const r of state.reviews) {
        if (r.round !== state.round || r.status !== 'PENDING') continue;
        if (toEpochMs(r.reminderAt) > toEpochMs(r.openedAt)) {
          out.push(deadline(timerKeys.reviewReminder(r.id), 'REVIEW_REMINDER', r.reminderAt, r.id));
        }
        out.push(deadline(timerKeys.reviewSla(r.id), 'REVIEW_SLA', r.dueAt, r.id));
      }
      break;
    case 'REVISION_REQUESTED':
      if (state.revision) {
        const rev = state.revision;
        if (toEpochMs(rev.reminderAt) > toEpochMs(rev.requestedAt)) {
          out.push(deadline(timerKeys.revisionReminder(state.round), 'REVISION_REMINDER', rev.reminderAt));
        }
        out.push(deadline(timerKeys.revisionSla(state.round), 'REVISION_SLA', rev.dueAt));
      }
      break;
    case 'IN_ROLLOUT':
      if (state.rollout) {
        // One quarter at a time: the first from the start quarter that has neither a report nor a fired timer.
        let period = periodOf(state.rollout.startedAt);
        for (;;) {
          const key = timerKeys.rolloutReport(period);
          const dueAt = rolloutReportDueAt(period, state.terms.rolloutReportDay);
          if (!state.rollout.reportsSubmitted.includes(period) && !hasFired(state, key, dueAt)) {
            out.push(deadline(key, 'ROLLOUT_REPORT', dueAt));
            break;
          }
          period = nextPeriod(period);
        }
      }
      break;
    default:
      break;
  }
  return out;
}

/**
 * The timers this state needs, not yet fired, ordered by due time. A host keeps exactly these
 * scheduled: it adds new keys, moves a key whose dueAt changed, and drops keys no longer listed.
 */
export function deadlines(state: PlanState): Deadline[] {
  return reasons(state)
    .filter((d) => !hasFired(state, d.key, d.dueAt))
    .sort((a, b) => toEpochMs(a.dueAt) - toEpochMs(b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
