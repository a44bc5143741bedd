import { FUNDING_SOURCES } from '@vufo/domain';
import { Code, Instant, Integer, PageOf, Str, Uuid, VndProperty } from '../common/openapi';
import { PROPOSAL_KINDS } from './proposals.dto';

/** What the proposal endpoints answer (OpenAPI response schemas). */

export class ProposalView {
  @Uuid() id!: string;
  @Uuid() cycleId!: string;
  @Uuid({ nullable: true }) planId!: string | null;
  @Uuid() organizationId!: string;
  @Code(PROPOSAL_KINDS, 'ProposalKind') kind!: string;
  @Str() title!: string;
  @Str() content!: string;
  @VndProperty({ nullable: true }) requestedAmount!: number | string | null;
  @Code(FUNDING_SOURCES, 'FundingSource', { nullable: true }) fundingSource!: string | null;
  @Code(['DRAFT', 'SUBMITTED', 'WITHDRAWN'], 'ProposalStatus') status!: string;
  @Integer() version!: number;
  @Uuid() createdBy!: string;
  @Instant() createdAt!: string;
  @Instant() updatedAt!: string;
}

export class ProposalPage extends PageOf(ProposalView) {}
