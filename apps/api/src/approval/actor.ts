import type { Actor } from '@vufo/domain';
import type { Principal } from '../identity/principal';

export function actorOf(p: Principal, actingFor?: { userId: string; displayName: string }): Actor {
  return {
    kind: 'user',
    userId: p.userId,
    displayName: p.displayName,
    organizationId: p.organizationId,
    roles: actingFor && !p.roles.includes('APPRAISER') ? [...p.roles, 'APPRAISER'] : [...p.roles],
    ...(actingFor ? { actingFor } : {}),
  };
}

export const SYSTEM_ACTOR: Actor = { kind: 'system' };
