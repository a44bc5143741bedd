import { Injectable } from '@nestjs/common';
import { DomainError, vndToJson } from '@vufo/domain';
import { ProposalEntity } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { requireChanges } from '../common/validation';
import { decodeCursor, page, PageQuery, pageSize } from '../common/cursor';
import { CyclesService } from '../cycles/cycles.service';
import { isCentral, Principal } from '../identity/principal';
import { notFound } from '../common/errors';
import { assertVersion } from '../common/if-match';
import { PlanAccess } from '../approval/plan-access';
import { CreateProposalDto, UpdateProposalDto } from './proposals.dto';
import { ProposalsRepository } from './proposals.repository';

/**
 * Proposals ("đề xuất"): a supplementary activity or budget adjustment to an approved plan, or a
 * recommendation to the central union. Drafted and edited by the union; visible to it and to central roles.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: ProposalsRepository,
    private readonly cycles: CyclesService,
    private readonly plans: PlanAccess,
    private readonly clock: Clock,
  ) {}

  async create(p: Principal, cycleId: string, dto: CreateProposalDto) {
    if (p.organizationKind !== 'PROVINCIAL_UNION' || !p.roles.includes('PLAN_EDITOR')) {
      throw new DomainError('FORBIDDEN', 'Only a PLAN_EDITOR of a provincial union drafts a proposal.');
    }
    await this.cycles.get(cycleId);
    if (dto.planId && !(await this.ownPlanIn(p, cycleId, dto.planId))) {
      throw new DomainError('VALIDATION_FAILED', 'planId must be your union’s plan in this cycle.', [
        { field: 'planId', message: 'not your plan in this cycle' },
      ]);
    }
    if (dto.kind !== 'RECOMMENDATION' && !dto.planId) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'A supplementary activity or budget adjustment amends a plan: planId is required.',
        [{ field: 'planId', message: 'required for this kind' }],
      );
    }
    const now = this.clock.now();
    const saved = await this.repo.insert({
      cycleId,
      planId: dto.planId ?? null,
      organizationId: p.organizationId,
      kind: dto.kind,
      title: dto.title,
      content: dto.content ?? '',
      requestedAmount: dto.requestedAmount ?? null,
      fundingSource: dto.fundingSource ?? null,
      createdBy: p.userId,
      createdAt: now,
      updatedAt: now,
    });
    return view(saved);
  }

  async list(p: Principal, q: { cycleId?: string } & PageQuery) {
    const limit = pageSize(q.limit);
    const after = decodeCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.repo.page(
      { organizationId: isCentral(p) ? undefined : p.organizationId, cycleId: q.cycleId },
      limit + 1,
      after,
    );
    const { items, nextCursor } = page(rows, limit, (r) => [r.cursorAt, r.proposal.id]);
    return { items: items.map((r) => view(r.proposal)), nextCursor };
  }

  async get(p: Principal, id: string) {
    const x = await this.repo.byId(id);
    if (!x || !canSee(p, x)) throw notFound('proposal', id);
    return view(x);
  }

  async update(p: Principal, id: string, ifMatch: number | undefined, dto: UpdateProposalDto) {
    requireChanges(dto);
    return this.tx.run(async () => {
      const x = await this.repo.byIdForUpdate(id);
      if (!x || !canSee(p, x)) throw notFound('proposal', id);
      if (x.organizationId !== p.organizationId || !p.roles.includes('PLAN_EDITOR'))
        throw new DomainError('FORBIDDEN', 'Only the union’s editors change its proposals.');
      if (x.status !== 'DRAFT')
        throw new DomainError('INVALID_TRANSITION', 'A submitted proposal cannot be edited.');
      assertVersion(x.version, ifMatch);
      Object.assign(x, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
      x.version += 1;
      x.updatedAt = this.clock.now();
      return view(await this.repo.save(x));
    });
  }

  /** Through the plans' own visibility rule: a union sees exactly its own plans. */
  private async ownPlanIn(p: Principal, cycleId: string, planId: string): Promise<boolean> {
    try {
      const plan = await this.plans.visiblePlan(p, planId);
      return plan.organizationId === p.organizationId && plan.cycleId === cycleId;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') return false;
      throw err;
    }
  }
}

function canSee(p: Principal, x: ProposalEntity): boolean {
  return isCentral(p) || x.organizationId === p.organizationId;
}

function view(x: ProposalEntity) {
  return { ...x, requestedAmount: x.requestedAmount === null ? null : vndToJson(x.requestedAmount) };
}
