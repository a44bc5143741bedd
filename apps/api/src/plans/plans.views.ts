import {
  IMPLEMENTATION_STATUSES,
  ACTIVITY_TYPES,
  AGENCY_FUNCTIONS,
  BUDGET_CATEGORIES,
  DELEGATION_MEMBER_ROLES,
  FUNDING_SOURCES,
  GUEST_CLASSES,
  PAYERS,
  PLAN_STATUSES,
  PRIORITIES,
  REVIEW_STATUSES,
  TIMER_NAMES,
} from '@vufo/domain';
import {
  Bool,
  Code,
  Instant,
  Integer,
  MapOf,
  Nested,
  PageOf,
  Str,
  Strings,
  Uuid,
  VND_REF,
  VndProperty,
} from '../common/openapi';

/** What the plan endpoints answer (OpenAPI response schemas; PlansService builds these shapes). */

/** Deadline flags the machine raises (libs/domain PlanFlags); absent on a plan it has not yet judged. */
export class PlanFlagsView {
  @Bool({ optional: true }) submissionOverdue?: boolean;
  @Bool({ optional: true }) revisionOverdue?: boolean;
  @MapOf(
    { type: 'boolean' },
    { optional: true, description: 'rollout report period (2027-Q1) → overdue; false once it arrives' },
  )
  reportsOverdue?: Record<string, boolean>;
}

export class PlanSummaryTotalsView {
  @VndProperty() requested!: number | string;
  @VndProperty({ nullable: true, description: 'null until a budget appraisal approved amounts' })
  approved!: number | string | null;
}

/** A plan in a list. */
export class PlanSummaryView {
  @Uuid() id!: string;
  @Uuid() cycleId!: string;
  @Uuid() organizationId!: string;
  @Str() organizationName!: string;
  @Str({ description: 'the union’s English name, for an English UI' }) organizationNameEn!: string;
  @Str({ nullable: true }) provinceCode!: string | null;
  @Str() title!: string;
  @Code(PLAN_STATUSES, 'PlanStatus') status!: string;
  @Integer({ description: 'the If-Match value; changes on every edit' }) version!: number;
  @Integer({ description: 'the last submitted version; 0 before the first submission' })
  submittedVersion!: number;
  @Integer() currentRound!: number;
  @Nested(PlanFlagsView) flags!: PlanFlagsView;
  @Nested(PlanSummaryTotalsView) totals!: PlanSummaryTotalsView;
  @Instant() createdAt!: string;
  @Instant() updatedAt!: string;
}

export class PlanPage extends PageOf(PlanSummaryView) {}

/** The spending norm a line's unit cost exceeds. */
export class OverNormView {
  @Str() article!: string;
  @Str() circular!: string;
  @Integer({ description: 'the cap, VND per unit' }) cap!: number;
  @Str() unit!: string;
  @VndProperty() unitCost!: number | string;
  @Uuid({ optional: true }) ruleId?: string;
  @VndProperty({ description: 'quantity × cap: what the line comes to at its norm' }) capAmount!:
    number | string;
}

export class BudgetLineView {
  @Uuid() id!: string;
  @Uuid() activityId!: string;
  @Uuid() planId!: string;
  @Code(BUDGET_CATEGORIES, 'BudgetCategory') category!: string;
  @Str() description!: string;
  @Integer() quantity!: number;
  @Str() unit!: string;
  @VndProperty() unitCost!: number | string;
  @VndProperty({ description: 'the requested amount' }) amount!: number | string;
  @VndProperty({ description: 'the same as amount' }) requestedAmount!: number | string;
  @Code(FUNDING_SOURCES, 'FundingSource') fundingSource!: string;
  @Code(GUEST_CLASSES, 'GuestClass', { nullable: true }) guestClass!: string | null;
  @Code(DELEGATION_MEMBER_ROLES, 'DelegationMemberRole', { nullable: true }) memberRole!: string | null;
  @Str({ nullable: true }) normArticle!: string | null;
  @Str({ nullable: true, description: "the union's reason for a line above its norm" })
  normJustification!: string | null;
  @Code(PAYERS, 'Payer') payer!: string;
  @VndProperty({ nullable: true }) approvedAmount!: number | string | null;
  @Str({ nullable: true }) approvalComment!: string | null;
  @Integer() position!: number;
  @Instant() createdAt!: string;
  @Nested(OverNormView, { nullable: true }) overNorm!: OverNormView | null;
}

/** A budget line just added or changed, with the plan's new version. */
export class EditedBudgetLineView extends BudgetLineView {
  @Integer({ description: 'the plan version after the edit (the next If-Match)' }) planVersion!: number;
}

class ActivityFields {
  @Uuid() id!: string;
  @Uuid() planId!: string;
  @Str() code!: string;
  @Str() title!: string;
  @Code(ACTIVITY_TYPES, 'ActivityType') type!: string;
  @Str({ nullable: true, description: 'YYYY-MM or YYYY-Qn' }) periodStart!: string | null;
  @Str({ nullable: true, description: 'YYYY-MM or YYYY-Qn' }) periodEnd!: string | null;
  @Str({ nullable: true }) location!: string | null;
  @Strings({ description: 'ISO 3166 alpha-2 codes' }) partnerCountries!: string[];
  @Strings() partnerOrganizations!: string[];
  @Str({ nullable: true }) leadUnit!: string | null;
  @Strings() coordinatingUnits!: string[];
  @Str({ nullable: true }) expectedResults!: string | null;
  @Code(PRIORITIES, 'Priority') priority!: string;
  @Str({ nullable: true, description: 'after a province merger: the province it came from' })
  sourceProvince!: string | null;
  @Str({ nullable: true, description: 'copied by a province merger: the merged province code' })
  sourceProvinceCode!: string | null;
  @Code(IMPLEMENTATION_STATUSES, 'ImplementationStatus', { nullable: true })
  implementationStatus!: string | null;
  @VndProperty({ nullable: true }) actualSpend!: number | string | null;
  @Str({ nullable: true }) results!: string | null;
  @Integer() position!: number;
  @Instant() createdAt!: string;
}

/** An activity in a plan, with its budget lines. */
export class ActivityView extends ActivityFields {
  @Nested(BudgetLineView, { each: true }) budgetLines!: BudgetLineView[];
}

/** An activity just added or changed (its lines not included), with the plan's new version. */
export class EditedActivityView extends ActivityFields {
  @Integer({ description: 'the plan version after the edit (the next If-Match)' }) planVersion!: number;
}

export class ApprovedLineView {
  @Uuid() budgetLineId!: string;
  @Str({ description: 'integer VND, decimal string' }) approvedAmount!: string;
  @Str({ optional: true }) comment?: string;
}

/** One review of the plan (a function's appraisal in a round). */
export class PlanReviewView {
  @Uuid() id!: string;
  @Integer() round!: number;
  @Integer() stage!: number;
  @Code(AGENCY_FUNCTIONS, 'AgencyFunction') function!: string;
  @Uuid() agencyId!: string;
  @Str() agencyName!: string;
  @Str({ description: 'the agency’s English name, for an English UI' }) agencyNameEn!: string;
  @Code(REVIEW_STATUSES, 'ReviewStatus') status!: string;
  @Instant() openedAt!: string;
  @Instant() dueAt!: string;
  @Bool() overdue!: boolean;
  @Instant({ nullable: true }) decidedAt!: string | null;
  @Str({ nullable: true }) decidedByName!: string | null;
  @Str({ nullable: true, description: 'the appraiser a delegate acted for' }) actingForName!: string | null;
  @Str({ nullable: true }) comment!: string | null;
  @Nested(ApprovedLineView, { each: true, nullable: true }) lines!: ApprovedLineView[] | null;
}

/** A timer of the plan's deadlines (reminders, SLAs). */
export class DeadlineView {
  @Str() key!: string;
  @Code(TIMER_NAMES, 'TimerName') timer!: string;
  @Instant() dueAt!: string;
  @Instant({ nullable: true }) firedAt!: string | null;
}

export class DecisionRecordView {
  @Str() number!: string;
  @Str({ description: 'YYYY-MM-DD' }) date!: string;
  @Str() signer!: string;
}

export class PlanOrganizationView {
  @Uuid() id!: string;
  @Str() code!: string;
  @Str() nameVi!: string;
  @Str() nameEn!: string;
  @Str({ nullable: true }) provinceCode!: string | null;
}

export class TotalsView {
  @VndProperty() total!: number | string;
  @MapOf(VND_REF, { description: 'by funding source' }) byFundingSource!: Record<string, number | string>;
}

export class PlanTotalsView {
  @Nested(TotalsView) requested!: TotalsView;
  @Nested(TotalsView) approved!: TotalsView;
}

/** A plan with everything a screen shows of it. */
export class PlanView {
  @Uuid() id!: string;
  @Uuid() cycleId!: string;
  @Integer() cycleYear!: number;
  @Uuid() organizationId!: string;
  @Nested(PlanOrganizationView) organization!: PlanOrganizationView;
  @Str() title!: string;
  @Str() objectives!: string;
  @Code(PLAN_STATUSES, 'PlanStatus') status!: string;
  @Integer({ description: 'the If-Match value; changes on every edit' }) version!: number;
  @Integer() submittedVersion!: number;
  @Integer() currentRound!: number;
  @Nested(PlanFlagsView) flags!: PlanFlagsView;
  @Nested(DecisionRecordView, { nullable: true, description: 'the final approval’s decision' })
  decision!: DecisionRecordView | null;
  @Nested(PlanTotalsView) totals!: PlanTotalsView;
  @Nested(ActivityView, { each: true }) activities!: ActivityView[];
  @Nested(PlanReviewView, { each: true }) reviews!: PlanReviewView[];
  @Nested(DeadlineView, { each: true }) deadlines!: DeadlineView[];
  @Instant() createdAt!: string;
  @Instant() updatedAt!: string;
}
