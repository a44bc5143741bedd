import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { submissionNoticeRecipients } from '@vufo/domain';
import type { CycleActivities, CycleCheckpoint, EventBatch, PlanActivities } from '@vufo/workflows/contract';
import type { Projector } from '../stream-writer';
import { persistPlanBatch } from './persist-batch';

export interface ActivityDeps {
  dataSource: DataSource;
  /** The read-model projector (plan row, reviews, versions, approved amounts, notifications). */
  project: Projector;
}

/**
 * The Temporal host's activities, built from injected services (the worker passes Nest's, tests
 * a test database's). Plain closures, not class methods: nothing to bind when the worker registers them.
 */
export function createActivities(deps: ActivityDeps): PlanActivities & CycleActivities {
  return {
    async persistPlanEvents(batch: EventBatch): Promise<void> {
      const { written } = await deps.dataSource.transaction((em) =>
        persistPlanBatch(em, batch, deps.project),
      );
      log().info(written ? 'plan events written' : 'plan events were already written', {
        planId: batch.planId,
        firstSeq: batch.firstSeq,
        events: batch.events.length,
      });
    },

    async cycleCheckpointReached(cycleId: string, checkpoint: CycleCheckpoint) {
      return deps.dataSource.transaction(async (em) => {
        // Unions of the cycle without a submitted plan: no plan at all, or one never submitted.
        const late: { id: string; name_vi: string }[] = await em.query(
          `SELECT o.id, o.name_vi FROM app.organizations o
            WHERE o.kind = 'PROVINCIAL_UNION' AND o.status = 'ACTIVE'
              AND NOT EXISTS (SELECT 1 FROM app.plans p WHERE p.cycle_id = $1 AND p.organization_id = o.id
                                AND p.status NOT IN ('DRAFT','WITHDRAWN'))
            ORDER BY o.code`,
          [cycleId],
        );
        if (!late.length) return { unionsNotified: 0 };
        const common = { cycleId, checkpoint: checkpoint.key, dueAt: checkpoint.dueAt };
        const reminder = checkpoint.kind === 'REMINDER';
        const rows = late.flatMap((u) =>
          submissionNoticeRecipients(reminder ? 'REMINDER' : 'OVERDUE', u.id).map((recipient) => ({
            recipient,
            kind: reminder ? 'SUBMISSION_REMINDER' : 'SUBMISSION_OVERDUE',
            severity: reminder ? 'warning' : 'overdue',
            params: reminder
              ? { ...common, planTitle: u.name_vi, days: Number(checkpoint.key.split(':')[1]) }
              : { ...common, planTitle: u.name_vi, unionId: u.id },
          })),
        );
        for (const r of rows) {
          const central = 'central' in r.recipient;
          // Idempotent per (user, cycle, checkpoint, due time, union): a retried activity adds nothing.
          // Recipients resolve to users as the Notifier resolves them (no role named: all the organisation's users).
          await em.query(
            `INSERT INTO app.notifications (user_id, kind, severity, plan_id, params)
             SELECT u.id, $1, $2, NULL, $3::jsonb FROM app.users u JOIN app.organizations o ON o.id = u.organization_id
              WHERE u.active
                AND (CASE WHEN $5::uuid IS NULL THEN o.kind = 'CENTRAL_UNION' AND u.roles && $4::text[]
                          ELSE u.organization_id = $5::uuid AND (u.roles && $4::text[] OR cardinality($4::text[]) = 0) END)
                AND NOT EXISTS (SELECT 1 FROM app.notifications n WHERE n.user_id = u.id AND n.kind = $1
                                  AND n.params @> $6::jsonb)`,
            [
              r.kind,
              r.severity,
              JSON.stringify(r.params),
              r.recipient.roles,
              central ? null : (r.recipient as { organizationId: string }).organizationId,
              JSON.stringify({ ...common, planTitle: r.params.planTitle }),
            ],
          );
        }
        return { unionsNotified: late.length };
      });
    },
  };
}

/** The activity logger inside an activity; silent outside one (direct calls in tests). */
function log() {
  try {
    return Context.current().log;
  } catch {
    const noop = () => undefined;
    return { info: noop, warn: noop, error: noop, debug: noop, trace: noop };
  }
}
