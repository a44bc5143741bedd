import { Injectable } from '@nestjs/common';
import { DomainError, vndToJson } from '@vufo/domain';
import { CycleEntity, PlanEntity, ProposalEntity } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { requireChanges } from '../common/validation';
import { decodeCursor, page, PageQuery, pageSize } from '../common/cursor';
import { isCentral, Principal } from '../identity/principal';
import { notFound } from '../common/errors';
import { assertVersion } from '../common/if-match';
import { CreateProposalDto, UpdateProposalDto } from './proposals.dto';

/**
 * Proposals ("đề xuất"): a supplementary activity or budget adjustment to an approved plan, or a
 * recommendation to the central union. Drafted and edited by the union; visible to it and to central roles.
 */
@Injectable()
export class ProposalsService {
  constructor(private readonly tx: Tx) {}

  async create(p: Principal, cycleId: string, dto: CreateProposalDto) {
    if (p.organizationKind !== 'PROVINCIAL_UNION' || !p.roles.includes('PLAN_EDITOR')) {
      throw new DomainError('FORBIDDEN', 'Only a PLAN_EDITOR of a provincial union drafts a proposal.');
    }
    const em = this.tx.em;
    if (!(await em.getRepository(CycleEntity).existsBy({ id: cycleId }))) throw notFound('cycle', cycleId);
    if (dto.planId) {
      const plan = await em.getRepository(PlanEntity).findOneBy({ id: dto.planId });
      if (!plan || plan.organizationId !== p.organizationId || plan.cycleId !== cycleId) {
        throw new DomainError('VALIDATION_FAILED', 'planId must be your union’s plan in this cycle.', [
          { field: 'planId', message: 'not your plan in this cycle' },
        ]);
      }
    }
    if (dto.kind !== 'RECOMMENDATION' && !dto.planId) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'A supplementary activity or budget adjustment amends a plan: planId is required.',
        [{ field: 'planId', message: 'required for this kind' }],
      );
    }
    const repo = em.getRepository(ProposalEntity);
    const saved = await repo.save(
      repo.create({
        cycleId,
        planId: dto.planId ?? null,
        organizationId: p.organizationId,
        kind: dto.kind,
        title: dto.title,
        content: dto.content ?? '',
        requestedAmount: dto.requestedAmount ?? null,
        fundingSource: dto.fundingSource ?? null,
        createdBy: p.userId,
      }),
    );
    return view(saved);
  }

  async list(p: Principal, q: { cycleId?: string } & PageQuery) {
    const limit = pageSize(q.limit);
    const after = decodeCursor(q.cursor, ['instant', 'uuid']);
    const qb = this.tx.em
      .getRepository(ProposalEntity)
      .createQueryBuilder('x')
      .addSelect(`to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
      .orderBy('x.created_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .limit(limit + 1);
    if (!isCentral(p)) qb.andWhere('x.organization_id = :org', { org: p.organizationId });
    if (q.cycleId) qb.andWhere('x.cycle_id = :cycleId', { cycleId: q.cycleId });
    if (after)
      qb.andWhere('(x.created_at, x.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const { raw, entities } = await qb.getRawAndEntities<{ cursor_at: string }>();
    const rows = entities.map((e, i) => ({ e, at: raw[i].cursor_at }));
    const { items, nextCursor } = page(rows, limit, (r) => [r.at, r.e.id]);
    return { items: items.map((r) => view(r.e)), nextCursor };
  }

  async get(p: Principal, id: string) {
    return view(await this.visible(p, id));
  }

  async update(p: Principal, id: string, ifMatch: number | undefined, dto: UpdateProposalDto) {
    requireChanges(dto);
    return this.tx.run(async (em) => {
      const repo = em.getRepository(ProposalEntity);
      const x = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!x || !(await this.canSee(p, x))) throw notFound('proposal', id);
      if (x.organizationId !== p.organizationId || !p.roles.includes('PLAN_EDITOR'))
        throw new DomainError('FORBIDDEN', 'Only the union’s editors change its proposals.');
      if (x.status !== 'DRAFT')
        throw new DomainError('INVALID_TRANSITION', 'A submitted proposal cannot be edited.');
      assertVersion(x.version, ifMatch);
      Object.assign(x, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
      x.version += 1;
      return view(await repo.save(x));
    });
  }

  private async visible(p: Principal, id: string) {
    const x = await this.tx.em.getRepository(ProposalEntity).findOneBy({ id });
    if (!x || !(await this.canSee(p, x))) throw notFound('proposal', id);
    return x;
  }

  private async canSee(p: Principal, x: ProposalEntity) {
    return isCentral(p) || x.organizationId === p.organizationId;
  }
}

function view(x: ProposalEntity) {
  return { ...x, requestedAmount: x.requestedAmount === null ? null : vndToJson(x.requestedAmount) };
}
