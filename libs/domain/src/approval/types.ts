import type { WorkingDayCalendar } from '../calendar';
import type { ErrorCode, FieldError } from '../errors';

// ---------------------------------------------------------------------------------------------
// People

export const ROLES = [
  'PLAN_EDITOR',
  'PLAN_SUBMITTER',
  'APPRAISER',
  'CONSOLIDATOR',
  'LEADER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_FUNCTIONS = ['CONTENT', 'BUDGET', 'FINAL'] as const;
export type AgencyFunction = (typeof AGENCY_FUNCTIONS)[number];

export interface PersonRef {
  userId: string;
  displayName: string;
}

/**
 * Who sends a command. The host resolves delegations: a user acting under an active delegation
 * from appraiser Y of the same agency arrives with APPRAISER among its roles and `actingFor: Y`.
 */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      displayName: string;
      organizationId: string;
      roles: Role[];
      actingFor?: PersonRef;
    }
  | { kind: 'system' };
export type UserActor = Extract<Actor, { kind: 'user' }>;

/** The actor as events record it ("X acting for Y"). */
export interface ActorRef {
  userId: string;
  displayName: string;
  organizationId: string;
  actingFor?: PersonRef;
}

// ---------------------------------------------------------------------------------------------
// Cycle terms and content

export interface RouteStage {
  stage: number;
  functions: AgencyFunction[];
}

export interface CycleTerms {
  /** ISO instant (the host usually passes the end of the local day). */
  submissionDeadline: string;
  /** Reminders N working days before the deadline, e.g. [5, 1]. */
  reminderWorkingDays: number[];
  reviewSlaDays: number;
  revisionSlaDays: number;
  /** Ordered stages; all reviews of a stage run in parallel. */
  route: RouteStage[];
  /** Calendar days after a quarter's end when its rollout report is due; default 15. */
  rolloutReportDay?: number;
}

/** A budget line as submitted; the host may add more scalar fields (quantity, unitCost, ...). */
export interface PlanBudgetLine {
  id: string;
  description: string;
  category: string;
  fundingSource: string;
  /** Integer VND as a decimal string (events are JSON). */
  requestedAmount: string;
  [extra: string]: unknown;
}

export interface PlanActivity {
  id: string;
  code: string;
  title: string;
  type: string;
  budgetLines: PlanBudgetLine[];
  [extra: string]: unknown;
}

/** What reviewers judge: the immutable snapshot taken at each submission. */
export interface PlanContent {
  title: string;
  objectives: string;
  activities: PlanActivity[];
  [extra: string]: unknown;
}

export type Agencies = Partial<Record<AgencyFunction, { id: string; name?: string }>>;

export interface ApprovedLine {
  budgetLineId: string;
  /** Integer VND, decimal string. */
  approvedAmount: string;
  comment?: string;
}

export interface DecisionRecord {
  number: string;
  /** 'YYYY-MM-DD' */
  date: string;
  signer: string;
}

export interface Totals {
  requested: string;
  approved: string;
  byFundingSource: Record<string, { requested: string; approved: string }>;
}

// ---------------------------------------------------------------------------------------------
// Cycles and rollout

export const CYCLE_STATUSES = ['OPEN', 'CONSOLIDATING', 'APPROVED', 'IN_ROLLOUT', 'CLOSED'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** Where an activity of an approved plan stands during rollout. */
export const IMPLEMENTATION_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'DONE',
  'POSTPONED',
  'CANCELLED',
] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** An activity's rollout progress as its union reports it. */
export interface Progress {
  activityId: string;
  implementationStatus: ImplementationStatus;
  /** Integer VND, decimal string. */
  actualSpend?: string;
  results?: string;
  /** 'YYYY-MM-DD' */
  reportedOn?: string;
}

// ---------------------------------------------------------------------------------------------
// Commands

export const REVIEW_DECISIONS = ['APPROVE', 'REQUEST_REVISION', 'REJECT'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const TIMER_NAMES = [
  'SUBMISSION_REMINDER',
  'SUBMISSION_DEADLINE',
  'REVIEW_REMINDER',
  'REVIEW_SLA',
  'REVISION_REMINDER',
  'REVISION_SLA',
  'ROLLOUT_REPORT',
] as const;
export type TimerName = (typeof TIMER_NAMES)[number];

interface Cmd<T extends string> {
  type: T;
  actor: Actor;
}

export type PlanCommand =
  | (Cmd<'CreatePlan'> & {
      planId: string;
      cycleId: string;
      organizationId: string;
      title: string;
      cycle: CycleTerms;
      /**
       * What the host found, under its lock, when it took the command: CreatePlan's guards judge
       * them (cycle open, one live plan per union and cycle). Commands recorded before these facts
       * existed (Temporal histories replay them) lack them; then those guards have nothing to refuse.
       */
      cycleYear: number;
      cycleStatus: CycleStatus;
      /** The union's plan in this cycle that is neither rejected nor withdrawn, if any. */
      livePlanId: string | null;
      /** A province merger creates the successor's plan: the merged organization's id. */
      mergerOf?: string;
    })
  | (Cmd<'EditContent'> & { change: { kind: string; summary: string; details?: Record<string, unknown> } })
  | (Cmd<'Submit'> & { content: PlanContent; agencies: Agencies })
  | (Cmd<'Withdraw'> & { reason?: string })
  | (Cmd<'DecideReview'> & {
      reviewId: string;
      decision: ReviewDecision;
      comment?: string;
      lines?: { budgetLineId: string; approvedAmount: string; comment?: string }[];
      decisionRecord?: DecisionRecord;
    })
  | (Cmd<'GrantExtension'> & { newDeadline: string; reason: string })
  | (Cmd<'DeadlineReached'> & { key: string; timer: TimerName; dueAt: string })
  | (Cmd<'StartRollout'> & { consolidationId: string })
  | (Cmd<'RecordRolloutReport'> & { period: string })
  | (Cmd<'RecordProgress'> & Progress)
  | (Cmd<'ClosePlan'> & {
      /**
       * What the host found, under its lock, when it took the command (progress lives in the read
       * models, not in the stream): the plan's activities that are neither DONE nor CANCELLED, and
       * whether its annual report was accepted. Closes recorded before these facts existed lack
       * them (Temporal histories replay them); then the guard on them has nothing to refuse.
       */
      openActivities?: OpenActivity[];
      annualReportAccepted?: boolean;
    });

/** An activity of a plan in rollout that is still open: neither DONE nor CANCELLED. */
export interface OpenActivity {
  activityId: string;
  code: string;
  /** Null when the union never reported on it. */
  implementationStatus: ImplementationStatus | null;
}

/** The statuses an activity may end the year in; any other keeps its plan (and cycle) open. */
export const FINISHED_IMPLEMENTATION_STATUSES = [
  'DONE',
  'CANCELLED',
] as const satisfies readonly ImplementationStatus[];

export type PlanCommandType = PlanCommand['type'];
export type CommandOf<T extends PlanCommandType> = Extract<PlanCommand, { type: T }>;

/** The state a command meets once the stream check passed: only CreatePlan meets none. */
export type StateFor<T extends PlanCommandType> = T extends 'CreatePlan' ? null : PlanState;

export const PLAN_COMMAND_TYPES = [
  'CreatePlan',
  'EditContent',
  'Submit',
  'Withdraw',
  'DecideReview',
  'GrantExtension',
  'DeadlineReached',
  'StartRollout',
  'RecordRolloutReport',
  'RecordProgress',
  'ClosePlan',
] as const satisfies readonly PlanCommandType[];

export interface DecideContext {
  /** ISO instant: the machine has no clock. */
  now: string;
  calendar: WorkingDayCalendar;
  /** Fresh ids (UUIDs) from the host; deterministic under Temporal. */
  newId: () => string;
}

/** Why a command is refused: a stable code, a reason, and the fields at fault if any. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
}

export type Decision = { ok: true; events: PlanEvent[]; note?: string } | { ok: false; error: Refusal };

// ---------------------------------------------------------------------------------------------
// Events (every payload is JSON: strings, numbers, booleans, plain objects and arrays)

export interface TimerFire {
  key: string;
  /** The due time it fired for (ISO). */
  dueAt: string;
  firedAt: string;
}

export interface SubmissionReminder {
  key: string;
  daysBefore: number;
  dueAt: string;
}

export type PlanEvent =
  | {
      type: 'PlanCreated';
      planId: string;
      cycleId: string;
      organizationId: string;
      title: string;
      terms: CycleTerms & { rolloutReportDay: number };
      /** Reminder times computed with the calendar (those already past at creation are left out). */
      submissionReminders: SubmissionReminder[];
      createdAt: string;
      by: ActorRef;
    }
  | {
      type: 'ContentEdited';
      change: { kind: string; summary: string; details?: Record<string, unknown> };
      editedAt: string;
      by: ActorRef;
    }
  | {
      type: 'PlanSubmitted';
      version: number;
      round: number;
      content: PlanContent;
      agencies: Agencies;
      submittedAt: string;
      /** After the submission deadline (first submission) or the revision due time (resubmission). */
      late: boolean;
      by: ActorRef;
    }
  | {
      type: 'ReviewOpened';
      reviewId: string;
      round: number;
      stage: number;
      function: AgencyFunction;
      agencyId: string;
      agencyName?: string;
      openedAt: string;
      dueAt: string;
      reminderAt: string;
    }
  | { type: 'PlanWithdrawn'; reason?: string; withdrawnAt: string; by: ActorRef }
  | {
      type: 'ReviewDecided';
      reviewId: string;
      decision: ReviewDecision;
      comment?: string;
      lines?: ApprovedLine[];
      decisionRecord?: DecisionRecord;
      by: ActorRef;
      decidedAt: string;
    }
  | {
      type: 'PlanRejected';
      reviewId: string;
      reason: string;
      cancelledReviewIds: string[];
      rejectedAt: string;
    }
  | {
      type: 'RevisionRequested';
      reviewId: string;
      reason: string;
      revisionDueAt: string;
      revisionReminderAt: string;
      cancelledReviewIds: string[];
      requestedAt: string;
    }
  | {
      type: 'PlanApproved';
      approvedAmounts: ApprovedLine[];
      totals: Totals;
      decisionRecord: DecisionRecord;
      approvedAt: string;
    }
  | {
      type: 'SubmissionDeadlineExtended';
      previousDeadline: string;
      newDeadline: string;
      reason: string;
      submissionReminders: SubmissionReminder[];
      extendedAt: string;
      by: ActorRef;
    }
  | ({ type: 'SubmissionReminderDue'; daysBefore: number; deadline: string } & TimerFire)
  | ({ type: 'SubmissionOverdue'; deadline: string } & TimerFire)
  | ({ type: 'ReviewReminderDue'; reviewId: string; reviewDueAt: string } & TimerFire)
  | ({ type: 'ReviewOverdue'; reviewId: string; agencyId: string } & TimerFire)
  | ({ type: 'RevisionReminderDue'; revisionDueAt: string } & TimerFire)
  | ({ type: 'RevisionOverdue' } & TimerFire)
  | ({ type: 'RolloutReportDue'; period: string } & TimerFire)
  | { type: 'RolloutStarted'; consolidationId: string; startedAt: string; by: ActorRef }
  | { type: 'RolloutReportSubmitted'; period: string; late: boolean; submittedAt: string; by: ActorRef }
  | ({ type: 'ProgressRecorded'; recordedAt: string; by: ActorRef } & Progress)
  | { type: 'PlanClosed'; closedAt: string; by: ActorRef };

export type PlanEventType = PlanEvent['type'];
export type EventOf<T extends PlanEventType> = Extract<PlanEvent, { type: T }>;

/** The events a firing timer records (each carries its TimerFire: key, due and fired instants). */
export const TIMER_EVENT_TYPES = [
  'SubmissionReminderDue',
  'SubmissionOverdue',
  'ReviewReminderDue',
  'ReviewOverdue',
  'RevisionReminderDue',
  'RevisionOverdue',
  'RolloutReportDue',
] as const satisfies readonly Extract<PlanEvent, TimerFire>['type'][];

// ---------------------------------------------------------------------------------------------
// State (JSON: the embedded host stores it as jsonb; absent values are null, never undefined)

export const PLAN_STATUSES = [
  'DRAFT',
  'IN_APPRAISAL',
  'REVISION_REQUESTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'IN_ROLLOUT',
  'CLOSED',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const REVIEW_STATUSES = [
  'PENDING',
  'APPROVED',
  'REVISION_REQUESTED',
  'REJECTED',
  'CANCELLED',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Review {
  id: string;
  round: number;
  stage: number;
  function: AgencyFunction;
  agencyId: string;
  agencyName: string | null;
  status: ReviewStatus;
  openedAt: string;
  dueAt: string;
  reminderAt: string;
  overdue: boolean;
  decidedAt: string | null;
  decidedBy: ActorRef | null;
  comment: string | null;
  lines: ApprovedLine[] | null;
  decisionRecord: DecisionRecord | null;
  cancelledAt: string | null;
}

export interface PlanFlags {
  submissionOverdue: boolean;
  revisionOverdue: boolean;
  /** period ('2027-Q1') -> overdue; cleared (false) when the report arrives. */
  reportsOverdue: Record<string, boolean>;
}

export interface PlanState {
  planId: string;
  cycleId: string;
  organizationId: string;
  title: string;
  status: PlanStatus;
  terms: CycleTerms & { rolloutReportDay: number };
  /** The current submission deadline, extensions included. */
  submissionDeadline: string;
  submissionReminders: SubmissionReminder[];
  extensions: { previousDeadline: string; newDeadline: string; reason: string; at: string; by: ActorRef }[];
  /** Number of submissions so far (0 = never submitted); the round equals it. */
  version: number;
  round: number;
  /** Stage open (or last open) in the current round; null before the first submission. */
  currentStage: number | null;
  content: PlanContent | null;
  agencies: Agencies;
  submittedAt: string | null;
  submittedLate: boolean;
  reviews: Review[];
  revision: {
    reviewId: string;
    reason: string;
    requestedAt: string;
    dueAt: string;
    reminderAt: string;
  } | null;
  approvedAmounts: ApprovedLine[] | null;
  totals: Totals | null;
  decisionRecord: DecisionRecord | null;
  approvedAt: string | null;
  flags: PlanFlags;
  /** Fired timers: key -> the dueAt it fired for (a moved timer, with a new dueAt, fires again). */
  firedTimers: Record<string, string>;
  rollout: { consolidationId: string; startedAt: string; reportsSubmitted: string[] } | null;
  editCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface Deadline {
  /** Stable and unique within the stream, e.g. 'review-sla:<reviewId>'. */
  key: string;
  timer: TimerName;
  dueAt: string;
  reviewId?: string;
}
