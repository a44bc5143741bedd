import { chainVerdict, historyPage } from '../audit/stream-view';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ClusterRef,
  ConsolidationCommand,
  ConsolidationState,
  CyclePlanFact,
  FrozenPlan,
  PlanState,
  missingUnions,
  nextConsolidation,
  ProvinceRef,
  rolloutCommands,
  relabelRollups,
  RollupRow,
  UserActor,
  vndToJson,
} from '@vufo/domain';
import { ConsolidationEngine } from '@vufo/engine';
import { actorOf } from '../approval/actor';
import { PlanCommands } from '../approval/plan-commands';
import { ClustersService } from '../clusters/clusters.service';
import { notFound } from '../common/errors';
import { decodeCursor, page, PageQuery, pageSize } from '../common/cursor';
import { Tx } from '../common/transaction';
import { Principal } from '../identity/principal';
import type { Language } from '../common/problem-text';
import { ApproveConsolidationDto, ReturnConsolidationDto } from './consolidations.dto';
import { ConsolidationRow, ConsolidationsRepository, UnionRow } from './consolidations.repository';

const UNION_PREFIX = /^Liên hiệp các tổ chức hữu nghị\s+/i;

const money = (s: string) => vndToJson(BigInt(s));
const moneyRow = <R extends { requested: string; approved: string }>(r: R) => ({
  ...r,
  requested: money(r.requested),
  approved: money(r.approved),
});

/**
 * The consolidation ("tổng hợp"): this service reads its facts under the cycle's lock and sends its
 * commands to the ConsolidationEngine (the pure core decides in this transaction on the embedded
 * host, in the consolidation's own workflow on the Temporal host); either way its hash-chained
 * stream and row are written in the request's transaction. On approval each plan receives StartRollout through PlanCommands
 * (its own stream, whichever host runs it), and the cycle moves to IN_ROLLOUT.
 */
@Injectable()
export class ConsolidationsService {
  constructor(
    private readonly tx: Tx,
    private readonly repo: ConsolidationsRepository,
    private readonly clusters: ClustersService,
    private readonly plans: PlanCommands,
    private readonly engine: ConsolidationEngine,
  ) {}

  async create(p: Principal, cycleId: string, note: string | undefined, key?: string, lang: Language = 'vi') {
    return this.tx.run(async () => {
      if (!(await this.repo.lockCycle(cycleId))) throw notFound('cycle', cycleId);
      // Under the lock: a concurrent repeat of the same keyed request waits, then answers the first result.
      const keyed = key ? `${p.userId}:${key}` : null;
      if (keyed) {
        const first = await this.repo.createdWithKey(cycleId, keyed);
        if (first) return this.view((await this.repo.find(first))!, lang);
      }
      const [cyclePlans, consolidations, unions, clusters] = [
        await this.repo.cyclePlans(cycleId),
        await this.repo.ofCycle(cycleId),
        await this.repo.unions(),
        await this.clusters.list(cycleId),
      ];
      // A plan is held by the consolidation that is not RETURNED when there is one.
      const heldBy = new Map<string, CyclePlanFact['heldBy']>();
      for (const c of consolidations)
        for (const e of c.state.plans) {
          const held = heldBy.get(e.planId);
          if (!held || held.status === 'RETURNED')
            heldBy.set(e.planId, { consolidationId: c.id, status: c.status });
        }
      const facts: CyclePlanFact[] = cyclePlans.map((pl) => ({
        planId: pl.id,
        organizationId: pl.organizationId,
        status: pl.status,
        approvedAt: pl.state?.approvedAt ?? null,
        heldBy: heldBy.get(pl.id) ?? null,
      }));
      const next = nextConsolidation(
        facts,
        consolidations.map((c) => ({ id: c.id, number: c.number, status: c.status })),
      );
      const byId = new Map(unions.map((u) => [u.id, u]));
      const clusterOfUnion = new Map<string, ClusterRef>();
      for (const c of clusters)
        for (const m of c.memberOrganizationIds) clusterOfUnion.set(m, { number: c.number, name: c.name });
      const hashes = await this.repo.approvalHashes(next.planIds);
      const rows = new Map(cyclePlans.map((pl) => [pl.id, pl]));
      const frozen = next.planIds.map((id) =>
        this.frozen(rows.get(id)!, byId, clusterOfUnion, hashes.get(id) ?? null),
      );
      const inApproved = consolidations
        .filter((c) => c.status === 'APPROVED')
        .flatMap((c) => c.state.plans.map((e) => e.planId));
      const missing = missingUnions(
        unions.map((u) => ({ organizationId: u.id, organizationName: u.name, status: u.status })),
        facts,
        [...next.planIds, ...inApproved],
      );
      const command: ConsolidationCommand = {
        type: 'CreateConsolidation',
        actor: actorOf(p),
        consolidationId: randomUUID(),
        cycleId,
        ...(note !== undefined ? { note } : {}),
        number: next.number,
        pendingConsolidationId: next.pendingConsolidationId,
        plans: frozen,
        provinces: this.provinces(unions, byId),
        missing,
      };
      const applied = await this.engine.dispatch({
        consolidationId: command.consolidationId,
        command,
        idempotencyKey: keyed,
      });
      return this.view(this.rowOf(applied.state), lang);
    });
  }

  async list(cycleId: string, q: PageQuery = {}, lang: Language = 'vi') {
    if (!(await this.repo.cycleExists(cycleId))) throw notFound('cycle', cycleId);
    const after = Number(decodeCursor(q.cursor, ['int'])?.[0] ?? 0);
    const all = (await this.repo.ofCycle(cycleId))
      .map((c, i) => ({ c, n: i + 1 }))
      .filter((x) => x.n > after);
    const { items, nextCursor } = page(all, pageSize(q.limit, 50, 100), (x) => [x.n]);
    return { items: items.map((x) => this.view(x.c, lang)), nextCursor };
  }

  async get(id: string, lang: Language = 'vi') {
    const row = await this.repo.find(id);
    if (!row) throw notFound('consolidation', id);
    return this.view(row, lang);
  }

  /** The leadership's approval: the decision recorded, its plans sent to rollout, the cycle IN_ROLLOUT. */
  async approve(p: Principal, id: string, dto: ApproveConsolidationDto, key?: string, lang: Language = 'vi') {
    return this.decide(
      p,
      id,
      {
        type: 'ApproveConsolidation',
        actor: actorOf(p),
        decisionNumber: dto.decisionNumber,
        decisionDate: dto.decisionDate,
        signer: dto.signer,
        ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
      },
      key,
      lang,
    );
  }

  async return(p: Principal, id: string, dto: ReturnConsolidationDto, key?: string, lang: Language = 'vi') {
    return this.decide(
      p,
      id,
      { type: 'ReturnConsolidation', actor: actorOf(p), reason: dto.reason },
      key,
      lang,
    );
  }

  async history(id: string, q: PageQuery = {}) {
    if (!(await this.repo.find(id))) throw notFound('consolidation', id);
    return historyPage(await this.repo.stream(id), q);
  }

  async verify(id: string) {
    if (!(await this.repo.find(id))) throw notFound('consolidation', id);
    return chainVerdict(await this.repo.stream(id));
  }

  // -------------------------------------------------------------------------------------------

  private async decide(
    p: Principal,
    id: string,
    command: Extract<ConsolidationCommand, { type: 'ApproveConsolidation' | 'ReturnConsolidation' }>,
    key?: string,
    lang: Language = 'vi',
  ) {
    return this.tx.run(async () => {
      // The row's lock orders concurrent decisions: the first wins, the others find it decided.
      const row = await this.repo.find(id, true);
      if (!row) throw notFound('consolidation', id);
      const keyed = key ? `${p.userId}:${key}` : null;
      if (keyed && (await this.repo.keySeen(id, keyed))) return this.view(row, lang);
      // The row stays locked until the transaction ends: the lock the Temporal host's persistence
      // activity waits on to know whether this request wrote the batch its workflow decided.
      const applied = await this.engine.dispatch({ consolidationId: id, command, idempotencyKey: keyed });
      if (applied.state.status === 'APPROVED' && applied.events.length) {
        // Each plan moves on its own stream; on the embedded host in this transaction, so a plan
        // that refuses rolls the whole approval back. The key makes a redelivery harmless.
        for (const r of rolloutCommands(applied.state, command.actor as UserActor))
          await this.plans.dispatch(null, r.planId, r.command, `rollout:${id}`, command.actor);
        await this.repo.startCycleRollout(row.cycleId);
      }
      return this.view({ ...row, state: applied.state, status: applied.state.status }, lang);
    });
  }

  private rowOf(state: ConsolidationState): Omit<ConsolidationRow, 'head'> {
    return { id: state.id, cycleId: state.cycleId, number: state.number, status: state.status, state };
  }

  /** An approved plan frozen at its approved version, from the state its stream folded. */
  private frozen(
    plan: { id: string; organizationId: string; state: PlanState | null },
    unions: Map<string, UnionRow>,
    clusterOfUnion: Map<string, ClusterRef>,
    approvalHash: string | null,
  ): FrozenPlan {
    const s = plan.state!;
    const union = unions.get(plan.organizationId);
    const approved = new Map((s.approvedAmounts ?? []).map((l) => [l.budgetLineId, l.approvedAmount]));
    // The cluster of its union, or of the successor it merged into.
    let cluster: ClusterRef | null = null;
    const seen = new Set<string>();
    for (let u = union; u && !seen.has(u.id); u = u.mergedIntoId ? unions.get(u.mergedIntoId) : undefined) {
      seen.add(u.id);
      const c = clusterOfUnion.get(u.id);
      if (c) {
        cluster = c;
        break;
      }
    }
    return {
      planId: plan.id,
      organizationId: plan.organizationId,
      organizationName: union?.name ?? '',
      provinceCode: union?.provinceCode ?? null,
      cluster,
      title: s.content?.title ?? s.title,
      version: s.version,
      approvedAt: s.approvedAt ?? s.updatedAt,
      approvalHash,
      activities: (s.content?.activities ?? []).map((a) => ({
        id: a.id,
        type: a.type,
        partnerCountries: Array.isArray(a.partnerCountries) ? (a.partnerCountries as string[]) : [],
        lines: a.budgetLines.map((l) => ({
          fundingSource: l.fundingSource,
          requested: l.requestedAmount,
          approved: approved.get(l.id) ?? '0',
        })),
      })),
    };
  }

  private provinces(unions: UnionRow[], byId: Map<string, UnionRow>): ProvinceRef[] {
    const out = new Map<string, ProvinceRef>();
    for (const u of unions) {
      if (!u.provinceCode || out.has(u.provinceCode)) continue;
      const into = u.mergedIntoId ? byId.get(u.mergedIntoId) : undefined;
      out.set(u.provinceCode, {
        code: u.provinceCode,
        // The province's name, as the union is named after it ("Liên hiệp các tổ chức hữu nghị {province}").
        name: u.name.replace(UNION_PREFIX, '') || u.name,
        mergedIntoCode: into?.provinceCode && into.provinceCode !== u.provinceCode ? into.provinceCode : null,
      });
    }
    return [...out.values()];
  }

  /** API.md's body of GET /api/consolidations/:id: money as the API's JSON numbers (or strings). */
  view(row: Omit<ConsolidationRow, 'head'> & { head?: unknown }, lang: Language = 'vi') {
    const s = row.state;
    // Labels are stored in Vietnamese; English on request (Accept-Language).
    const rollups = lang === 'en' ? relabelRollups(s.rollups, 'en') : s.rollups;
    const rows = (r: RollupRow[]) => r.map(moneyRow);
    return {
      id: s.id,
      cycleId: s.cycleId,
      number: s.number,
      status: s.status,
      createdAt: s.createdAt,
      createdBy: s.createdBy,
      note: s.note,
      plans: s.plans.map(moneyRow),
      missing: s.missing,
      rollups: {
        total: moneyRow(rollups.total),
        byProvince: rows(rollups.byProvince),
        byCluster: rows(rollups.byCluster),
        byActivityType: rows(rollups.byActivityType),
        byPartnerCountry: rows(rollups.byPartnerCountry),
        byFundingSource: rows(rollups.byFundingSource),
      },
      decision: s.decision,
      returnReason: s.returnReason,
      returnedAt: s.returnedAt,
      returnedBy: s.returnedBy,
      updatedAt: s.updatedAt,
    };
  }
}
