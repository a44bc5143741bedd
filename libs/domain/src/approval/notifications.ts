import type { PlanEvent, PlanState, Role } from './types';

export type NotificationRecipient =
  { organizationId: string; roles: Role[] } | { central: true; roles: Role[] };

export const NOTIFICATION_KINDS = [
  'PLAN_SUBMITTED',
  'REVIEW_OPENED',
  'REVIEW_DECIDED',
  'REVISION_REQUESTED',
  'PLAN_REJECTED',
  'PLAN_APPROVED',
  'PLAN_WITHDRAWN',
  'SUBMISSION_REMINDER',
  'SUBMISSION_OVERDUE',
  'SUBMISSION_DEADLINE_EXTENDED',
  'REVIEW_REMINDER',
  'REVIEW_OVERDUE',
  'REVISION_REMINDER',
  'REVISION_OVERDUE',
  'ROLLOUT_STARTED',
  'ROLLOUT_REPORT_DUE',
  'ROLLOUT_REPORT_SUBMITTED',
  'PLAN_CLOSED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What to tell whom; the host resolves recipients to users and renders `kind` + `params` with i18n. */
export interface NotificationIntent {
  recipient: NotificationRecipient;
  kind: NotificationKind;
  severity: 'info' | 'warning' | 'overdue';
  params: Record<string, string | number>;
}

/**
 * Who hears that a union has not submitted its plan: before the deadline, its submitters; once it
 * has passed (and at each escalation), its submitters and the central union's consolidators and
 * leaders. The same whoever notices it: a plan's own timer (notificationsFor) or, on the Temporal
 * host, the planning cycle's checkpoint for a union without a submitted plan.
 */
export function submissionNoticeRecipients(
  phase: 'REMINDER' | 'OVERDUE',
  organizationId: string,
): NotificationRecipient[] {
  const submitters: NotificationRecipient = { organizationId, roles: ['PLAN_SUBMITTER'] };
  return phase === 'REMINDER'
    ? [submitters]
    : [submitters, { central: true, roles: ['CONSOLIDATOR', 'LEADER'] }];
}

/**
 * Who hears about an event (pure). Reminders go to the union's submitters; overdue flags and
 * escalations to the responsible side and to the central union's consolidators; decisions and
 * revision requests (with the reason) to the union's editors and submitters; a review opened to
 * the agency's appraisers. Events not listed (PlanCreated, ContentEdited) notify nobody.
 */
export function notificationsFor(event: PlanEvent, stateAfter: PlanState): NotificationIntent[] {
  const s = stateAfter;
  const union = (...roles: Role[]): NotificationRecipient => ({ organizationId: s.organizationId, roles });
  const unionTeam = union('PLAN_EDITOR', 'PLAN_SUBMITTER');
  const central = (...roles: Role[]): NotificationRecipient => ({ central: true, roles });
  const agency = (organizationId: string, ...roles: Role[]): NotificationRecipient => ({
    organizationId,
    roles,
  });
  const base = { planTitle: s.title, planId: s.planId, organizationId: s.organizationId };
  const to = (
    recipients: NotificationRecipient[],
    kind: NotificationKind,
    severity: NotificationIntent['severity'],
    params: Record<string, string | number | undefined | null> = {},
  ): NotificationIntent[] => {
    const clean: Record<string, string | number> = { ...base };
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) clean[k] = v;
    return recipients.map((recipient) => ({ recipient, kind, severity, params: { ...clean } }));
  };
  const reviewOf = (id: string) => s.reviews.find((r) => r.id === id);

  switch (event.type) {
    case 'PlanSubmitted':
      return to([central('CONSOLIDATOR')], 'PLAN_SUBMITTED', event.late ? 'warning' : 'info', {
        version: event.version,
        late: event.late ? 1 : 0,
      });
    case 'ReviewOpened':
      return to([agency(event.agencyId, 'APPRAISER')], 'REVIEW_OPENED', 'info', {
        reviewId: event.reviewId,
        stage: event.stage,
        function: event.function,
        round: event.round,
        dueAt: event.dueAt,
      });
    case 'ReviewDecided': {
      const r = reviewOf(event.reviewId);
      return to([unionTeam], 'REVIEW_DECIDED', 'info', {
        reviewId: event.reviewId,
        decision: event.decision,
        function: r?.function,
        stage: r?.stage,
        comment: event.comment,
        decidedBy: event.by.displayName,
        actingFor: event.by.actingFor?.displayName,
      });
    }
    case 'RevisionRequested':
      return to([unionTeam], 'REVISION_REQUESTED', 'warning', {
        reviewId: event.reviewId,
        reason: event.reason,
        dueAt: event.revisionDueAt,
      });
    case 'PlanRejected':
      return [
        ...to([unionTeam], 'PLAN_REJECTED', 'warning', { reviewId: event.reviewId, reason: event.reason }),
        ...to([central('CONSOLIDATOR')], 'PLAN_REJECTED', 'info', {
          reviewId: event.reviewId,
          reason: event.reason,
        }),
      ];
    case 'PlanApproved': {
      const params = {
        approvedTotal: event.totals.approved,
        requestedTotal: event.totals.requested,
        decisionNumber: event.decisionRecord.number,
        decisionDate: event.decisionRecord.date,
        signer: event.decisionRecord.signer,
      };
      return [
        ...to([unionTeam], 'PLAN_APPROVED', 'info', params),
        ...to([central('CONSOLIDATOR')], 'PLAN_APPROVED', 'info', params),
      ];
    }
    case 'PlanWithdrawn':
      return to([central('CONSOLIDATOR')], 'PLAN_WITHDRAWN', 'info', { reason: event.reason });
    case 'SubmissionReminderDue':
      return to(submissionNoticeRecipients('REMINDER', s.organizationId), 'SUBMISSION_REMINDER', 'warning', {
        dueAt: event.deadline,
        workingDaysLeft: event.daysBefore,
      });
    case 'SubmissionOverdue':
      return to(submissionNoticeRecipients('OVERDUE', s.organizationId), 'SUBMISSION_OVERDUE', 'overdue', {
        dueAt: event.deadline,
      });
    case 'SubmissionDeadlineExtended':
      return to([unionTeam], 'SUBMISSION_DEADLINE_EXTENDED', 'info', {
        dueAt: event.newDeadline,
        previousDueAt: event.previousDeadline,
        reason: event.reason,
      });
    case 'ReviewReminderDue': {
      const r = reviewOf(event.reviewId);
      if (!r) return [];
      return to([agency(r.agencyId, 'APPRAISER')], 'REVIEW_REMINDER', 'warning', {
        reviewId: r.id,
        function: r.function,
        dueAt: event.reviewDueAt,
      });
    }
    case 'ReviewOverdue': {
      const r = reviewOf(event.reviewId);
      const params = {
        reviewId: event.reviewId,
        function: r?.function,
        dueAt: r?.dueAt ?? event.dueAt,
        agencyId: event.agencyId,
      };
      return [
        ...to([agency(event.agencyId, 'APPRAISER')], 'REVIEW_OVERDUE', 'overdue', params),
        ...to([central('CONSOLIDATOR')], 'REVIEW_OVERDUE', 'overdue', params),
      ];
    }
    case 'RevisionReminderDue':
      return to([unionTeam], 'REVISION_REMINDER', 'warning', {
        dueAt: event.revisionDueAt,
        reason: s.revision?.reason,
      });
    case 'RevisionOverdue':
      return [
        ...to([unionTeam], 'REVISION_OVERDUE', 'overdue', { dueAt: event.dueAt, reason: s.revision?.reason }),
        ...to([central('CONSOLIDATOR')], 'REVISION_OVERDUE', 'overdue', { dueAt: event.dueAt }),
      ];
    case 'RolloutStarted':
      return to([unionTeam], 'ROLLOUT_STARTED', 'info', { startedAt: event.startedAt });
    case 'RolloutReportDue':
      return [
        ...to([union('PLAN_SUBMITTER')], 'ROLLOUT_REPORT_DUE', 'overdue', {
          period: event.period,
          dueAt: event.dueAt,
        }),
        ...to([central('CONSOLIDATOR')], 'ROLLOUT_REPORT_DUE', 'overdue', {
          period: event.period,
          dueAt: event.dueAt,
        }),
      ];
    case 'RolloutReportSubmitted':
      return to([central('CONSOLIDATOR')], 'ROLLOUT_REPORT_SUBMITTED', 'info', {
        period: event.period,
        late: event.late ? 1 : 0,
      });
    case 'PlanClosed':
      return to([unionTeam], 'PLAN_CLOSED', 'info', { closedAt: event.closedAt });
    case 'PlanCreated':
    case 'ContentEdited':
    case 'ProgressRecorded':
      return [];
  }
}
