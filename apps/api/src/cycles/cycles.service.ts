import { Injectable } from '@nestjs/common';
import { DomainError, validateRoute } from '@vufo/domain';
import { CycleEntity, RouteStage } from '@vufo/persistence';
import { Tx } from '../common/transaction';
import { Principal } from '../identity/principal';
import { notFound } from '../plans/plan-access';
import { CreateCycleDto } from './cycles.dto';

export const TYPICAL_ROUTE: RouteStage[] = [
  { stage: 1, functions: ['CONTENT', 'BUDGET'] },
  { stage: 2, functions: ['FINAL'] },
];

@Injectable()
export class CyclesService {
  constructor(private readonly tx: Tx) {}

  async create(p: Principal, dto: CreateCycleDto): Promise<CycleEntity> {
    const checked = validateRoute(dto.route ?? TYPICAL_ROUTE, (i) =>
      i === undefined ? 'route' : `route.${i}`,
    );
    if (!checked.ok)
      throw new DomainError(checked.error.code, checked.error.message, checked.error.errors ?? []);
    const repo = this.tx.em.getRepository(CycleEntity);
    if (await repo.findOneBy({ year: dto.year }))
      throw new DomainError('CONFLICT', `A cycle for ${dto.year} exists.`);
    return repo.save(
      repo.create({
        year: dto.year,
        title: dto.title ?? `Kế hoạch đối ngoại nhân dân năm ${dto.year}`,
        submissionDeadline: dto.submissionDeadline,
        reviewSlaDays: dto.reviewSlaDays,
        revisionSlaDays: dto.revisionSlaDays,
        reminderWorkingDays: [...new Set(dto.reminderWorkingDays ?? [5, 1])].sort((a, b) => b - a),
        route: checked.route,
        createdBy: p.userId,
      }),
    );
  }

  async get(id: string): Promise<CycleEntity> {
    const c = await this.tx.em.getRepository(CycleEntity).findOneBy({ id });
    if (!c) throw notFound('cycle', id);
    return c;
  }

  async list(): Promise<{ items: CycleEntity[]; nextCursor: null }> {
    return {
      items: await this.tx.em.getRepository(CycleEntity).find({ order: { year: 'DESC' } }),
      nextCursor: null,
    };
  }
}
