import { Injectable } from '@nestjs/common';
import { PlanContent } from '@vufo/domain';
import { readStream, StoredEvent } from '@vufo/engine';
import { Tx } from '../common/transaction';

export interface SubmittedVersion {
  version: number;
  content: PlanContent;
}

/** The audit capability's SQL: a plan's event stream and its immutable submitted versions. */
@Injectable()
export class AuditRepository {
  constructor(private readonly tx: Tx) {}

  /** The whole stream, in order (hundreds of events at most). */
  stream(planId: string): Promise<StoredEvent[]> {
    return readStream(this.tx.em, planId);
  }

  versions(planId: string): Promise<Record<string, unknown>[]> {
    return this.tx.em.query(
      `SELECT v.version, v.submitted_at AS "submittedAt", u.display_name AS "submittedBy", v.content
         FROM app.plan_versions v LEFT JOIN app.users u ON u.id = v.submitted_by WHERE plan_id = $1 ORDER BY version`,
      [planId],
    );
  }

  /** Those of the given versions that exist. */
  versionsIn(planId: string, versions: number[]): Promise<SubmittedVersion[]> {
    return this.tx.em.query(
      `SELECT version, content FROM app.plan_versions WHERE plan_id = $1 AND version = ANY($2::int[])`,
      [planId, versions],
    );
  }

  async lastVersion(planId: string): Promise<SubmittedVersion | undefined> {
    const [last]: SubmittedVersion[] = await this.tx.em.query(
      `SELECT version, content FROM app.plan_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1`,
      [planId],
    );
    return last;
  }
}
