import { CONSOLIDATION_STATUSES, PLAN_STATUSES } from '@vufo/domain';
import { Code, Day, Instant, Integer, Nested, PageOf, Str, Uuid, VndProperty } from '../common/openapi';

/** What the consolidation endpoints answer (API.md "Consolidation"). */

export class PersonRefView {
  @Uuid() userId!: string;
  @Str() displayName!: string;
}

export class ActorRefView {
  @Uuid() userId!: string;
  @Str() displayName!: string;
  @Uuid() organizationId!: string;
  @Nested(PersonRefView, { optional: true, description: 'whom the actor acted for' })
  actingFor?: PersonRefView;
}

export class ClusterRefView {
  @Integer() number!: number;
  @Str() name!: string;
}

/** A plan in the consolidation, frozen at its approved version. */
export class ConsolidationPlanView {
  @Uuid() planId!: string;
  @Uuid() organizationId!: string;
  @Str() organizationName!: string;
  @Str({ nullable: true }) provinceCode!: string | null;
  @Nested(ClusterRefView, { nullable: true }) cluster!: ClusterRefView | null;
  @Str() title!: string;
  @Integer({ description: 'the approved version' }) version!: number;
  @Instant() approvedAt!: string;
  @Str({ nullable: true, description: 'hash of the plan stream’s PlanApproved event' }) approvalHash!:
    string | null;
  @VndProperty() requested!: number | string;
  @VndProperty() approved!: number | string;
  @Integer() activities!: number;
}

export class MissingUnionView {
  @Uuid() organizationId!: string;
  @Str() organizationName!: string;
  @Code(PLAN_STATUSES, 'PlanStatus', { nullable: true, description: 'null when the union has no plan' })
  planStatus!: string | null;
}

export class RollupRowView {
  @Str() key!: string;
  @Str() label!: string;
  @VndProperty() requested!: number | string;
  @VndProperty() approved!: number | string;
  @Integer() activities!: number;
}

export class RollupTotalView {
  @VndProperty() requested!: number | string;
  @VndProperty() approved!: number | string;
  @Integer() activities!: number;
}

export class RollupsView {
  @Nested(RollupTotalView) total!: RollupTotalView;
  @Nested(RollupRowView, { each: true }) byProvince!: RollupRowView[];
  @Nested(RollupRowView, { each: true }) byCluster!: RollupRowView[];
  @Nested(RollupRowView, { each: true }) byActivityType!: RollupRowView[];
  @Nested(RollupRowView, { each: true }) byPartnerCountry!: RollupRowView[];
  @Nested(RollupRowView, { each: true }) byFundingSource!: RollupRowView[];
}

export class ConsolidationDecisionView {
  @Str() decisionNumber!: string;
  @Day() decisionDate!: string;
  @Str() signer!: string;
  @Str({ optional: true }) comment?: string;
  @Instant() decidedAt!: string;
  @Nested(ActorRefView) decidedBy!: ActorRefView;
}

export class ConsolidationView {
  @Uuid() id!: string;
  @Uuid() cycleId!: string;
  @Integer({ description: '1 = the national plan; 2, 3, … = supplementary' }) number!: number;
  @Code(CONSOLIDATION_STATUSES, 'ConsolidationStatus') status!: string;
  @Instant() createdAt!: string;
  @Nested(ActorRefView) createdBy!: ActorRefView;
  @Str({ nullable: true }) note!: string | null;
  @Nested(ConsolidationPlanView, { each: true }) plans!: ConsolidationPlanView[];
  @Nested(MissingUnionView, { each: true }) missing!: MissingUnionView[];
  @Nested(RollupsView) rollups!: RollupsView;
  @Nested(ConsolidationDecisionView, { nullable: true }) decision!: ConsolidationDecisionView | null;
  @Str({ nullable: true }) returnReason!: string | null;
  @Instant({ nullable: true }) returnedAt!: string | null;
  @Nested(ActorRefView, { nullable: true }) returnedBy!: ActorRefView | null;
  @Instant() updatedAt!: string;
}

export class ConsolidationPage extends PageOf(ConsolidationView) {}
