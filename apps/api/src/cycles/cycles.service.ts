import { Injectable } from '@nestjs/common';
import { DomainError, PlanCommand } from '@vufo/domain';
import { CycleEntity, RouteStage } from '@vufo/persistence';
import { notFound } from '../common/errors';
import { Tx } from '../common/transaction';
import { actorOf } from '../approval/actor';
import { CalendarService } from '../approval/calendar.service';
import { PlanCommands } from '../approval/plan-commands';
import { Principal } from '../identity/principal';
import { CreateCycleDto, ExtensionDto } from './cycles.dto';
import { CyclesRepository } from './cycles.repository';
import { DashboardService } from './dashboard.service';

export const TYPICAL_ROUTE: RouteStage[] = [
  { stage: 1, functions: ['CONTENT', 'BUDGET'] },
  { stage: 2, functions: ['FINAL'] },
];

@Injectable()
export class CyclesService {
  constructor(
    private readonly tx: Tx,
    private readonly calendar: CalendarService,
    private readonly commands: PlanCommands,
    private readonly dashboards: DashboardService,
    private readonly repo: CyclesRepository,
  ) {}

  async create(p: Principal, dto: CreateCycleDto): Promise<CycleEntity> {
    const route = dto.route ?? TYPICAL_ROUTE;
    validateRoute(route);
    if (await this.repo.byYear(dto.year))
      throw new DomainError('CONFLICT', `A cycle for ${dto.year} exists.`);
    return this.repo.insert({
      year: dto.year,
      title: dto.title ?? `Kế hoạch đối ngoại nhân dân năm ${dto.year}`,
      submissionDeadline: dto.submissionDeadline,
      reviewSlaDays: dto.reviewSlaDays,
      revisionSlaDays: dto.revisionSlaDays,
      reminderWorkingDays: [...new Set(dto.reminderWorkingDays ?? [5, 1])].sort((a, b) => b - a),
      route: route.map((s) => ({ stage: s.stage, functions: [...new Set(s.functions)] })),
      createdBy: p.userId,
    });
  }

  async get(id: string): Promise<CycleEntity> {
    const c = await this.repo.get(id);
    if (!c) throw notFound('cycle', id);
    return c;
  }

  async list(): Promise<{ items: CycleEntity[]; nextCursor: null }> {
    return {
      items: await this.repo.list(),
      nextCursor: null,
    };
  }

  async dashboard(id: string) {
    return this.dashboards.dashboard(await this.get(id));
  }

  async grantExtension(p: Principal, cycleId: string, dto: ExtensionDto, key?: string) {
    return this.tx.run(async () => {
      const plans = await this.repo.lockDraftPlans(cycleId, dto.organizationId);
      if (!plans.length)
        throw new DomainError('NOT_FOUND', 'That union has no plan awaiting submission in this cycle.');
      const newDeadline = this.calendar.endOfLocalDay(dto.newDeadline).toISOString();
      for (const planId of plans) {
        await this.commands.dispatch(
          p,
          planId,
          { type: 'GrantExtension', actor: actorOf(p), newDeadline, reason: dto.reason } as PlanCommand,
          key,
        );
      }
      return { planIds: plans, newDeadline };
    });
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
