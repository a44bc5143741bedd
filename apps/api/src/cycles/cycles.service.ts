import { Inject, Injectable } from '@nestjs/common';
import {
  closeCommands,
  closeKey,
  cycleCheckpoints,
  cycleCloseRefusal,
  DomainError,
  PlanCommand,
  UserActor,
  validateRoute,
} from '@vufo/domain';
import { ApprovalEngine } from '@vufo/engine';
import { CycleEntity, RouteStage } from '@vufo/persistence';
import { Clock } from '../common/clock';
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
    private readonly clock: Clock,
    @Inject(ApprovalEngine) private readonly engine: ApprovalEngine,
  ) {}

  async create(p: Principal, dto: CreateCycleDto): Promise<CycleEntity> {
    const checked = validateRoute(dto.route ?? TYPICAL_ROUTE, (i) =>
      i === undefined ? 'route' : `route.${i}`,
    );
    if (!checked.ok)
      throw new DomainError(checked.error.code, checked.error.message, checked.error.errors ?? []);
    return this.tx.run(async () => {
      if (await this.repo.byYear(dto.year))
        throw new DomainError('CONFLICT', `A cycle for ${dto.year} exists.`);
      const cycle = await this.repo.insert({
        year: dto.year,
        title: dto.title ?? `Kế hoạch đối ngoại nhân dân năm ${dto.year}`,
        submissionDeadline: dto.submissionDeadline,
        reviewSlaDays: dto.reviewSlaDays,
        revisionSlaDays: dto.revisionSlaDays,
        reminderWorkingDays: [...new Set(dto.reminderWorkingDays ?? [5, 1])].sort((a, b) => b - a),
        route: checked.route,
        createdBy: p.userId,
      });
      // Unions that never start a plan are reminded and told of the deadline too; a checkpoint
      // already past when the cycle opens is not sent late.
      const now = this.clock.now().getTime();
      const checkpoints = cycleCheckpoints(cycle, this.calendar).filter((c) => Date.parse(c.dueAt) > now);
      await this.repo.insertCheckpoints(cycle.id, checkpoints);
      await this.engine.scheduleCycle(cycle.id, checkpoints);
      return cycle;
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

  /**
   * Moves a union's submission deadline: its draft plan's (through the machine, into its history),
   * or, for a union that has not started its plan, the deadline the plan will get when created.
   * Every grant is also a row of app.submission_extensions (who, when, why), so a plan the union
   * creates later in the cycle starts from the extended deadline.
   */
  async grantExtension(p: Principal, cycleId: string, dto: ExtensionDto, key?: string) {
    return this.tx.run(async () => {
      const cycle = await this.get(cycleId);
      if (!(await this.repo.lockProvincialUnion(dto.organizationId)))
        throw new DomainError('VALIDATION_FAILED', 'organizationId names no organization.', [
          { field: 'organizationId', message: 'not an active provincial union' },
        ]);
      const plans = await this.repo.lockDraftPlans(cycleId, dto.organizationId);
      const notStarted = !plans.length && !(await this.repo.hasLivePlan(cycleId, dto.organizationId));
      if (!plans.length && !notStarted)
        throw new DomainError('NOT_FOUND', 'That union has no plan awaiting submission in this cycle.');
      const newDeadline = this.calendar.endOfLocalDay(dto.newDeadline).toISOString();
      const latest = await this.repo.latestExtension(cycleId, dto.organizationId);
      // The same grant again (a retried request): recorded once, answered the same.
      const repeated = latest?.reason === dto.reason && latest.newDeadline.toISOString() === newDeadline;
      if (notStarted && repeated) return { planIds: [], newDeadline };
      if (notStarted) {
        // The machine's guards for a plan, applied to the union's terms: ahead of now, later than now in force.
        const current = latest?.newDeadline ?? this.calendar.endOfLocalDay(cycle.submissionDeadline);
        if (Date.parse(newDeadline) <= this.clock.now().getTime())
          throw new DomainError('DEADLINE_PASSED', 'The new deadline is already past.', [
            { field: 'newDeadline', message: 'not after now' },
          ]);
        if (Date.parse(newDeadline) <= current.getTime())
          throw new DomainError('VALIDATION_FAILED', 'An extension moves the deadline later.', [
            { field: 'newDeadline', message: 'not after the current deadline' },
          ]);
      }
      if (!repeated)
        await this.repo.insertExtension({
          cycleId,
          organizationId: dto.organizationId,
          newDeadline,
          reason: dto.reason,
          grantedBy: p.userId,
          grantedAt: this.clock.now(),
        });
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

  /**
   * Closes the cycle (API.md "Consolidation"): judged over all its plans first (cycle-closing.ts),
   * so a refused close changes nothing; then each plan in rollout is sent ClosePlan on its own
   * stream with the key `close:<cycleId>`, and the cycle becomes CLOSED. On the embedded host all of
   * it is one transaction; on Temporal a close that fails midway (503) leaves the cycle IN_ROLLOUT,
   * and its retry finds the plans already closed by their key and finishes. A second close of a
   * closed cycle is refused (409 INVALID_TRANSITION): nothing is closed twice, and GET
   * /api/cycles/:id tells a client whose answer was lost that its close went through.
   */
  async close(p: Principal, cycleId: string): Promise<CycleEntity> {
    return this.tx.run(async () => {
      const cycle = await this.repo.lockCycle(cycleId);
      if (!cycle) throw notFound('cycle', cycleId);
      const plans = await this.repo.closingFacts(cycleId);
      const refused = cycleCloseRefusal(cycle.status, plans);
      if (refused) throw new DomainError(refused.code, refused.message, refused.errors ?? []);
      for (const { planId, command } of closeCommands(plans, actorOf(p) as UserActor))
        await this.commands.dispatch(null, planId, command, closeKey(cycleId), command.actor);
      await this.repo.markClosed(cycleId);
      return this.get(cycleId);
    });
  }
}
