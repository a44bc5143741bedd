import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NotificationIntent } from '@vufo/domain';
import type { StoredEvent } from '@vufo/engine';

/** Turns the machine's notification intents into one stored notification per recipient user. */
@Injectable()
export class Notifier {
  async enqueue(
    em: EntityManager,
    planId: string,
    event: StoredEvent | undefined,
    intents: NotificationIntent[],
  ): Promise<void> {
    for (const n of intents) {
      const r = n.recipient as { organizationId?: string; central?: boolean; roles: string[] };
      const orgFilter = r.central ? `o.kind = 'CENTRAL_UNION'` : `u.organization_id = $4`;
      const params: unknown[] = [
        planId,
        n.kind,
        n.severity,
        r.roles,
        JSON.stringify(n.params),
        event?.id ?? null,
      ];
      // $4 is reused for either the organization id or the roles array depending on the filter.
      const sql = r.central
        ? `INSERT INTO app.notifications (user_id, kind, severity, plan_id, params, event_id)
           SELECT u.id, $2, $3, $1, $5::jsonb, $6 FROM app.users u JOIN app.organizations o ON o.id = u.organization_id
            WHERE u.active AND ${orgFilter} AND u.roles && $4::text[]
           ON CONFLICT DO NOTHING`
        : `INSERT INTO app.notifications (user_id, kind, severity, plan_id, params, event_id)
           SELECT u.id, $2, $3, $1, $5::jsonb, $6 FROM app.users u
            WHERE u.active AND u.organization_id = $7 AND (u.roles && $4::text[] OR cardinality($4::text[]) = 0)
           ON CONFLICT DO NOTHING`;
      if (!r.central) params.push(r.organizationId);
      await em.query(sql, params);
    }
  }
}
