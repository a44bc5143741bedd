import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { central, openCycle, user, world, World } from '../../../test/support/factories';

/** API.md: every list takes `?limit=&cursor=` and answers `items` + `nextCursor`. */
describe('lists page by cursor: every item once, in order, forged cursors refused', () => {
  let t: TestApp;
  // Read-only for every test: three unions' plans in one cycle. Tests that change a plan or add
  // rows draft their own plan (the first union, a cycle of its own) or use a user of their own.
  let editor: AuthedClient, consolidator: AuthedClient;
  let planId: string, cycleId: string;
  let hp: World;

  /** Follows nextCursor until the end; returns every page's items in order. */
  const all = async <T>(
    c: AuthedClient,
    path: string,
    limit: number,
  ): Promise<{ items: T[]; pages: number }> => {
    const items: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await c.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    return { items, pages };
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    const cycle = await openCycle(t);
    [hp] = await Promise.all([world(t, { cycle }), world(t, { cycle }), world(t, { cycle })]);
    ({ consolidator } = await central(t));
    [editor, planId, cycleId] = [hp.province.editor, hp.plan.id, cycle.id];
  });
  afterAll(() => t.close());

  it('history: pages of 3 give the whole stream once, oldest first', async () => {
    const planId = (await world(t, { province: hp.province })).plan.id;
    for (let i = 0; i < 7; i++) {
      expect((await editor.patch(`/api/plans/${planId}`, { objectives: `Mục tiêu, bản ${i}` })).status).toBe(
        200,
      );
    }
    const whole = (await editor.get(`/api/plans/${planId}/history`)).body.items as { seq: number }[];
    expect(whole.length).toBeGreaterThan(7);
    const paged = await all<{ seq: number }>(editor, `/api/plans/${planId}/history`, 3);
    expect(paged.items.map((e) => e.seq)).toEqual(whole.map((e) => e.seq));
    expect(paged.pages).toBe(Math.ceil(whole.length / 3));
  });

  it('notifications: ties on the creation time are broken by id, so none is lost or repeated', async () => {
    const editor = await user(t, hp.province.unionId, ['PLAN_EDITOR']);
    const userId = editor.user.id;
    await t.sql(
      `INSERT INTO app.notifications (user_id, kind, severity, params, created_at)
       SELECT $1, 'SUBMISSION_REMINDER', 'info', '{}', '2026-11-20T01:00:00Z' FROM generate_series(1, 7)`,
      [userId],
    );
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.notifications WHERE user_id = $1`,
      [userId],
    );
    expect(n).toBe(7);
    const paged = await all<{ id: string }>(editor, '/api/notifications', 3);
    expect(paged.items).toHaveLength(n);
    expect(new Set(paged.items.map((x) => x.id)).size).toBe(n);
  });

  it('proposals and plans page the same way', async () => {
    const own = await world(t, { province: hp.province });
    for (let i = 0; i < 5; i++) {
      const res = await editor.post(`/api/cycles/${own.cycle.id}/proposals`, {
        kind: 'RECOMMENDATION',
        title: `Kiến nghị ${i}`,
      });
      expect(res.status).toBe(201);
    }
    const proposals = await all<{ id: string; title: string }>(
      editor,
      `/api/proposals?cycleId=${own.cycle.id}`,
      2,
    );
    expect(proposals.items.map((x) => x.title)).toEqual([4, 3, 2, 1, 0].map((i) => `Kiến nghị ${i}`));
    expect(proposals.pages).toBe(3);
    const plans = await all<{ id: string }>(consolidator, `/api/plans?cycleId=${cycleId}`, 1);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.plans WHERE cycle_id = $1`,
      [cycleId],
    );
    expect(n).toBe(3);
    expect(plans.items).toHaveLength(n);
    expect(new Set(plans.items.map((p) => p.id)).size).toBe(n);
  });

  it('a forged or damaged cursor is a 422, never a 500', async () => {
    const forged = [
      'abc',
      Buffer.from('abc|def').toString('base64url'),
      Buffer.from('["not a time","x"]').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ];
    for (const cursor of forged) {
      for (const path of [
        `/api/plans?cursor=${cursor}`,
        `/api/notifications?cursor=${cursor}`,
        `/api/proposals?cursor=${cursor}`,
      ]) {
        const res = await editor.get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 422 });
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    }
    const history = await editor.get(
      `/api/plans/${planId}/history?cursor=${Buffer.from('["-1"]').toString('base64url')}`,
    );
    expect(history.status).toBe(422);
    expect((await editor.get(`/api/plans/${planId}/history?limit=lots`)).status).toBe(422);
  });
});
