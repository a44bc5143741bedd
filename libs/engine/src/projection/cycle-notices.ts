import type { EntityManager } from 'typeorm';
import { CycleCheckpoint, submissionNoticeRecipients } from '@vufo/domain';

/**
 * A checkpoint of a cycle's own calendar (a reminder before the submission deadline, the deadline)
 * reached: the unions that have not started a plan, and the central union, are told. Both hosts
 * call it (the embedded timer poller, the Temporal cycle workflow's activity), in a transaction.
 * Idempotent per (user, cycle, checkpoint, due time, union): a repeat adds nothing.
 */
export async function notifyUnionsWithoutPlan(
  em: EntityManager,
  cycleId: string,
  checkpoint: CycleCheckpoint,
): Promise<{ unionsNotified: number }> {
  // Unions of the cycle with no plan (a withdrawn one does not count): a draft has reminders and
  // its deadline of its own, so it is not told twice. A union whose deadline a leader moved past
  // this checkpoint is not told either: its new deadline is its own.
  const late: { id: string; name_vi: string }[] = await em.query(
    `SELECT o.id, o.name_vi FROM app.organizations o
        WHERE o.kind = 'PROVINCIAL_UNION' AND o.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM app.plans p WHERE p.cycle_id = $1 AND p.organization_id = o.id
                            AND p.status <> 'WITHDRAWN')
          AND NOT EXISTS (SELECT 1 FROM app.submission_extensions e
                           WHERE e.cycle_id = $1 AND e.organization_id = o.id AND e.new_deadline > $2)
        ORDER BY o.code`,
    [cycleId, checkpoint.dueAt],
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
}
