import { Day, Integer, Nested, Str, Uuid } from '../common/openapi';
import { OrganizationView } from '../identity/identity.views';

export class CombinedPlanView {
  @Uuid({ description: "the merged union's plan, now WITHDRAWN with the reason MERGED" })
  mergedPlanId!: string;
  @Uuid({ description: "the successor's plan that received its activities" }) intoPlanId!: string;
  @Integer() activities!: number;
  @Integer() budgetLines!: number;
}

/** What a merger did. */
export class MergeView {
  @Nested(OrganizationView) organization!: OrganizationView;
  @Nested(OrganizationView) successor!: OrganizationView;
  @Integer({ description: 'users who now belong to the successor' }) usersMoved!: number;
  @Nested(CombinedPlanView, { each: true }) plans!: CombinedPlanView[];
}

export class PredecessorView {
  @Uuid() id!: string;
  @Str() name!: string;
  @Str({ nullable: true }) provinceCode!: string | null;
  @Day({ nullable: true, description: 'the merger took effect (the predecessor’s validTo)' })
  mergedAt!: string | null;
}

export class LineageView {
  @Nested(OrganizationView) organization!: OrganizationView;
  @Nested(PredecessorView, { each: true }) predecessors!: PredecessorView[];
  @Nested(OrganizationView, {
    nullable: true,
    description: 'for a merged organisation: the one it counts under today',
  })
  successor!: OrganizationView | null;
}
