import { Injectable } from '@nestjs/common';
import { vndToJson } from '@vufo/domain';
import { CycleEntity } from '@vufo/persistence';
import { Clock } from '../common/clock';
import { CyclesRepository } from './cycles.repository';

const j = (v: string | null) => (v === null ? null : vndToJson(BigInt(v)));

/**
 * The central union's view of a cycle: every active provincial union with its live plan's status,
 * money requested / approved / spent, and what is overdue. Aggregated in SQL, one round trip each.
 * Used by CyclesService only (the dashboard is part of the cycles capability).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: CyclesRepository,
    private readonly clock: Clock,
  ) {}

  async dashboard(cycle: CycleEntity) {
    const now = this.clock.now();
    const [provinces, bySource, overdue] = await Promise.all([
      this.repo.provinces(cycle.id, now),
      this.repo.bySource(cycle.id),
      this.repo.overdue(cycle.id, now),
    ]);
    const counts: Record<string, number> = {};
    let requested = 0n;
    let approved = 0n;
    let spent = 0n;
    const rows = provinces.map((r) => {
      counts[r.status as string] = (counts[r.status as string] ?? 0) + 1;
      requested += BigInt((r.requested as string) ?? '0');
      approved += BigInt((r.approved as string) ?? '0');
      spent += BigInt((r.spent as string) ?? '0');
      return {
        ...r,
        requested: j(r.requested as string | null),
        approved: j(r.approved as string | null),
        spent: j(r.spent as string | null),
        overdue: Boolean(
          (r.overdueReviews as number) > 0 || (r.flags as Record<string, unknown> | null)?.submissionOverdue,
        ),
      };
    });
    return {
      cycle,
      asOf: now.toISOString(),
      countsByStatus: counts,
      totals: {
        requested: vndToJson(requested),
        approved: vndToJson(approved),
        spent: vndToJson(spent),
        submittedRequested: vndToJson(
          bySource.reduce((sum, s) => sum + BigInt(s.submittedRequested ?? '0'), 0n),
        ),
        byFundingSource: bySource.map((s) => ({
          fundingSource: s.fundingSource,
          requested: j(s.requested),
          submittedRequested: j(s.submittedRequested),
          approved: j(s.approved),
        })),
      },
      provinces: rows,
      overdue,
    };
  }
}
