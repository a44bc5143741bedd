import { AGENCY_FUNCTIONS, REVIEW_STATUSES } from '@vufo/domain';
import { Bool, Code, Instant, Integer, Nested, PageOf, Str, Uuid } from '../common/openapi';
import { ApprovedLineView } from '../plans/plans.views';

/** What the review and delegation endpoints answer (OpenAPI response schemas). */

/** A review in an agency's inbox (or in the central union's view of all of them). */
export class InboxItemView {
  @Uuid() id!: string;
  @Uuid() planId!: string;
  @Str() planTitle!: string;
  @Uuid() organizationId!: string;
  @Str() organizationName!: string;
  @Integer() stage!: number;
  @Code(AGENCY_FUNCTIONS, 'AgencyFunction') function!: string;
  @Integer() round!: number;
  @Code(REVIEW_STATUSES, 'ReviewStatus') status!: string;
  @Instant() openedAt!: string;
  @Instant() dueAt!: string;
  @Bool({ description: 'pending past its due time, or flagged overdue by the machine' }) overdue!: boolean;
  @Uuid() agencyId!: string;
}

export class InboxPage extends PageOf(InboxItemView) {}

/** The review as the decision left it. */
export class DecidedReviewView {
  @Uuid() id!: string;
  @Uuid() planId!: string;
  @Integer() round!: number;
  @Integer() stage!: number;
  @Code(AGENCY_FUNCTIONS, 'AgencyFunction') function!: string;
  @Code(REVIEW_STATUSES, 'ReviewStatus') status!: string;
  @Str({ nullable: true }) comment!: string | null;
  @Instant({ nullable: true }) decidedAt!: string | null;
  @Str({ nullable: true }) decidedByName!: string | null;
  @Str({ nullable: true }) actingForName!: string | null;
  @Nested(ApprovedLineView, { each: true, nullable: true }) lines!: ApprovedLineView[] | null;
}

class DelegationFields {
  @Uuid() id!: string;
  @Uuid() fromUserId!: string;
  @Str() fromDisplayName!: string;
  @Uuid() toUserId!: string;
  @Str() toDisplayName!: string;
  @Instant() validFrom!: string;
  @Instant() validTo!: string;
  @Str({ nullable: true }) reason!: string | null;
}

/** An appraiser's delegation to a colleague of the same agency. */
export class DelegationView extends DelegationFields {
  @Instant({ nullable: true }) revokedAt!: string | null;
}

export class DelegationPage extends PageOf(DelegationView) {}

/** A delegation just granted. */
export class NewDelegationView extends DelegationFields {
  @Uuid() agencyId!: string;
}
