import { Injectable } from '@nestjs/common';
import { Tx } from '../common/transaction';

export interface Cluster {
  number: number;
  name: string;
  headOrganizationId?: string;
  deputyOrganizationId?: string;
  memberOrganizationIds: string[];
}

/** The clusters capability's SQL: a cycle's clusters, their members and the audit of each change. */
@Injectable()
export class ClustersRepository {
  constructor(private readonly tx: Tx) {}

  /** The cycle's row, locked when `lock` (changes to one cycle's clusters run one after another). */
  async cycleExists(cycleId: string, lock = false): Promise<boolean> {
    const rows: unknown[] = await this.tx.em.query(
      `SELECT 1 FROM app.cycles WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [cycleId],
    );
    return rows.length > 0;
  }

  /** True once a consolidator set this cycle's clusters (then the stored ones hold, even none). */
  async wasSet(cycleId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.em.query(
      `SELECT 1 FROM app.cluster_changes WHERE cycle_id = $1 LIMIT 1`,
      [cycleId],
    );
    return rows.length > 0;
  }

  async stored(cycleId: string): Promise<Cluster[]> {
    const rows: {
      number: number;
      name: string;
      head: string | null;
      deputy: string | null;
      members: string[];
    }[] = await this.tx.em.query(
      `SELECT c.number, c.name, c.head_organization_id AS head, c.deputy_organization_id AS deputy,
              COALESCE(array_agg(m.organization_id ORDER BY o.code) FILTER (WHERE m.organization_id IS NOT NULL), '{}') AS members
         FROM app.cycle_clusters c
         LEFT JOIN app.cycle_cluster_members m ON m.cycle_id = c.cycle_id AND m.number = c.number
         LEFT JOIN app.organizations o ON o.id = m.organization_id
        WHERE c.cycle_id = $1
        GROUP BY c.cycle_id, c.number
        ORDER BY c.number`,
      [cycleId],
    );
    return rows.map((r) => ({
      number: r.number,
      name: r.name,
      ...(r.head ? { headOrganizationId: r.head } : {}),
      ...(r.deputy ? { deputyOrganizationId: r.deputy } : {}),
      memberOrganizationIds: r.members,
    }));
  }

  /** The active provincial unions by their `cluster` column: the clusters no consolidator set. */
  async byUnionColumn(): Promise<{ number: number; members: string[] }[]> {
    return this.tx.em.query(
      `SELECT cluster AS number, array_agg(id ORDER BY code) AS members
         FROM app.organizations
        WHERE kind = 'PROVINCIAL_UNION' AND status = 'ACTIVE' AND cluster IS NOT NULL
        GROUP BY cluster ORDER BY cluster`,
    );
  }

  /** Of `ids`, those that are active provincial unions. */
  async activeUnions(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.tx.em.query(
      `SELECT id FROM app.organizations
        WHERE id = ANY($1::uuid[]) AND kind = 'PROVINCIAL_UNION' AND status = 'ACTIVE'`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Replaces the cycle's clusters and records who changed them, when, from what to what. */
  async replace(cycleId: string, before: Cluster[], after: Cluster[], by: string, at: Date): Promise<void> {
    await this.tx.em.query(`DELETE FROM app.cycle_clusters WHERE cycle_id = $1`, [cycleId]);
    for (const c of after) {
      await this.tx.em.query(
        `INSERT INTO app.cycle_clusters (cycle_id, number, name, head_organization_id, deputy_organization_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [cycleId, c.number, c.name, c.headOrganizationId ?? null, c.deputyOrganizationId ?? null],
      );
      if (c.memberOrganizationIds.length) {
        await this.tx.em.query(
          `INSERT INTO app.cycle_cluster_members (cycle_id, number, organization_id)
           SELECT $1, $2, unnest($3::uuid[])`,
          [cycleId, c.number, c.memberOrganizationIds],
        );
      }
    }
    await this.tx.em.query(
      `INSERT INTO app.cluster_changes (cycle_id, changed_by, changed_at, before, after)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`,
      [cycleId, by, at, JSON.stringify(before), JSON.stringify(after)],
    );
  }
}
