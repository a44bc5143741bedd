import { activeDelegation } from './delegation';

const base = {
  fromUserId: 'y',
  toUserId: 'x',
  agencyId: 'stc',
  validFrom: '2026-06-01T00:00:00Z',
  validTo: '2026-06-10T00:00:00Z',
};

describe('activeDelegation', () => {
  it('finds the delegation in force for that user and agency', () => {
    expect(activeDelegation([base], 'x', 'stc', '2026-06-05T00:00:00Z')).toBe(base);
    expect(activeDelegation([base], 'x', 'stc', new Date('2026-06-01T00:00:00Z'))).toBe(base); // from is inclusive
  });

  it('ignores other users, other agencies, expired, future and revoked delegations', () => {
    const now = '2026-06-05T00:00:00Z';
    expect(activeDelegation([base], 'z', 'stc', now)).toBeNull();
    expect(activeDelegation([base], 'x', 'sngv', now)).toBeNull();
    expect(activeDelegation([base], 'x', 'stc', '2026-06-10T00:00:00Z')).toBeNull(); // validTo is exclusive
    expect(activeDelegation([base], 'x', 'stc', '2026-05-31T23:59:59Z')).toBeNull();
    expect(activeDelegation([{ ...base, revokedAt: '2026-06-04T00:00:00Z' }], 'x', 'stc', now)).toBeNull();
    expect(
      activeDelegation([{ ...base, revokedAt: '2026-06-06T00:00:00Z' }], 'x', 'stc', now),
    ).not.toBeNull();
    expect(activeDelegation([{ ...base, revokedAt: null }], 'x', 'stc', now)).not.toBeNull();
    expect(activeDelegation([{ ...base, fromUserId: 'x' }], 'x', 'stc', now)).toBeNull();
  });

  it('prefers the most recently started one', () => {
    const later = { ...base, fromUserId: 'w', validFrom: '2026-06-03T00:00:00Z' };
    expect(activeDelegation([base, later], 'x', 'stc', '2026-06-05T00:00:00Z')).toBe(later);
  });
});
