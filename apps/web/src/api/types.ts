/** The API's response shapes, as the screens use them (see apps/api/src and API.md). */

/** Integer VND: a JSON number when it is a safe integer, else a decimal string. */
export type Vnd = number | string;

export type Role = 'PLAN_EDITOR' | 'PLAN_SUBMITTER' | 'APPRAISER' | 'CONSOLIDATOR' | 'LEADER' | 'ADMIN';
export type OrganizationKind = 'CENTRAL_UNION' | 'PROVINCIAL_UNION' | 'APPRAISAL_AGENCY';

export interface Organization {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: OrganizationKind;
  provinceCode: string | null;
  function: string | null;
}

export interface Me {
  id: string;
  login: string;
  displayName: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  roles: Role[];
  organization: Organization;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PlanStatus =
  | 'DRAFT'
  | 'IN_APPRAISAL'
  | 'REVISION_REQUESTED'
  | 'APPROVED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'IN_ROLLOUT'
  | 'CLOSED';

export interface PlanFlags {
  submissionOverdue?: boolean;
  revisionOverdue?: boolean;
}

export interface PlanSummary {
  id: string;
  cycleId: string;
  organizationId: string;
  organizationName: string;
  title: string;
  status: PlanStatus;
  version: number;
  submittedVersion: number;
  flags: PlanFlags | null;
  totals: { requested: Vnd; approved: Vnd | null };
  updatedAt: string;
}

export interface OverNorm {
  article: string;
  circular: string;
  cap: Vnd;
  unit: string;
  unitCost: Vnd;
}

export interface BudgetLine {
  id: string;
  activityId: string;
  category: string;
  description: string;
  quantity: number;
  unit: string;
  unitCost: Vnd;
  amount: Vnd;
  requestedAmount: Vnd;
  approvedAmount: Vnd | null;
  approvalComment: string | null;
  fundingSource: string;
  guestClass: string | null;
  memberRole: string | null;
  overNorm: OverNorm | null;
}

export interface Activity {
  id: string;
  code: string;
  title: string;
  type: string;
  periodStart: string | null;
  periodEnd: string | null;
  location: string | null;
  partnerCountries: string[];
  expectedResults: string | null;
  priority: string | null;
  budgetLines: BudgetLine[];
}

export interface ReviewLine {
  budgetLineId: string;
  approvedAmount: string;
  comment?: string;
}

export interface Review {
  id: string;
  round: number;
  stage: number;
  function: 'CONTENT' | 'BUDGET' | 'FINAL';
  agencyId: string;
  agencyName: string;
  status: 'PENDING' | 'APPROVED' | 'REVISION_REQUESTED' | 'REJECTED' | 'CANCELLED';
  openedAt: string;
  dueAt: string;
  overdue: boolean;
  decidedAt: string | null;
  decidedByName: string | null;
  actingForName: string | null;
  comment: string | null;
  lines: ReviewLine[] | null;
}

export interface Deadline {
  key: string;
  timer: string;
  dueAt: string;
  firedAt: string | null;
}

export interface Totals {
  total: Vnd;
  byFundingSource: Record<string, Vnd>;
}

export interface Plan {
  id: string;
  cycleId: string;
  cycleYear: number;
  organizationId: string;
  organization: { id: string; code: string; nameVi: string; nameEn: string };
  title: string;
  objectives: string;
  status: PlanStatus;
  version: number;
  submittedVersion: number;
  currentRound: number;
  flags: PlanFlags | null;
  decision: { number: string; date: string; signer: string } | null;
  totals: { requested: Totals; approved: Totals };
  activities: Activity[];
  reviews: Review[];
  deadlines: Deadline[];
}

export interface InboxItem {
  id: string;
  planId: string;
  planTitle: string;
  organizationName: string;
  stage: number;
  function: Review['function'];
  round: number;
  status: Review['status'];
  openedAt: string;
  dueAt: string;
  overdue: boolean;
}

export interface Cycle {
  id: string;
  year: number;
  title: string;
  submissionDeadline: string;
  reviewSlaDays: number;
  route: { stage: number; functions: string[] }[];
  status: string;
}

export interface DashboardProvince {
  organizationId: string;
  code: string;
  nameVi: string;
  nameEn: string;
  cluster: number | null;
  planId: string | null;
  title: string | null;
  status: PlanStatus | 'NOT_STARTED';
  submissionDeadline: string | null;
  requested: Vnd | null;
  approved: Vnd | null;
  pendingReviews: number | null;
  overdueReviews: number | null;
  nextReviewDue: string | null;
  overdue: boolean;
}

export interface Dashboard {
  cycle: Cycle;
  asOf: string;
  countsByStatus: Record<string, number>;
  totals: {
    requested: Vnd;
    approved: Vnd;
    spent: Vnd;
    byFundingSource: { fundingSource: string; requested: Vnd | null; approved: Vnd | null }[];
  };
  provinces: DashboardProvince[];
  overdue: { planId: string; organizationName: string; kind: string; dueAt: string }[];
}

export interface HistoryEvent {
  seq: number;
  type: string;
  occurredAt: string;
  actorName: string | null;
  actingForName: string | null;
  payload: Record<string, unknown>;
  hash: string;
}

export interface Verification {
  valid: boolean;
  events: number;
  brokenAt?: number;
  reason?: string;
}

/** What the diff endpoint answers: the domain's own types (libs/domain/src/approval/diff.ts). */
export type { ContentChange, DiffValue } from '@vufo/domain/approval/diff';
import type { ContentChange } from '@vufo/domain/approval/diff';

export interface Diff {
  from: number;
  to: number | null;
  changes: ContentChange[];
}

export interface Notification {
  id: string;
  kind: string;
  severity: 'info' | 'warning' | 'overdue';
  planId: string | null;
  planTitle: string | null;
  params: Record<string, string | number>;
  createdAt: string;
  readAt: string | null;
}

export interface Delegation {
  id: string;
  fromUserId: string;
  fromDisplayName: string;
  toUserId: string;
  toDisplayName: string;
  validFrom: string;
  validTo: string;
  reason: string | null;
  revokedAt: string | null;
}

export interface Colleague {
  id: string;
  login: string;
  displayName: string;
  roles: Role[];
}
