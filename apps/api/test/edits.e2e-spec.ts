import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MIGRATIONS } from '@vufo/persistence/migrations';
import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { province, Province, world, World } from '../../../test/support/factories';

type Change = { from: unknown; to: unknown };
type HistoryItem = {
  type: string;
  payload: { change?: { kind: string; details?: { changes?: Record<string, Change> } } };
};

/**
 * Issue 12: every edit saves exactly what was sent or is refused naming the field (and changes
 * nothing), the history says what each edit changed from and to, and an activity's code names it
 * once in its plan (409 DUPLICATE_CODE).
 */
describe('content edits: exact values, old → new in the history, unique activity codes', () => {
  let t: TestApp;
  // Shared, read-only: the union whose plans the tests draft (each test a cycle of its own).
  let hp: Province;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    hp = await province(t);
  });
  afterAll(() => t.close());

  const draft = (): Promise<World> => world(t, { province: hp });

  /** Everything an edit could have touched: the plan row, its content rows, its events. */
  const snapshot = async (planId: string) => {
    const [plan] = await t.sql(`SELECT title, objectives, version FROM app.plans WHERE id = $1`, [planId]);
    const activities = await t.sql(`SELECT * FROM app.activities WHERE plan_id = $1 ORDER BY id`, [planId]);
    const lines = await t.sql(`SELECT * FROM app.budget_lines WHERE plan_id = $1 ORDER BY id`, [planId]);
    const [events] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.events WHERE stream_id = $1`,
      [planId],
    );
    return { plan, activities, lines, events: events.n };
  };

  const edits = async (c: AuthedClient, planId: string): Promise<HistoryItem['payload']['change'][]> => {
    const res = await c.get(`/api/plans/${planId}/history`);
    expect(res.status).toBe(200);
    return (res.body.items as HistoryItem[])
      .filter((e) => e.type === 'ContentEdited')
      .map((e) => e.payload.change);
  };

  describe('a value that is not what the field takes is refused, naming the field, and nothing changes', () => {
    const lineCases: [string, Record<string, unknown>, string][] = [
      ['unit cost "abc"', { unitCost: 'abc' }, 'unitCost'],
      ['unit cost empty', { unitCost: '' }, 'unitCost'],
      ['unit cost negative', { unitCost: -5 }, 'unitCost'],
      ['unit cost a fraction', { unitCost: 1500.5 }, 'unitCost'],
      ['unit cost grouped text', { unitCost: '9.400.000' }, 'unitCost'],
      ['quantity negative', { quantity: -3 }, 'quantity'],
      ['quantity zero', { quantity: 0 }, 'quantity'],
      ['quantity "abc"', { quantity: 'abc' }, 'quantity'],
      ['quantity as a string', { quantity: '3' }, 'quantity'],
      ['quantity a fraction', { quantity: 2.5 }, 'quantity'],
      ['amount "abc"', { amount: 'abc' }, 'amount'],
    ];

    it.each(lineCases)('budget line: %s', async (_name, body, field) => {
      const w = await draft();
      const line = w.plan.activities[0].budgetLines[0];
      const before = await snapshot(w.plan.id);
      const res = await w.province.editor.patch(`/api/budget-lines/${line.id}`, body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await snapshot(w.plan.id)).toEqual(before);
    });

    it('a new budget line with a negative quantity or "abc" as unit cost is refused too', async () => {
      const w = await draft();
      const activity = w.plan.activities[0];
      const before = await snapshot(w.plan.id);
      const line = {
        category: 'OTHER',
        description: 'Quà tặng',
        quantity: 2,
        unit: 'phần',
        unitCost: 500_000,
        fundingSource: 'STATE_BUDGET',
      };
      for (const [bad, field] of [
        [{ quantity: -2 }, 'quantity'],
        [{ unitCost: 'abc' }, 'unitCost'],
      ] as const) {
        const res = await w.province.editor.post(`/api/activities/${activity.id}/budget-lines`, {
          ...line,
          ...bad,
        });
        expect(res.status).toBe(422);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(await snapshot(w.plan.id)).toEqual(before);
    });

    it('a valid value is saved exactly as sent', async () => {
      const w = await draft();
      const line = w.plan.activities[0].budgetLines[0];
      const res = await w.province.editor.patch(`/api/budget-lines/${line.id}`, {
        quantity: 7,
        unitCost: '1234567',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ quantity: 7, unitCost: 1_234_567, amount: 7 * 1_234_567 });
    });

    it('an approved amount above the request is refused, naming the line, never clamped', async () => {
      const w = await draft();
      expect((await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`)).status).toBe(200);
      const inbox = await w.province.budget.get('/api/reviews?mine=true&status=PENDING');
      const review = (inbox.body.items as { id: string; planId: string; function: string }[]).find(
        (r) => r.planId === w.plan.id && r.function === 'BUDGET',
      )!;
      const lines = w.plan.activities.flatMap((a) => a.budgetLines);
      const before = await snapshot(w.plan.id);
      const res = await w.province.budget.post(`/api/reviews/${review.id}/decision`, {
        decision: 'APPROVE',
        lines: lines.map((l, i) => ({
          budgetLineId: l.id,
          approvedAmount: i === 0 ? l.amount + 1 : l.amount,
        })),
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('lines[0].approvedAmount');
      expect(await snapshot(w.plan.id)).toEqual(before);
      const [row] = await t.sql<{ status: string }>(`SELECT status FROM app.reviews WHERE id = $1`, [
        review.id,
      ]);
      expect(row.status).toBe('PENDING');
    });
  });

  describe('the history says what each edit changed, from and to', () => {
    it('a plan edit: title and objectives, old → new', async () => {
      const w = await draft();
      const res = await w.province.editor.patch(`/api/plans/${w.plan.id}`, {
        title: 'Kế hoạch đối ngoại nhân dân năm 2027 (sửa đổi)',
        objectives: w.plan.objectives as string, // sent unchanged: not listed
      });
      expect(res.status).toBe(200);
      const last = (await edits(w.province.editor, w.plan.id)).at(-1)!;
      expect(last.kind).toBe('PLAN_UPDATED');
      expect(last.details?.changes).toEqual({
        title: { from: w.plan.title, to: 'Kế hoạch đối ngoại nhân dân năm 2027 (sửa đổi)' },
      });
    });

    it('an activity edit: each changed field, lists and units included', async () => {
      const w = await draft();
      const a = w.plan.activities[0];
      const res = await w.province.editor.patch(`/api/activities/${a.id}`, {
        title: 'Đón Đoàn Hội hữu nghị Hàn - Việt tỉnh Gyeonggi',
        leadUnit: 'Ban Hợp tác quốc tế',
        coordinatingUnits: ['Sở Ngoại vụ', 'Công an thành phố'],
        partnerOrganizations: ['Hội hữu nghị Hàn - Việt tỉnh Gyeonggi'],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        leadUnit: 'Ban Hợp tác quốc tế',
        coordinatingUnits: ['Sở Ngoại vụ', 'Công an thành phố'],
        partnerOrganizations: ['Hội hữu nghị Hàn - Việt tỉnh Gyeonggi'],
      });
      const last = (await edits(w.province.editor, w.plan.id)).at(-1)!;
      expect(last.kind).toBe('ACTIVITY_CHANGED');
      expect(last.details).toMatchObject({ activityId: a.id });
      expect(last.details?.changes).toEqual({
        title: { from: 'Đón và làm việc với Đoàn Hội hữu nghị Hàn - Việt tỉnh Gyeonggi', to: res.body.title },
        leadUnit: { from: null, to: 'Ban Hợp tác quốc tế' },
        coordinatingUnits: { from: [], to: ['Sở Ngoại vụ', 'Công an thành phố'] },
        partnerOrganizations: { from: [], to: ['Hội hữu nghị Hàn - Việt tỉnh Gyeonggi'] },
      });

      // A text is cleared with null, and the history says so; an empty text is refused, not stored.
      const empty = await w.province.editor.patch(`/api/activities/${a.id}`, { leadUnit: '' });
      expect(empty.status).toBe(422);
      expect(empty.body.errors).toEqual([{ field: 'leadUnit', message: 'không được để trống' }]);
      const cleared = await w.province.editor.patch(`/api/activities/${a.id}`, { leadUnit: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.leadUnit).toBeNull();
      expect((await edits(w.province.editor, w.plan.id)).at(-1)!.details?.changes).toEqual({
        leadUnit: { from: 'Ban Hợp tác quốc tế', to: null },
      });
      // A required text takes no null.
      const noTitle = await w.province.editor.patch(`/api/activities/${a.id}`, { title: null });
      expect(noTitle.status).toBe(422);
    });

    it('a budget line edit: quantity, unit cost, the recomputed amount, guest class and role', async () => {
      const w = await draft();
      const line = w.plan.activities[0].budgetLines[0]; // 3 × 7.700.000, class B, HEAD
      const res = await w.province.editor.patch(`/api/budget-lines/${line.id}`, {
        quantity: 4,
        unitCost: 6_000_000,
        guestClass: 'A',
        memberRole: 'MEMBER',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ guestClass: 'A', memberRole: 'MEMBER', amount: 24_000_000 });
      const last = (await edits(w.province.editor, w.plan.id)).at(-1)!;
      expect(last.kind).toBe('BUDGET_LINE_CHANGED');
      expect(last.details).toMatchObject({ budgetLineId: line.id });
      expect(last.details?.changes).toEqual({
        quantity: { from: 3, to: 4 },
        unitCost: { from: '7700000', to: '6000000' },
        amount: { from: '23100000', to: '24000000' },
        guestClass: { from: 'B', to: 'A' },
        memberRole: { from: 'HEAD', to: 'MEMBER' },
      });
    });
  });

  describe('activity codes are unique within a plan', () => {
    const activity = (code?: string) => ({
      ...(code ? { code } : {}),
      title: 'Gặp mặt hữu nghị nhân dịp Quốc khánh',
      type: 'FRIENDSHIP_EXCHANGE',
    });

    it('adding an activity with a code in use is 409 DUPLICATE_CODE naming the field; nothing changes', async () => {
      const w = await draft();
      const before = await snapshot(w.plan.id);
      const res = await w.province.editor.post(`/api/plans/${w.plan.id}/activities`, activity('HĐ-02'));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DUPLICATE_CODE');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
      expect(await snapshot(w.plan.id)).toEqual(before);
      // The same code in another plan is another activity's business.
      const other = await world(t, { province: hp });
      expect(
        (await other.province.editor.post(`/api/plans/${other.plan.id}/activities`, activity('HĐ-04')))
          .status,
      ).toBe(201);
      expect(
        (await w.province.editor.post(`/api/plans/${w.plan.id}/activities`, activity('HĐ-04'))).status,
      ).toBe(201);
    });

    it('changing an activity to a code in use is 409 DUPLICATE_CODE; nothing changes', async () => {
      const w = await draft();
      const before = await snapshot(w.plan.id);
      const res = await w.province.editor.patch(`/api/activities/${w.plan.activities[2].id}`, {
        code: 'HĐ-01',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DUPLICATE_CODE');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
      expect(await snapshot(w.plan.id)).toEqual(before);
      // Its own code, sent again, is no conflict.
      expect(
        (await w.province.editor.patch(`/api/activities/${w.plan.activities[2].id}`, { code: 'HĐ-03' }))
          .status,
      ).toBe(200);
    });

    it('a generated code never collides, after a removal either', async () => {
      const w = await draft(); // HĐ-01, HĐ-02, HĐ-03
      const editor = w.province.editor;
      expect((await editor.delete(`/api/activities/${w.plan.activities[0].id}`)).status).toBe(204);
      const first = await editor.post(`/api/plans/${w.plan.id}/activities`, activity());
      expect(first.status).toBe(201);
      expect(first.body.code).toBe('HĐ-04');
      const second = await editor.post(`/api/plans/${w.plan.id}/activities`, activity());
      expect(second.body.code).toBe('HĐ-05');
    });

    it('the migration renames the duplicates a database already holds, then holds the rule', async () => {
      const w = await draft();
      const runner = { query: (sql: string) => t.sql(sql) } as unknown as QueryRunner;
      const Migration = MIGRATIONS.find((m) => m.name === 'ActivityCodeUnique1796200000000')!;
      const migration: MigrationInterface = new Migration();
      await migration.down(runner);
      try {
        await t.sql(`UPDATE app.activities SET code = 'HĐ-01' WHERE plan_id = $1`, [w.plan.id]);
      } finally {
        await migration.up(runner);
      }
      const codes = await t.sql<{ code: string }>(
        `SELECT code FROM app.activities WHERE plan_id = $1 ORDER BY position`,
        [w.plan.id],
      );
      expect(codes.map((c) => c.code)).toEqual(['HĐ-01', 'HĐ-01 (2)', 'HĐ-01 (3)']);
    });
  });
});
