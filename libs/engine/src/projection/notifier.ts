import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NotificationIntent } from '@vufo/domain';
import type { StoredEvent } from '../event-store';

/** One notification intent of one stored event, not yet addressed to users. */
export interface PendingNotice {
  planId: string;
  event: StoredEvent | undefined;
  intent: NotificationIntent;
}

/** Turns the machine's notification intents into one stored notification per recipient user. */
@Injectable()
export class Notifier {
  /** One statement for any number of intents: the timer poller fires hundreds of deadlines at once. */
  async enqueue(em: EntityManager, notices: PendingNotice[]): Promise<void> {
    if (!notices.length) return;
    const rows = notices.map(({ planId, event, intent }) => {
      const r = intent.recipient as { organizationId?: string; central?: boolean; roles: string[] };
      return {
        plan_id: planId,
        kind: intent.kind,
        severity: intent.severity,
        params: intent.params,
        event_id: event?.id ?? null,
        // When the host decided the event (its Clock), not when the row happened to be written.
        created_at: event?.occurredAt ?? null,
        central: Boolean(r.central),
        organization_id: r.central ? null : r.organizationId,
        roles: r.roles,
      };
    });
    // A central recipient is every central-union user with one of the roles; a union or agency
    // recipient is its users with one of the roles, or all of them when no role is named.
    await em.query(
      `INSERT INTO app.notifications (user_id, kind, severity, plan_id, params, event_id, created_at)
       SELECT u.id, n.kind, n.severity, n.plan_id, n.params, n.event_id, COALESCE(n.created_at, now())
         FROM jsonb_to_recordset($1::jsonb) AS n(plan_id uuid, kind text, severity text, params jsonb, event_id bigint,
              created_at timestamptz, central boolean, organization_id uuid, roles text[])
         JOIN app.users u ON u.active
         JOIN app.organizations o ON o.id = u.organization_id
        WHERE (n.central AND o.kind = 'CENTRAL_UNION' AND u.roles && n.roles)
           OR (NOT n.central AND u.organization_id = n.organization_id
               AND (u.roles && n.roles OR cardinality(n.roles) = 0))
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
