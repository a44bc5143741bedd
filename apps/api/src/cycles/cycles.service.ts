import { Injectable } from '@nestjs/common';
import { DomainError } from '@vufo/domain';
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
    const route = dto.route ?? TYPICAL_ROUTE;
    validateRoute(route);
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
        route: route.map((s) => ({ stage: s.stage, functions: [...new Set(s.functions)] })),
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

/** Stages numbered 1..n in order, each function reviewed in one stage only. */
export function validateRoute(route: RouteStage[]): void {
  const seen = new Set<string>();
  route.forEach((s, i) => {
    if (s.stage !== i + 1) {
      throw new DomainError('VALIDATION_FAILED', 'Route stages must be numbered 1, 2, … in order.', [
        { field: `route.${i}.stage`, message: `expected ${i + 1}` },
      ]);
    }
    for (const f of s.functions) {
      if (seen.has(f)) {
        throw new DomainError('VALIDATION_FAILED', `${f} appears in more than one stage.`, [
          { field: `route.${i}.functions`, message: `${f} repeated` },
        ]);
      }
      seen.add(f);
    }
  });
}
