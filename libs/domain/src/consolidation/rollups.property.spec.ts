import fc from 'fast-check';
import { createCommand } from '../../test/consolidation-fixtures';
import { ACTIVITY_TYPES, FUNDING_SOURCES } from '../norms';
import { applyConsolidation } from './apply';
import { entryOf, rollUp, rollupPlanOf, rollupsToJson, successorOf, type RollupPlan } from './rollups';
import { ROLLUP_DIMENSIONS, type FrozenPlan, type ProvinceRef, type Rollups } from './types';

const CODES = ['01', '02', '30', '31', '48', '79'];

/** Provinces with mergers: each may point to a later one (no loops), as 2025's 63 → 34. */
const provincesArb: fc.Arbitrary<ProvinceRef[]> = fc
  .array(fc.option(fc.nat({ max: CODES.length - 1 }), { nil: null }), {
    minLength: CODES.length,
    maxLength: CODES.length,
  })
  .map((targets) =>
    CODES.map((code, i) => {
      const t = targets[i];
      return { code, name: `Tỉnh ${code}`, mergedIntoCode: t !== null && t > i ? CODES[t] : null };
    }),
  );

const amountsArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 100n }))
  .map(([requested, pct]) => ({ requested, approved: (requested * pct) / 100n }));

const activityArb = fc.record({
  id: fc.uuid(),
  type: fc.oneof(fc.constantFrom(...ACTIVITY_TYPES), fc.constant('UNKNOWN_TYPE')),
  partnerCountries: fc.array(fc.constantFrom('LA', 'KH', 'TH', 'JP', 'KR', 'US', 'FR'), { maxLength: 4 }),
  lines: fc.array(
    fc.tuple(fc.constantFrom(...FUNDING_SOURCES), amountsArb).map(([fundingSource, a]) => ({
      fundingSource,
      requested: a.requested.toString(),
      approved: a.approved.toString(),
    })),
    { maxLength: 4 },
  ),
});

const planArb: fc.Arbitrary<FrozenPlan> = fc.record({
  planId: fc.uuid(),
  organizationId: fc.uuid(),
  organizationName: fc.constantFrom('Liên hiệp A', 'Liên hiệp B'),
  provinceCode: fc.option(fc.constantFrom(...CODES, '99'), { nil: null }),
  cluster: fc.option(
    fc.nat({ max: 5 }).map((n) => ({ number: n + 1, name: `Cụm ${n + 1}` })),
    { nil: null },
  ),
  title: fc.constant('Kế hoạch 2027'),
  version: fc.integer({ min: 1, max: 5 }),
  approvedAt: fc.constant('2026-05-20T03:00:00.000Z'),
  approvalHash: fc.option(fc.constantFrom('a'.repeat(64), 'f'.repeat(64)), { nil: null }),
  activities: fc.array(activityArb, { maxLength: 6 }),
});

const plansArb = fc.uniqueArray(planArb, { maxLength: 8, selector: (p) => p.planId });

function addsUp(r: Rollups) {
  for (const d of ROLLUP_DIMENSIONS) {
    const rows = r[d];
    expect(rows.reduce((s, x) => s + BigInt(x.requested), 0n).toString()).toBe(r.total.requested);
    expect(rows.reduce((s, x) => s + BigInt(x.approved), 0n).toString()).toBe(r.total.approved);
    expect(rows.reduce((s, x) => s + x.activities, 0)).toBe(r.total.activities);
    expect(new Set(rows.map((x) => x.key)).size).toBe(rows.length);
  }
}

describe('roll-ups (property: over random plans)', () => {
  it('every roll-up’s rows add up to the total, in requested, approved and activities', () => {
    fc.assert(
      fc.property(plansArb, provincesArb, (plans, provinces) => {
        const r = rollupsToJson(rollUp(plans.map(rollupPlanOf), provinces));
        addsUp(r);
        const entries = plans.map(entryOf);
        expect(entries.reduce((s, e) => s + BigInt(e.requested), 0n).toString()).toBe(r.total.requested);
        expect(entries.reduce((s, e) => s + BigInt(e.approved), 0n).toString()).toBe(r.total.approved);
        expect(entries.reduce((s, e) => s + e.activities, 0)).toBe(r.total.activities);
      }),
      { numRuns: 300 },
    );
  });

  it('rows by province never name a merged province: they show its last successor', () => {
    fc.assert(
      fc.property(plansArb, provincesArb, (plans, provinces) => {
        const merged = new Set(provinces.filter((p) => p.mergedIntoCode).map((p) => p.code));
        const byCode = new Map(provinces.map((p) => [p.code, p]));
        const rows = rollUp(plans.map(rollupPlanOf), provinces).byProvince;
        for (const row of rows) expect(merged.has(row.key)).toBe(false);
        for (const plan of plans.filter((p) => p.provinceCode && byCode.has(p.provinceCode))) {
          const successor = successorOf(plan.provinceCode!, byCode)!;
          expect(rows.find((x) => x.key === successor.code)?.label).toBe(successor.name);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the machine records the same figures: a consolidation of random plans adds up in its state', () => {
    fc.assert(
      fc.property(
        plansArb.filter((p) => p.length > 0),
        provincesArb,
        (plans, provinces) => {
          const d = applyConsolidation(null, createCommand({ plans, provinces }), {
            now: '2026-06-01T09:00:00Z',
          });
          if (!d.ok) throw new Error(`${d.error.code} ${JSON.stringify(d.error.errors)}`);
          addsUp(d.state.rollups);
          expect(d.state.rollups).toEqual(rollupsToJson(rollUp(plans.map(rollupPlanOf), provinces)));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('roll-ups (examples a consolidator checks by hand)', () => {
  const plan = (activities: RollupPlan['activities'], extra: Partial<RollupPlan> = {}): RollupPlan => ({
    planId: 'p',
    organizationName: 'Liên hiệp Hải Dương',
    provinceCode: '30',
    cluster: { number: 1, name: 'Cụm 1' },
    activities,
    ...extra,
  });
  const line = (fundingSource: string, requested: bigint, approved = requested) => ({
    fundingSource,
    requested,
    approved,
  });

  it('a multi-country activity counts once, whole, under "several countries"; none under NONE', () => {
    const r = rollUp(
      [
        plan([
          { type: 'DELEGATION_IN', partnerCountries: ['LA'], lines: [line('STATE_BUDGET', 100n)] },
          {
            type: 'INTERNATIONAL_CONFERENCE',
            partnerCountries: ['LA', 'KH', 'LA'],
            lines: [line('NGO_AID', 300n)],
          },
          { type: 'TRAINING', partnerCountries: [], lines: [line('STATE_BUDGET', 7n)] },
        ]),
      ],
      [],
    );
    expect(r.byPartnerCountry).toEqual([
      { key: 'LA', label: 'LA', requested: 100n, approved: 100n, activities: 1 },
      { key: 'MULTIPLE', label: 'Nhiều quốc gia', requested: 300n, approved: 300n, activities: 1 },
      { key: 'NONE', label: 'Không có quốc gia đối tác', requested: 7n, approved: 7n, activities: 1 },
    ]);
  });

  it('amounts by funding source follow each line; the activity counts under the source funding most of it', () => {
    const r = rollUp(
      [
        plan([
          {
            type: 'OTHER',
            partnerCountries: [],
            lines: [line('STATE_BUDGET', 40n), line('NGO_AID', 60n, 50n)],
          },
          // a tie goes to the first source in the list's order
          {
            type: 'OTHER',
            partnerCountries: [],
            lines: [line('SOCIALIZATION', 5n), line('STATE_BUDGET', 5n)],
          },
        ]),
      ],
      [],
    );
    expect(r.byFundingSource).toEqual([
      { key: 'STATE_BUDGET', label: 'Ngân sách nhà nước', requested: 45n, approved: 45n, activities: 1 },
      { key: 'NGO_AID', label: 'Viện trợ PCPNN', requested: 60n, approved: 50n, activities: 1 },
      { key: 'SOCIALIZATION', label: 'Xã hội hóa', requested: 5n, approved: 5n, activities: 0 },
    ]);
  });

  it('a merger chain counts under the last successor, and a loop in the data does not hang', () => {
    const provinces = [
      { code: 'A', name: 'A', mergedIntoCode: 'B' },
      { code: 'B', name: 'B', mergedIntoCode: 'C' },
      { code: 'C', name: 'Thành phố C', mergedIntoCode: null },
      { code: 'X', name: 'X', mergedIntoCode: 'Y' },
      { code: 'Y', name: 'Y', mergedIntoCode: 'X' },
    ];
    const r = rollUp(
      [plan([], { provinceCode: 'A' }), plan([], { provinceCode: 'X' }), plan([], { provinceCode: 'ZZ' })],
      provinces,
    );
    expect(r.byProvince.map((x) => [x.key, x.label])).toEqual([
      ['C', 'Thành phố C'],
      ['X', 'X'],
      ['ZZ', 'Liên hiệp Hải Dương'],
    ]);
  });

  it('clusters by number, a plan outside any cluster last; amounts beyond 2^53 stay exact', () => {
    const big = 2n ** 60n + 1n;
    const r = rollUp(
      [
        plan([{ type: 'OTHER', partnerCountries: [], lines: [line('OTHER', big)] }], {
          cluster: { number: 10, name: 'Cụm 10' },
        }),
        plan([{ type: 'OTHER', partnerCountries: [], lines: [line('OTHER', 1n)] }], { cluster: null }),
        plan([{ type: 'OTHER', partnerCountries: [], lines: [line('OTHER', 2n)] }], {
          cluster: { number: 2, name: 'Cụm 2' },
        }),
      ],
      [],
    );
    expect(r.byCluster.map((x) => x.key)).toEqual(['2', '10', 'NONE']);
    expect(r.total.requested).toBe(big + 3n);
  });
});
