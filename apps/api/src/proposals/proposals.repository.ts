import { Injectable } from '@nestjs/common';
import { ProposalEntity } from '@vufo/persistence';
import { cursorInstantSql } from '../common/cursor';
import { Tx } from '../common/transaction';

export type NewProposal = Pick<
  ProposalEntity,
  | 'cycleId'
  | 'planId'
  | 'organizationId'
  | 'kind'
  | 'title'
  | 'content'
  | 'requestedAmount'
  | 'fundingSource'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
>;

/** The proposals capability's SQL: the proposals table only. */
@Injectable()
export class ProposalsRepository {
  constructor(private readonly tx: Tx) {}

  private get rows() {
    return this.tx.em.getRepository(ProposalEntity);
  }

  insert(proposal: NewProposal): Promise<ProposalEntity> {
    return this.rows.save(this.rows.create(proposal));
  }

  byId(id: string): Promise<ProposalEntity | null> {
    return this.rows.findOneBy({ id });
  }

  /** The row locked until the transaction ends: edits of one proposal take turns. */
  byIdForUpdate(id: string): Promise<ProposalEntity | null> {
    return this.rows.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(proposal: ProposalEntity): Promise<ProposalEntity> {
    return this.rows.save(proposal);
  }

  /** Newest first, `limit` rows after the cursor key `after` ([created_at, id]), each with its key. */
  async page(
    filter: { organizationId?: string; cycleId?: string },
    limit: number,
    after: string[] | undefined,
  ): Promise<{ proposal: ProposalEntity; cursorAt: string }[]> {
    const qb = this.rows
      .createQueryBuilder('x')
      .addSelect(cursorInstantSql('x.created_at'), 'cursor_at')
      .orderBy('x.created_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .limit(limit);
    if (filter.organizationId) qb.andWhere('x.organization_id = :org', { org: filter.organizationId });
    if (filter.cycleId) qb.andWhere('x.cycle_id = :cycleId', { cycleId: filter.cycleId });
    if (after)
      qb.andWhere('(x.created_at, x.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const { raw, entities } = await qb.getRawAndEntities<{ cursor_at: string }>();
    return entities.map((proposal, i) => ({ proposal, cursorAt: raw[i].cursor_at }));
  }
}
