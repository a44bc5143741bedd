import { Injectable } from '@nestjs/common';
import type { ConsolidationState, ConsolidationStatus, PlanState, PlanStatus } from '@vufo/domain';
import { readStream, StoredEvent, StreamHead } from '@vufo/engine';
import { Tx } from '../common/transaction';

/** A consolidation's row: its folded state and the head of its stream. */
export interface ConsolidationRow {
  id: string;
  cycleId: string;
  number: number;
  status: ConsolidationStatus;
  state: ConsolidationState;
  head: StreamHead;
}

/** A plan of the cycle as the consolidation reads it under the cycle's lock. */
export interface CyclePlanRow {
  id: string;
  organizationId: string;
  status: PlanStatus;
  /** Only for APPROVED plans (the others' states are not needed and can be large). */
  state: PlanState | null;
}

/** A provincial union with what the roll-ups and the missing list need. */
export interface UnionRow {
  id: string;
  name: string;
  provinceCode: string | null;
  status: 'ACTIVE' | 'MERGED';
  mergedIntoId: string | null;
  cluster: number | null;
}

function rowOf(r: Record<string, unknown>): ConsolidationRow {
  return {
    id: r.id as string,
    cycleId: r.cycle_id as string,
    number: r.number as number,
    status: r.status as ConsolidationStatus,
    state: r.state as ConsolidationState,
    head: { seq: r.stream_seq as number, hash: (r.stream_hash as string) ?? null },
  };
}

const COLUMNS = `id, cycle_id, number, status, state, stream_seq, stream_hash`;

/** The consolidations capability's SQL: consolidation rows and streams, and the facts they freeze. */
@Injectable()
export class ConsolidationsRepository {
  constructor(private readonly tx: Tx) {}

  /** The cycle's row, locked: one consolidation of a cycle is built at a time. */
  async lockCycle(cycleId: string): Promise<{ id: string; status: string } | undefined> {
    const [row]: { id: string; status: string }[] = await this.tx.em.query(
      `SELECT id, status FROM app.cycles WHERE id = $1 FOR UPDATE`,
      [cycleId],
    );
    return row;
  }

  async cycleExists(cycleId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.em.query(`SELECT 1 FROM app.cycles WHERE id = $1`, [cycleId]);
    return rows.length > 0;
  }

  async cyclePlans(cycleId: string): Promise<CyclePlanRow[]> {
    const rows: { id: string; organization_id: string; status: PlanStatus; state: PlanState | null }[] =
      await this.tx.em.query(
        `SELECT id, organization_id, status, CASE WHEN status = 'APPROVED' THEN machine_state END AS state
           FROM app.plans WHERE cycle_id = $1 ORDER BY created_at, id`,
        [cycleId],
      );
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      status: r.status,
      state: r.state,
    }));
  }

  /** The hash of each plan's latest PlanApproved event (pins the approved version through its chain). */
  async approvalHashes(planIds: string[]): Promise<Map<string, string>> {
    if (!planIds.length) return new Map();
    const rows: { stream_id: string; hash: string }[] = await this.tx.em.query(
      `SELECT DISTINCT ON (stream_id) stream_id, hash FROM app.events
        WHERE stream_id = ANY($1::uuid[]) AND type = 'PlanApproved'
        ORDER BY stream_id, seq DESC`,
      [planIds],
    );
    return new Map(rows.map((r) => [r.stream_id, r.hash]));
  }

  /** Every provincial union, merged ones included (their plans count under their successors). */
  async unions(): Promise<UnionRow[]> {
    const rows: {
      id: string;
      name_vi: string;
      province_code: string | null;
      status: 'ACTIVE' | 'MERGED';
      merged_into_id: string | null;
      cluster: number | null;
    }[] = await this.tx.em.query(
      `SELECT id, name_vi, province_code, status, merged_into_id, cluster
         FROM app.organizations WHERE kind = 'PROVINCIAL_UNION' ORDER BY code`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name_vi,
      provinceCode: r.province_code,
      status: r.status,
      mergedIntoId: r.merged_into_id,
      cluster: r.cluster,
    }));
  }

  async ofCycle(cycleId: string): Promise<ConsolidationRow[]> {
    const rows: Record<string, unknown>[] = await this.tx.em.query(
      `SELECT ${COLUMNS} FROM app.consolidations WHERE cycle_id = $1 ORDER BY number, created_at`,
      [cycleId],
    );
    return rows.map(rowOf);
  }

  async find(id: string, lock = false): Promise<ConsolidationRow | undefined> {
    const [row]: Record<string, unknown>[] = await this.tx.em.query(
      `SELECT ${COLUMNS} FROM app.consolidations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ? rowOf(row) : undefined;
  }

  /** The consolidation of this cycle a keyed command of this user created, if it ran before. */
  async createdWithKey(cycleId: string, key: string): Promise<string | undefined> {
    // Through the cycle's consolidations and their first event: the (stream_id, seq) index.
    const [row]: { id: string }[] = await this.tx.em.query(
      `SELECT c.id FROM app.consolidations c
         JOIN app.events e ON e.stream_id = c.id AND e.seq = 1
        WHERE c.cycle_id = $1 AND e.idempotency_key = $2 LIMIT 1`,
      [cycleId, key],
    );
    return row?.id;
  }

  /** True when this stream already holds an event written with this key. */
  async keySeen(id: string, key: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.em.query(
      `SELECT 1 FROM app.events WHERE stream_id = $1 AND idempotency_key = $2 LIMIT 1`,
      [id, key],
    );
    return rows.length > 0;
  }

  /** The cycle's status follows its first approved consolidation: OPEN → IN_ROLLOUT. */
  async startCycleRollout(cycleId: string): Promise<void> {
    await this.tx.em.query(
      `UPDATE app.cycles SET status = 'IN_ROLLOUT', version = version + 1
        WHERE id = $1 AND status NOT IN ('IN_ROLLOUT','CLOSED')`,
      [cycleId],
    );
  }

  stream(id: string): Promise<StoredEvent[]> {
    return readStream(this.tx.em, id);
  }
}
