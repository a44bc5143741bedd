import { DomainError } from '../errors';
import type { PlanEvent, PlanState, Review, ReviewStatus } from './types';

/** A deep copy of JSON data, so a state never shares objects with the events it was built from. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function need(state: PlanState | null, event: PlanEvent): PlanState {
  if (!state) throw new DomainError('INTERNAL', `Event ${event.type} cannot start a plan's stream.`);
  return state;
}

function withReviews(state: PlanState, update: (r: Review) => Review): Review[] {
  return state.reviews.map((r) => update(r));
}

function cancelPending(state: PlanState, ids: string[], at: string): Review[] {
  return withReviews(state, (r) =>
    ids.includes(r.id) && r.status === 'PENDING' ? { ...r, status: 'CANCELLED', cancelledAt: at } : r,
  );
}

function fired(state: PlanState, key: string, dueAt: string): Record<string, string> {
  return { ...state.firedTimers, [key]: dueAt };
}

const STATUS_OF_DECISION: Record<string, ReviewStatus> = {
  APPROVE: 'APPROVED',
  REQUEST_REVISION: 'REVISION_REQUESTED',
  REJECT: 'REJECTED',
};

/** Applies one event. Pure: never mutates `state` or `event`. Throws only on an event that cannot follow `state`. */
export function evolve(state: PlanState | null, event: PlanEvent): PlanState {
  if (event.type === 'PlanCreated') {
    if (state) throw new DomainError('INTERNAL', 'PlanCreated on an existing stream.');
    return {
      planId: event.planId,
      cycleId: event.cycleId,
      organizationId: event.organizationId,
      title: event.title,
      status: 'DRAFT',
      terms: copy(event.terms),
      submissionDeadline: event.terms.submissionDeadline,
      submissionReminders: copy(event.submissionReminders),
      extensions: [],
      version: 0,
      round: 0,
      currentStage: null,
      content: null,
      agencies: {},
      submittedAt: null,
      submittedLate: false,
      reviews: [],
      revision: null,
      approvedAmounts: null,
      totals: null,
      decisionRecord: null,
      approvedAt: null,
      flags: { submissionOverdue: false, revisionOverdue: false, reportsOverdue: {} },
      firedTimers: {},
      rollout: null,
      editCount: 0,
      createdAt: event.createdAt,
      updatedAt: event.createdAt,
      closedAt: null,
    };
  }
  const s = need(state, event);
  switch (event.type) {
    case 'ContentEdited':
      return { ...s, editCount: s.editCount + 1, updatedAt: event.editedAt };
    case 'PlanSubmitted':
      return {
        ...s,
        status: 'IN_APPRAISAL',
        title: event.content.title,
        version: event.version,
        round: event.round,
        currentStage: null,
        content: copy(event.content),
        agencies: copy(event.agencies),
        submittedAt: event.submittedAt,
        submittedLate: event.late,
        revision: null,
        flags: { ...s.flags, submissionOverdue: false, revisionOverdue: false },
        updatedAt: event.submittedAt,
      };
    case 'ReviewOpened':
      return {
        ...s,
        currentStage: event.stage,
        reviews: [
          ...s.reviews,
          {
            id: event.reviewId,
            round: event.round,
            stage: event.stage,
            function: event.function,
            agencyId: event.agencyId,
            agencyName: event.agencyName ?? null,
            status: 'PENDING',
            openedAt: event.openedAt,
            dueAt: event.dueAt,
            reminderAt: event.reminderAt,
            overdue: false,
            decidedAt: null,
            decidedBy: null,
            comment: null,
            lines: null,
            decisionRecord: null,
            cancelledAt: null,
          },
        ],
        updatedAt: event.openedAt,
      };
    case 'PlanWithdrawn':
      return { ...s, status: 'WITHDRAWN', updatedAt: event.withdrawnAt };
    case 'ReviewDecided':
      return {
        ...s,
        reviews: withReviews(s, (r) =>
          r.id === event.reviewId
            ? {
                ...r,
                status: STATUS_OF_DECISION[event.decision],
                decidedAt: event.decidedAt,
                decidedBy: copy(event.by),
                comment: event.comment ?? null,
                lines: event.lines ? copy(event.lines) : null,
                decisionRecord: event.decisionRecord ? copy(event.decisionRecord) : null,
              }
            : r,
        ),
        updatedAt: event.decidedAt,
      };
    case 'PlanRejected':
      return {
        ...s,
        status: 'REJECTED',
        reviews: cancelPending(s, event.cancelledReviewIds, event.rejectedAt),
        updatedAt: event.rejectedAt,
      };
    case 'RevisionRequested':
      return {
        ...s,
        status: 'REVISION_REQUESTED',
        reviews: cancelPending(s, event.cancelledReviewIds, event.requestedAt),
        revision: {
          reviewId: event.reviewId,
          reason: event.reason,
          requestedAt: event.requestedAt,
          dueAt: event.revisionDueAt,
          reminderAt: event.revisionReminderAt,
        },
        flags: { ...s.flags, revisionOverdue: false },
        updatedAt: event.requestedAt,
      };
    case 'PlanApproved':
      return {
        ...s,
        status: 'APPROVED',
        approvedAmounts: copy(event.approvedAmounts),
        totals: copy(event.totals),
        decisionRecord: copy(event.decisionRecord),
        approvedAt: event.approvedAt,
        updatedAt: event.approvedAt,
      };
    case 'SubmissionDeadlineExtended':
      return {
        ...s,
        submissionDeadline: event.newDeadline,
        submissionReminders: copy(event.submissionReminders),
        extensions: [
          ...s.extensions,
          {
            previousDeadline: event.previousDeadline,
            newDeadline: event.newDeadline,
            reason: event.reason,
            at: event.extendedAt,
            by: copy(event.by),
          },
        ],
        flags: { ...s.flags, submissionOverdue: false },
        updatedAt: event.extendedAt,
      };
    case 'SubmissionReminderDue':
    case 'ReviewReminderDue':
    case 'RevisionReminderDue':
      return { ...s, firedTimers: fired(s, event.key, event.dueAt), updatedAt: event.firedAt };
    case 'SubmissionOverdue':
      return {
        ...s,
        flags: { ...s.flags, submissionOverdue: true },
        firedTimers: fired(s, event.key, event.dueAt),
        updatedAt: event.firedAt,
      };
    case 'ReviewOverdue':
      return {
        ...s,
        reviews: withReviews(s, (r) => (r.id === event.reviewId ? { ...r, overdue: true } : r)),
        firedTimers: fired(s, event.key, event.dueAt),
        updatedAt: event.firedAt,
      };
    case 'RevisionOverdue':
      return {
        ...s,
        flags: { ...s.flags, revisionOverdue: true },
        firedTimers: fired(s, event.key, event.dueAt),
        updatedAt: event.firedAt,
      };
    case 'RolloutReportDue':
      return {
        ...s,
        flags: { ...s.flags, reportsOverdue: { ...s.flags.reportsOverdue, [event.period]: true } },
        firedTimers: fired(s, event.key, event.dueAt),
        updatedAt: event.firedAt,
      };
    case 'RolloutStarted':
      return {
        ...s,
        status: 'IN_ROLLOUT',
        rollout: { consolidationId: event.consolidationId, startedAt: event.startedAt, reportsSubmitted: [] },
        updatedAt: event.startedAt,
      };
    case 'RolloutReportSubmitted': {
      const rollout = s.rollout ?? {
        consolidationId: '',
        startedAt: event.submittedAt,
        reportsSubmitted: [],
      };
      const reportsOverdue = { ...s.flags.reportsOverdue };
      if (event.period in reportsOverdue) reportsOverdue[event.period] = false;
      return {
        ...s,
        rollout: {
          ...rollout,
          reportsSubmitted: rollout.reportsSubmitted.includes(event.period)
            ? rollout.reportsSubmitted
            : [...rollout.reportsSubmitted, event.period],
        },
        flags: { ...s.flags, reportsOverdue },
        updatedAt: event.submittedAt,
      };
    }
    case 'ProgressRecorded':
      // The activity's progress lives in the read models; the stream keeps the audited report.
      return { ...s, updatedAt: event.recordedAt };
    case 'PlanClosed':
      return { ...s, status: 'CLOSED', closedAt: event.closedAt, updatedAt: event.closedAt };
    default: {
      const unknown: never = event;
      throw new DomainError('INTERNAL', `Unknown event ${(unknown as { type: string }).type}.`);
    }
  }
}

/** Folds a stream from its first event. */
export function replay(events: readonly PlanEvent[]): PlanState {
  let state: PlanState | null = null;
  for (const e of events) state = evolve(state, e);
  if (!state) throw new DomainError('INTERNAL', 'A plan stream has at least one event.');
  return state;
}
