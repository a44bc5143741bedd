import { chainVerdict, historyPage } from './stream-view';
import { Injectable } from '@nestjs/common';
import { diffContents, DomainError } from '@vufo/domain';
import { PageQuery } from '../common/cursor';
import { Tx } from '../common/transaction';
import { PlanAccess } from '../approval/plan-access';
import { PlanCommands } from '../approval/plan-commands';
import { Principal } from '../identity/principal';
import { AuditRepository } from './audit.repository';

/** A plan's audit trail: its event history and the chain's verdict, its submitted versions and their diffs. */
@Injectable()
export class AuditService {
  constructor(
    private readonly tx: Tx,
    private readonly access: PlanAccess,
    private readonly commands: PlanCommands,
    private readonly repo: AuditRepository,
  ) {}

  async history(p: Principal, planId: string, q: PageQuery = {}) {
    await this.access.visiblePlan(p, planId);
    return historyPage(await this.repo.stream(planId), q);
  }

  async verify(p: Principal, planId: string) {
    await this.access.visiblePlan(p, planId);
    return chainVerdict(await this.repo.stream(planId));
  }

  async versions(p: Principal, planId: string) {
    await this.access.visiblePlan(p, planId);
    return { items: await this.repo.versions(planId), nextCursor: null };
  }

  async diff(p: Principal, planId: string, version: number, against: number) {
    await this.access.visiblePlan(p, planId);
    const rows = await this.repo.versionsIn(planId, [version, against]);
    const to = rows.find((r) => r.version === version);
    const from = rows.find((r) => r.version === against);
    if (!to || !from)
      throw new DomainError(
        'NOT_FOUND',
        `Plan ${planId} has no submitted version ${!to ? version : against}.`,
      );
    return { from: against, to: version, changes: diffContents(from.content, to.content) };
  }

  /**
   * The working copy against the last submitted version: what a resubmission would change. The
   * union sees it while revising; reviewers see the same list after the resubmission.
   */
  async workingChanges(p: Principal, planId: string) {
    const plan = await this.access.visiblePlan(p, planId);
    const last = await this.repo.lastVersion(planId);
    if (!last) throw new DomainError('NOT_FOUND', `Plan ${planId} has not been submitted yet.`);
    // The working copy as the submission would snapshot it: the same read, in this request's transaction.
    const current = await this.commands.contentOf(this.tx.em, plan);
    return { from: last.version, to: null, changes: diffContents(last.content, current) };
  }
}
