import {
  ACTIVITY_TYPES,
  BUDGET_CATEGORIES,
  DELEGATION_MEMBER_ROLES,
  FUNDING_SOURCES,
  GUEST_CLASSES,
  NormCheckLine,
  NormRule,
  TT35_2026_NORMS,
  checkNorm,
  isOneOf,
} from './norms';

const ON = '2026-07-01';
const check = (
  line: Partial<NormCheckLine> & { unitCost: bigint },
  on = ON,
  rules: readonly NormRule[] = TT35_2026_NORMS,
) => checkNorm({ category: 'ACCOMMODATION', ...line }, rules, on);

describe('enumerations', () => {
  it('lists what the API validates against', () => {
    expect(BUDGET_CATEGORIES).toHaveLength(12);
    expect(ACTIVITY_TYPES).toHaveLength(10);
    expect(FUNDING_SOURCES).toEqual(['STATE_BUDGET', 'NGO_AID', 'SOCIALIZATION', 'OTHER']);
    expect(GUEST_CLASSES).toEqual(['SPECIAL', 'A', 'B', 'C', 'OTHER']);
    expect(DELEGATION_MEMBER_ROLES).toEqual(['HEAD', 'DEPUTY', 'MEMBER']);
    expect(isOneOf(FUNDING_SOURCES, 'NGO_AID')).toBe(true);
    expect(isOneOf(FUNDING_SOURCES, 'ngo_aid')).toBe(false);
  });
});

describe('TT35_2026_NORMS', () => {
  it('holds the 24 rows of Circular 35/2026/TT-BTC, in force from 18/5/2026, with distinct ids', () => {
    expect(TT35_2026_NORMS).toHaveLength(24);
    for (const rule of TT35_2026_NORMS) {
      expect(rule.circular).toBe('35/2026/TT-BTC');
      expect(rule.validFrom).toBe('2026-05-18');
      expect(rule.validTo).toBeUndefined();
      expect(BUDGET_CATEGORIES).toContain(rule.category);
      expect(Number.isSafeInteger(rule.cap) && rule.cap > 0).toBe(true);
    }
    expect(new Set(TT35_2026_NORMS.map((r) => r.id)).size).toBe(TT35_2026_NORMS.length);
    expect(TT35_2026_NORMS.map((r) => r.cap).reduce((a, b) => a + b, 0)).toBe(69_010_000);
  });
});

describe('checkNorm', () => {
  it.each([
    // [category, guestClass, memberRole, cap, article]
    ['ACCOMMODATION', 'A', 'HEAD', 9_400_000, '7.2a'],
    ['ACCOMMODATION', 'A', 'DEPUTY', 7_700_000, '7.2b'],
    ['ACCOMMODATION', 'A', 'MEMBER', 6_000_000, '7.2c'],
    ['ACCOMMODATION', 'A', undefined, 6_000_000, '7.2c'],
    ['ACCOMMODATION', 'B', 'HEAD', 7_700_000, '7.3a'],
    ['ACCOMMODATION', 'B', 'DEPUTY', 7_700_000, '7.3a'],
    ['ACCOMMODATION', 'B', 'MEMBER', 4_800_000, '7.3b'],
    ['ACCOMMODATION', 'C', 'HEAD', 4_300_000, '7.4a'],
    ['ACCOMMODATION', 'C', 'DEPUTY', 3_000_000, '7.4b'],
    ['ACCOMMODATION', 'C', 'MEMBER', 3_000_000, '7.4b'],
    ['ACCOMMODATION', 'OTHER', 'HEAD', 1_600_000, '7.5'],
    ['MEALS', 'A', 'HEAD', 3_000_000, '8.1b'],
    ['MEALS', 'B', undefined, 2_000_000, '8.1c'],
    ['MEALS', 'C', 'MEMBER', 1_600_000, '8.1d'],
    ['MEALS', 'OTHER', 'DEPUTY', 1_200_000, '8.1đ'],
    ['COURTESY_RECEPTION', 'A', undefined, 300_000, '10.2a'],
    ['COURTESY_RECEPTION', 'B', undefined, 160_000, '10.2b'],
    ['COURTESY_RECEPTION', 'C', undefined, 120_000, '10.2c'],
    ['COURTESY_RECEPTION', 'OTHER', undefined, 120_000, '10.2c'],
    ['TRANSLATION', undefined, undefined, 360_000, '11.1b'],
    ['TRANSLATION', 'A', 'HEAD', 360_000, '11.1b'],
    ['INTERPRETING', undefined, undefined, 1_500_000, '11.2b'],
    ['GIFTS', 'A', 'HEAD', 2_600_000, '12.2b'],
    ['GIFTS', 'B', 'HEAD', 1_800_000, '12.2c'],
    ['GIFTS', 'A', 'MEMBER', 1_000_000, '12.2b-d'],
    ['GIFTS', 'C', undefined, 1_000_000, '12.2b-d'],
  ] as const)(
    '%s class %s %s: ok at the cap %d, flagged one đồng above (%s)',
    (category, guestClass, memberRole, cap, article) => {
      const line = { category, guestClass, memberRole } as const;
      expect(check({ ...line, unitCost: BigInt(cap) })).toBeNull();
      expect(check({ ...line, unitCost: BigInt(cap) + 1n })).toMatchObject({
        article,
        circular: '35/2026/TT-BTC',
        cap,
        unitCost: cap + 1,
      });
    },
  );

  it('A head accommodation: 9,400,000 is fine, 9,400,001 is over Art. 7.2a', () => {
    expect(check({ guestClass: 'A', memberRole: 'HEAD', unitCost: 9_400_000n })).toBeNull();
    expect(check({ guestClass: 'A', memberRole: 'HEAD', unitCost: 9_400_001n })).toEqual({
      article: '7.2a',
      circular: '35/2026/TT-BTC',
      cap: 9_400_000,
      unit: 'person-day',
      unitCost: 9_400_001,
      ruleId: 'tt35-2026:7.2a:ACCOMMODATION:A:HEAD',
    });
  });

  it('has no cap for SPECIAL guests', () => {
    expect(check({ guestClass: 'SPECIAL', memberRole: 'HEAD', unitCost: 999_000_000n })).toBeNull();
  });

  it('finds no norm where none applies', () => {
    expect(check({ category: 'INTERNATIONAL_AIRFARE', unitCost: 50_000_000n })).toBeNull();
    expect(check({ category: 'ACCOMMODATION', unitCost: 50_000_000n })).toBeNull(); // no guest class
    expect(
      check({ category: 'GIFTS', guestClass: 'C', memberRole: 'HEAD', unitCost: 5_000_000n }),
    ).toBeNull();
  });

  it('uses the cited article only, when it names a rule in force', () => {
    expect(check({ category: 'TRANSLATION', normArticle: '11.1a', unitCost: 300_000n })).toBeNull();
    expect(check({ category: 'TRANSLATION', normArticle: '11.1a', unitCost: 300_001n })).toMatchObject({
      article: '11.1a',
      cap: 300_000,
    });
    expect(check({ category: 'TRANSLATION', unitCost: 300_001n })).toBeNull(); // highest cap (11.1b) without a citation
    expect(check({ category: 'INTERPRETING', normArticle: '11.2a', unitCost: 750_001n })).toMatchObject({
      article: '11.2a',
    });
    expect(check({ category: 'INTERPRETING', normArticle: '99.9', unitCost: 1_500_001n })).toMatchObject({
      article: '11.2b',
    });
  });

  it('applies only rules in force on the date (validTo inclusive)', () => {
    expect(check({ guestClass: 'A', memberRole: 'HEAD', unitCost: 10_000_000n }, '2026-05-17')).toBeNull();
    expect(
      check({ guestClass: 'A', memberRole: 'HEAD', unitCost: 10_000_000n }, '2026-05-18'),
    ).not.toBeNull();
    const rules: NormRule[] = [
      {
        circular: 'old',
        article: '1',
        category: 'MEALS',
        guestClass: 'ANY',
        member: 'ANY',
        cap: 100,
        unit: 'x',
        validFrom: '2020-01-01',
        validTo: '2026-05-17',
      },
      {
        circular: 'new',
        article: '2',
        category: 'MEALS',
        guestClass: 'ANY',
        member: 'ANY',
        cap: 200,
        unit: 'x',
        validFrom: '2026-05-18',
      },
    ];
    expect(check({ category: 'MEALS', unitCost: 150n }, '2026-05-17', rules)).toMatchObject({
      circular: 'old',
    });
    expect(check({ category: 'MEALS', unitCost: 150n }, '2026-05-18', rules)).toBeNull();
  });

  it('reports a unit cost beyond 2^53 as a string', () => {
    expect(check({ guestClass: 'A', memberRole: 'HEAD', unitCost: 2n ** 60n })?.unitCost).toBe(
      (2n ** 60n).toString(),
    );
  });
});
