import { Injectable } from '@nestjs/common';
import { DomainError, FieldError } from '@vufo/domain';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { Tx } from '../common/transaction';
import vi from '../i18n/vi.json';
import { Principal } from '../identity/principal';
import { ClusterDto } from './clusters.dto';
import { Cluster, ClustersRepository } from './clusters.repository';

/**
 * A cycle's emulation clusters (DOMAIN.md "Consolidation and rollout"): set per cycle by the
 * consolidator; until then, the active unions grouped by their `cluster` column.
 */
@Injectable()
export class ClustersService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly repo: ClustersRepository,
  ) {}

  async list(cycleId: string): Promise<Cluster[]> {
    if (!(await this.repo.cycleExists(cycleId))) throw notFound('cycle', cycleId);
    return this.current(cycleId);
  }

  private async current(cycleId: string): Promise<Cluster[]> {
    if (await this.repo.wasSet(cycleId)) return this.repo.stored(cycleId);
    return (await this.repo.byUnionColumn()).map((c) => ({
      number: c.number,
      name: vi.words.cluster.replace('{number}', String(c.number)),
      memberOrganizationIds: c.members,
    }));
  }

  /** Replaces the cycle's clusters: all or nothing, audited (cluster_changes). */
  async replace(p: Principal, cycleId: string, clusters: ClusterDto[]): Promise<Cluster[]> {
    return this.tx.run(async () => {
      if (!(await this.repo.cycleExists(cycleId, true))) throw notFound('cycle', cycleId);
      const after = await this.checked(clusters);
      const before = await this.current(cycleId);
      await this.repo.replace(cycleId, before, after, p.userId, this.clock.now());
      return this.repo.stored(cycleId);
    });
  }

  /** The rules of a cycle's clusters, each refusal naming its field: `[i].memberOrganizationIds`. */
  private async checked(clusters: ClusterDto[]): Promise<Cluster[]> {
    const errors: FieldError[] = [];
    const numbers = new Set<number>();
    const clusterOf = new Map<string, number>();
    const all = [...new Set(clusters.flatMap((c) => c.memberOrganizationIds))];
    const unions = await this.repo.activeUnions(all);
    clusters.forEach((c, i) => {
      if (numbers.has(c.number)) errors.push({ field: `[${i}].number`, message: 'used by another cluster' });
      numbers.add(c.number);
      const members = new Set<string>();
      for (const id of c.memberOrganizationIds) {
        if (!unions.has(id))
          errors.push({
            field: `[${i}].memberOrganizationIds`,
            message: `${id} is not an active provincial union`,
          });
        else if (members.has(id))
          errors.push({ field: `[${i}].memberOrganizationIds`, message: `${id} is listed twice` });
        else if (clusterOf.has(id))
          errors.push({
            field: `[${i}].memberOrganizationIds`,
            message: `${id} is already a member of cluster ${clusterOf.get(id)}`,
          });
        members.add(id);
        if (!clusterOf.has(id)) clusterOf.set(id, c.number);
      }
      for (const role of ['headOrganizationId', 'deputyOrganizationId'] as const) {
        const id = c[role];
        if (id !== undefined && !members.has(id))
          errors.push({ field: `[${i}].${role}`, message: 'not a member of the cluster' });
      }
      if (c.headOrganizationId && c.headOrganizationId === c.deputyOrganizationId)
        errors.push({ field: `[${i}].deputyOrganizationId`, message: 'the head cannot be the deputy' });
    });
    if (errors.length) {
      throw new DomainError(
        'VALIDATION_FAILED',
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      );
    }
    return clusters.map((c) => ({
      number: c.number,
      name: c.name,
      ...(c.headOrganizationId ? { headOrganizationId: c.headOrganizationId } : {}),
      ...(c.deputyOrganizationId ? { deputyOrganizationId: c.deputyOrganizationId } : {}),
      memberOrganizationIds: [...new Set(c.memberOrganizationIds)],
    }));
  }
}
