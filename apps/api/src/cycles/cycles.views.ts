import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_FUNCTIONS, CYCLE_STATUSES, PLAN_STATUSES } from '@vufo/domain';
import {
  Bool,
  Code,
  Day,
  Instant,
  Integer,
  MapOf,
  Nested,
  PageOf,
  Str,
  Uuid,
  VndProperty,
} from '../common/openapi';
import { DecisionRecordView, PlanFlagsView } from '../plans/plans.views';

/** What the cycle endpoints answer (OpenAPI response schemas). */

export class RouteStageView {
  @Integer() stage!: number;
  @Code(AGENCY_FUNCTIONS, 'AgencyFunction', { each: true }) functions!: string[];
}

/** A planning year: its deadlines, appraisal route and status. */
export class CycleView {
  @Uuid() id!: string;
  @Integer() year!: number;
  @Str() title!: string;
  @Day({ description: 'the last day plans are due (Asia/Ho_Chi_Minh)' }) submissionDeadline!: string;
  @Integer() reviewSlaDays!: number;
  @Integer() revisionSlaDays!: number;
  @ApiIntegers() reminderWorkingDays!: number[];
  @Nested(RouteStageView, { each: true }) route!: RouteStageView[];
  @Code(CYCLE_STATUSES, 'CycleStatus') status!: string;
  @Uuid() createdBy!: string;
  @Instant() createdAt!: string;
  @Integer() version!: number;
}

export class CyclePage extends PageOf(CycleView) {}

/** A provincial union in the dashboard, with its live plan (if any). */
export class DashboardProvinceView {
  @Uuid() organizationId!: string;
  @Str() code!: string;
  @Str() nameVi!: string;
  @Str() nameEn!: string;
  @Integer({ nullable: true }) cluster!: number | null;
  @Uuid({ nullable: true }) planId!: string | null;
  @Str({ nullable: true }) title!: string | null;
  @Code([...PLAN_STATUSES, 'NOT_STARTED'], 'ProvincePlanStatus', {
    description: 'the live plan’s status, NOT_STARTED when the union has none',
  })
  status!: string;
  @Integer({ nullable: true }) submittedVersion!: number | null;
  @Nested(PlanFlagsView, { nullable: true }) flags!: PlanFlagsView | null;
  @Nested(DecisionRecordView, { nullable: true }) decision!: DecisionRecordView | null;
  @Str({ nullable: true, description: 'ISO instant' }) submissionDeadline!: string | null;
  @VndProperty({ nullable: true }) requested!: number | string | null;
  @VndProperty({ nullable: true }) approved!: number | string | null;
  @VndProperty({ nullable: true }) spent!: number | string | null;
  @Integer({ nullable: true, description: 'activities done' }) done!: number | null;
  @Integer({ nullable: true }) activities!: number | null;
  @Integer({ nullable: true }) pendingReviews!: number | null;
  @Integer({ nullable: true }) overdueReviews!: number | null;
  @Instant({ nullable: true }) nextReviewDue!: string | null;
  @Bool() overdue!: boolean;
}

export class FundingSourceTotalView {
  @Str() fundingSource!: string;
  @VndProperty({ nullable: true }) requested!: number | string | null;
  @VndProperty({
    nullable: true,
    description: 'requested by submitted plans only (drafts excluded): the base of an approval rate',
  })
  submittedRequested!: number | string | null;
  @VndProperty({ nullable: true }) approved!: number | string | null;
}

export class DashboardTotalsView {
  @VndProperty() requested!: number | string;
  @VndProperty({
    description: 'requested by submitted plans only (drafts excluded): the base of an approval rate',
  })
  submittedRequested!: number | string;
  @VndProperty() approved!: number | string;
  @VndProperty() spent!: number | string;
  @Nested(FundingSourceTotalView, { each: true }) byFundingSource!: FundingSourceTotalView[];
}

/** A review or a submission past its due time. */
export class OverdueItemView {
  @Uuid() planId!: string;
  @Str() organizationName!: string;
  @Str() organizationNameEn!: string;
  @Code(['REVIEW', 'SUBMISSION'], 'OverdueKind') kind!: string;
  @Code(AGENCY_FUNCTIONS, 'AgencyFunction', { nullable: true, description: 'for a review' })
  function!: string | null;
  @Instant() dueAt!: string;
  @Str({ nullable: true, description: 'for a review: the agency' }) agencyName!: string | null;
  @Str({ nullable: true, description: 'for a review: the agency’s English name' }) agencyNameEn!:
    string | null;
}

/** The central union's view of a cycle. */
export class DashboardView {
  @Nested(CycleView) cycle!: CycleView;
  @Instant() asOf!: string;
  @MapOf({ type: 'integer' }, { description: 'provinces by their live plan’s status' })
  countsByStatus!: Record<string, number>;
  @Nested(DashboardTotalsView) totals!: DashboardTotalsView;
  @Nested(DashboardProvinceView, { each: true }) provinces!: DashboardProvinceView[];
  @Nested(OverdueItemView, { each: true }) overdue!: OverdueItemView[];
}

/** A deadline extension granted to a union. */
export class ExtensionView {
  @ApiUuids({
    description: 'the union’s draft plans it moved; empty when the union has not started its plan',
  })
  planIds!: string[];
  @Instant({ description: 'the end of the new last day' }) newDeadline!: string;
}

function ApiIntegers() {
  return ApiProperty({ type: 'array', items: { type: 'integer' } });
}

function ApiUuids(extra: { description?: string } = {}) {
  return ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, ...extra });
}
