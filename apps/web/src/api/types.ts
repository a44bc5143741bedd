/**
 * The API's shapes under the names the screens use. Each is a type generated from the API's OpenAPI
 * document (schema.d.ts, by openapi-typescript): the server's views are the one source.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

/** Integer VND: a JSON number when it is a safe integer, else a decimal string. */
export type Vnd = Schemas['Vnd'];

export type Role = Schemas['Role'];
export type OrganizationKind = Schemas['OrganizationKind'];
export type Organization = Schemas['OrganizationView'];
export type Me = Schemas['MeView'];
export type Colleague = Schemas['ColleagueView'];

/** Every list: `items` and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PlanStatus = Schemas['PlanStatus'];
export type PlanFlags = Schemas['PlanFlagsView'];
export type PlanSummary = Schemas['PlanSummaryView'];
export type OverNorm = Schemas['OverNormView'];
export type BudgetLine = Schemas['BudgetLineView'];
export type Activity = Schemas['ActivityView'];
export type ReviewLine = Schemas['ApprovedLineView'];
export type Review = Schemas['PlanReviewView'];
export type Deadline = Schemas['DeadlineView'];
export type Totals = Schemas['TotalsView'];
export type Plan = Schemas['PlanView'];

export type InboxItem = Schemas['InboxItemView'];
export type Delegation = Schemas['DelegationView'];

export type Cycle = Schemas['CycleView'];
export type DashboardProvince = Schemas['DashboardProvinceView'];
export type Dashboard = Schemas['DashboardView'];

export type HistoryEvent = Schemas['HistoryEventView'];
export type Verification = Schemas['VerificationView'];
export type Diff = Schemas['DiffView'];
export type ContentChange = Diff['changes'][number];
export type DiffValue = Schemas['DiffValue'];

export type Notification = Schemas['NotificationView'];

export type Cluster = Schemas['ClusterView'];
export type Lineage = Schemas['LineageView'];
export type MergeResult = Schemas['MergeView'];

export type ConsolidationStatus = Schemas['ConsolidationStatus'];
export type Consolidation = Schemas['ConsolidationView'];
export type ConsolidationPlan = Schemas['ConsolidationPlanView'];
export type MissingUnion = Schemas['MissingUnionView'];
export type RollupRow = Schemas['RollupRowView'];
export type Rollups = Schemas['RollupsView'];
export type ApproveConsolidationRequest = Schemas['ApproveConsolidationDto'];
