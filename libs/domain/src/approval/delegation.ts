import { toEpochMs } from '../calendar';

export interface DelegationLike {
  fromUserId: string;
  toUserId: string;
  agencyId: string;
  /** Instants (Date or ISO string): active from validFrom (inclusive) until validTo (exclusive). */
  validFrom: Date | string;
  validTo: Date | string;
  revokedAt?: Date | string | null;
}

/**
 * The delegation under which `toUserId` acts in `agencyId` at `now`, or null: granted to that user
 * in that agency, now within [validFrom, validTo), not revoked at or before now. When several are
 * active, the most recently started wins (then the latest validTo, then fromUserId, for determinism).
 * The host then passes the delegate with APPRAISER among its roles and `actingFor` the delegator.
 */
export function activeDelegation<D extends DelegationLike>(
  delegations: readonly D[],
  toUserId: string,
  agencyId: string,
  now: Date | string,
): D | null {
  const t = toEpochMs(now);
  const active = delegations.filter(
    (d) =>
      d.toUserId === toUserId &&
      d.agencyId === agencyId &&
      d.fromUserId !== toUserId &&
      toEpochMs(d.validFrom) <= t &&
      t < toEpochMs(d.validTo) &&
      (d.revokedAt === undefined || d.revokedAt === null || toEpochMs(d.revokedAt) > t),
  );
  active.sort(
    (a, b) =>
      toEpochMs(b.validFrom) - toEpochMs(a.validFrom) ||
      toEpochMs(b.validTo) - toEpochMs(a.validTo) ||
      (a.fromUserId < b.fromUserId ? -1 : a.fromUserId > b.fromUserId ? 1 : 0),
  );
  return active[0] ?? null;
}
