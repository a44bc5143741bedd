import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { central, openCycle, world, World } from '../../../test/support/factories';

describe('plans, activities and budget lines', () => {
  let t: TestApp;
  // Read-only for every test: two unions' draft plans in one cycle. The tests that change a plan
  // draft their own (the same union, a cycle of their own).
  let hpWorld: World, dnWorld: World;
  let hp: AuthedClient;
  let dn: AuthedClient;
  let planId: string;
  let activityId: string;
  let lineId: string;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    const cycle = await openCycle(t);
    [hpWorld, dnWorld] = await Promise.all([world(t, { cycle }), world(t, { cycle })]);
    [hp, dn] = [hpWorld.province.editor, dnWorld.province.editor];
    planId = hpWorld.plan.id;
    activityId = hpWorld.plan.activities[0].id;
    lineId = hpWorld.plan.activities[0].budgetLines[0].id;
  });
  afterAll(() => t.close());

  /** A new draft plan of the first union, for a test that changes it. */
  const ownPlan = async () => {
    const w = await world(t, { province: hpWorld.province });
    return {
      cycleId: w.cycle.id,
      planId: w.plan.id,
      lineId: w.plan.activities[0].budgetLines[0].id,
    };
  };

  const snapshot = async (id = planId) => {
    const [[counts], events] = await Promise.all([
      t.sql<{ activities: number; lines: number; sum: string; version: number }>(
        `SELECT (SELECT count(*)::int FROM app.activities) AS activities, (SELECT count(*)::int FROM app.budget_lines) AS lines,
                (SELECT sum(amount)::text FROM app.budget_lines) AS sum, (SELECT version FROM app.plans WHERE id = $1) AS version`,
        [id],
      ),
      t.sql(`SELECT count(*)::int AS n FROM app.events`),
    ]);
    return { ...counts, events: events[0].n };
  };

  describe('isolation between unions', () => {
    it('a union lists only its own plans', async () => {
      const mine = await hp.get('/api/plans');
      const theirs = await dn.get('/api/plans');
      expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(planId);
      expect(
        mine.body.items.every((p: { organizationId: string }) => p.organizationId === hp.user.organizationId),
      ).toBe(true);
      expect(theirs.body.items.map((p: { id: string }) => p.id)).toEqual([dnWorld.plan.id]);
      const filtered = await dn.get(`/api/plans?organizationId=${hp.user.organizationId}`);
      expect(filtered.body.items).toEqual([]);
    });

    it('another union cannot read, edit or delete the plan, its activities or lines: 404, nothing changes', async () => {
      const before = await snapshot();
      const attempts = [
        dn.get(`/api/plans/${planId}`),
        dn.patch(`/api/plans/${planId}`, { title: 'hijacked' }),
        dn.post(`/api/plans/${planId}/activities`, { title: 'x', type: 'OTHER' }),
        dn.patch(`/api/activities/${activityId}`, { title: 'hijacked' }),
        dn.delete(`/api/activities/${activityId}`),
        dn.post(`/api/activities/${activityId}/budget-lines`, {
          category: 'OTHER',
          description: 'x',
          quantity: 1,
          unit: 'x',
          unitCost: 1,
          fundingSource: 'OTHER',
        }),
        dn.patch(`/api/budget-lines/${lineId}`, { unitCost: 1 }),
        dn.delete(`/api/budget-lines/${lineId}`),
        dn.get(`/api/plans/${planId}/history`),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('an agency sees no plan that was not routed to it', async () => {
      const sngv = dnWorld.province.content;
      expect((await sngv.get('/api/plans')).body.items).toEqual([]);
      expect((await sngv.get(`/api/plans/${planId}`)).status).toBe(404);
    });

    it('a submitter without PLAN_EDITOR cannot edit content (403)', async () => {
      const sub = hpWorld.province.submitter;
      const res = await sub.patch(`/api/plans/${planId}`, { title: 'x' });
      expect(res.status).toBe(403);
      expect((await hp.get(`/api/plans/${planId}`)).body.title).toBe(hpWorld.plan.title);
    });

    it('central roles see every plan', async () => {
      const { consolidator } = await central(t);
      const res = await consolidator.get('/api/plans');
      expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(
        expect.arrayContaining([hpWorld.plan.id, dnWorld.plan.id]),
      );
    });
  });

  describe('bad input is a 4xx problem and changes nothing', () => {
    const goodLine = {
      category: 'MEALS',
      description: 'Ăn',
      quantity: 2,
      unit: 'người-ngày',
      unitCost: 100000,
      fundingSource: 'STATE_BUDGET',
    };
    const cases: [string, object | string][] = [
      ['negative amount', { ...goodLine, unitCost: -1 }],
      ['fractional amount', { ...goodLine, unitCost: 1.5 }],
      // Sent as raw JSON text: a JS number literal would already have lost the precision.
      [
        'amount above 2^53 as a JSON number',
        JSON.stringify(goodLine).replace('"unitCost":100000', '"unitCost":9007199254740993'),
      ],
      ['non-numeric amount', { ...goodLine, unitCost: 'abc' }],
      ['exponent string', { ...goodLine, amount: '1e9' }],
      ['negative string amount', { ...goodLine, amount: '-5' }],
      ['unknown field', { ...goodLine, approvedAmount: 5 }],
      ['empty string', { ...goodLine, description: '' }],
      ['blank string', { ...goodLine, description: '   ' }],
      ['100 KB string', { ...goodLine, description: 'x'.repeat(100 * 1024) }],
      ['wrong type', { ...goodLine, quantity: '2' }],
      ['zero quantity', { ...goodLine, quantity: 0 }],
      ['unknown enum', { ...goodLine, fundingSource: 'BITCOIN' }],
      ['missing field', { category: 'MEALS' }],
      ['array instead of object', [goodLine]],
    ];
    it.each(cases)('%s', async (_name, body) => {
      const before = await snapshot();
      const res = await hp
        .post(`/api/activities/${activityId}/budget-lines`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Array.isArray(res.body.errors)).toBe(true);
      expect(await snapshot()).toEqual(before);
    });

    it('names each bad field', async () => {
      const res = await hp.post(`/api/activities/${activityId}/budget-lines`, {
        ...goodLine,
        unitCost: -1,
        quantity: 'x',
        extra: 1,
      });
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['unitCost', 'quantity', 'extra']));
    });

    it('malformed JSON is 400', async () => {
      const before = await snapshot();
      const res = await t
        .http()
        .post(`/api/plans/${planId}/activities`)
        .set('Authorization', `Bearer ${hp.token}`)
        .set('Content-Type', 'application/json')
        .send('{"title": "x",');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(await snapshot()).toEqual(before);
    });

    it('a body over the size limit is 413', async () => {
      const res = await hp.post(`/api/plans/${planId}/activities`, {
        title: 'x',
        type: 'OTHER',
        expectedResults: 'y'.repeat(2 * 1024 * 1024),
      });
      expect(res.status).toBe(413);
    });

    it('invalid UUIDs in the path are 422, never 500', async () => {
      for (const path of [
        '/api/plans/not-a-uuid',
        "/api/plans/1'%20OR%201=1",
        '/api/activities/123/budget-lines',
      ]) {
        const res = path.endsWith('budget-lines') ? await hp.post(path, goodLine) : await hp.get(path);
        expect(res.status).toBe(422);
      }
      const patch = await hp.patch('/api/budget-lines/zzz', { unitCost: 1 });
      expect(patch.status).toBe(422);
    });

    it('bad plan and activity edits are refused too', async () => {
      const before = await snapshot();
      for (const body of [
        { title: '' },
        { title: 5 },
        { objectives: 'x'.repeat(30_000) },
        { status: 'APPROVED' },
      ]) {
        expect((await hp.patch(`/api/plans/${planId}`, body)).status).toBe(422);
      }
      for (const body of [{ type: 'PARTY' }, { partnerCountries: ['Korea'] }, { periodStart: '2027-13' }]) {
        expect((await hp.patch(`/api/activities/${activityId}`, body)).status).toBe(422);
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('optimistic concurrency', () => {
    it('two concurrent PATCHes with the same If-Match: exactly one wins, the other is 409 STALE_VERSION', async () => {
      const { planId } = await ownPlan();
      const { version } = (await hp.get(`/api/plans/${planId}`)).body;
      const [a, b] = await Promise.all([
        hp.patch(`/api/plans/${planId}`, { title: 'Phiên bản A' }).set('If-Match', String(version)),
        hp.patch(`/api/plans/${planId}`, { title: 'Phiên bản B' }).set('If-Match', String(version)),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.code).toBe('STALE_VERSION');
      const after = (await hp.get(`/api/plans/${planId}`)).body;
      expect(after.version).toBe(version + 1);
      expect(['Phiên bản A', 'Phiên bản B']).toContain(after.title);
    });

    it('a stale If-Match on an activity or line edit is refused', async () => {
      const { planId, lineId } = await ownPlan();
      const { version } = (await hp.get(`/api/plans/${planId}`)).body;
      const res = await hp
        .patch(`/api/budget-lines/${lineId}`, { quantity: 5 })
        .set('If-Match', String(version - 1));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('STALE_VERSION');
      expect((await hp.get(`/api/plans/${planId}`)).body.version).toBe(version);
    });
  });

  describe('totals and spending norms', () => {
    it('computes requested totals by funding source and flags lines above their norm with the rule', async () => {
      const { planId, cycleId } = await ownPlan();
      const created = await hp.post(`/api/cycles/${cycleId}/plans`, { title: 'x' });
      expect(created.status).toBe(409); // one live plan per union and cycle

      const plan = (await hp.get(`/api/plans/${planId}`)).body;
      const lines = plan.activities.flatMap((a: { budgetLines: object[] }) => a.budgetLines);
      const bySource: Record<string, number> = {};
      for (const l of lines as { fundingSource: string; amount: number }[])
        bySource[l.fundingSource] = (bySource[l.fundingSource] ?? 0) + l.amount;
      expect(plan.totals.requested.byFundingSource).toEqual(bySource);
      expect(plan.totals.requested.total).toBe(Object.values(bySource).reduce((a, b) => a + b, 0));

      const act = await hp.post(`/api/plans/${planId}/activities`, {
        title: 'Đón đoàn khách hạng A',
        type: 'DELEGATION_IN',
        partnerCountries: ['JP'],
      });
      expect(act.status).toBe(201);
      const atCap = await hp.post(`/api/activities/${act.body.id}/budget-lines`, {
        category: 'ACCOMMODATION',
        description: 'Trưởng đoàn',
        quantity: 2,
        unit: 'người-ngày',
        unitCost: 9_400_000,
        fundingSource: 'STATE_BUDGET',
        guestClass: 'A',
        memberRole: 'HEAD',
      });
      expect(atCap.status).toBe(201);
      expect(atCap.body.amount).toBe(18_800_000);
      expect(atCap.body.overNorm).toBeNull();
      const over = await hp.post(`/api/activities/${act.body.id}/budget-lines`, {
        category: 'ACCOMMODATION',
        description: 'Thành viên',
        quantity: 4,
        unit: 'người-ngày',
        unitCost: 6_000_001,
        fundingSource: 'NGO_AID',
        guestClass: 'A',
        memberRole: 'MEMBER',
      });
      expect(over.body.overNorm).toMatchObject({ article: '7.2c', cap: 6_000_000 });
      expect(over.body.overNorm.circular).toMatch(/35\/2026/);

      const huge = await hp.post(`/api/activities/${act.body.id}/budget-lines`, {
        category: 'OTHER',
        description: 'Lớn',
        quantity: 1,
        unit: 'gói',
        unitCost: '9007199254740993',
        fundingSource: 'OTHER',
      });
      expect(huge.status).toBe(201);
      expect(huge.body.amount).toBe('9007199254740993');
      const after = (await hp.get(`/api/plans/${planId}`)).body;
      expect(after.totals.requested.byFundingSource.OTHER).toBe('9007199254740993');
      expect(typeof after.totals.requested.total).toBe('string');
      expect(BigInt(after.totals.requested.total)).toBe(
        BigInt(plan.totals.requested.total) + 18_800_000n + 24_000_004n + 9007199254740993n,
      );
    });

    it('recomputes the amount when quantity or unit cost changes, and audits every edit', async () => {
      const { planId, lineId } = await ownPlan();
      const before = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM app.events WHERE stream_id = $1`,
        [planId],
      );
      const res = await hp.patch(`/api/budget-lines/${lineId}`, { quantity: 10, unitCost: 1000 });
      expect(res.status).toBe(200);
      expect(res.body.amount).toBe(10_000);
      const after = await t.sql<{ n: number; type: string }>(
        `SELECT count(*)::int AS n FROM app.events WHERE stream_id = $1`,
        [planId],
      );
      expect(after[0].n).toBe(before[0].n + 1);
    });
  });
});
