import { FUNDING_SOURCES } from '@vufo/domain';
import { LongText, OneOf, Text, Vnd } from '../common/validation';
import { UuidField } from '../common/uuid-field';

export const PROPOSAL_KINDS = ['SUPPLEMENTARY_ACTIVITY', 'BUDGET_ADJUSTMENT', 'RECOMMENDATION'] as const;

export class CreateProposalDto {
  @OneOf(PROPOSAL_KINDS, { name: 'ProposalKind' }) kind!: (typeof PROPOSAL_KINDS)[number];
  @Text(500) title!: string;
  @LongText(20_000, { optional: true }) content?: string;
  @UuidField({ optional: true }) planId?: string;
  @Vnd({ optional: true }) requestedAmount?: bigint;
  @OneOf(FUNDING_SOURCES, { optional: true, name: 'FundingSource' }) fundingSource?: string;
}

export class UpdateProposalDto {
  @Text(500, { optional: true }) title?: string;
  @LongText(20_000, { optional: true }) content?: string;
  @Vnd({ optional: true }) requestedAmount?: bigint;
  @OneOf(FUNDING_SOURCES, { optional: true, name: 'FundingSource' }) fundingSource?: string;
}
