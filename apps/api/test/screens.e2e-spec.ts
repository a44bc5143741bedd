import { startTestApp, TestApp } from '../../../test/support/test-app';
import { province, Province, user, world } from '../../../test/support/factories';

/** Endpoints added for the web screens: colleagues (delegation picker) and working-copy changes. */
describe('GET /api/users and GET /api/plans/:id/changes', () => {
  let t: TestApp;
  // Read-only: a union whose agencies the tests look into, and another union.
  let hp: Province, dn: Province;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    [hp, dn] = await Promise.all([province(t), province(t)]);
  });
  afterAll(() => t.close());

  it('lists the users of the caller’s own organization only', async () => {
    // A colleague with no role of her own (the one a delegation would name).
    const colleague = await user(t, hp.agencies.BUDGET!, []);
    const res = await hp.budget.get('/api/users');
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { login: string }) => u.login).sort()).toEqual(
      [hp.budget.user.login, colleague.user.login].sort(),
    );
    expect(res.body.items[0]).not.toHaveProperty('passwordHash');
    expect((await t.http().get('/api/users')).status).toBe(401);
  });

  it('compares the working copy with the last submitted version', async () => {
    const { plan } = await world(t, { province: hp });
    const [editor, submitter, planId] = [hp.editor, hp.submitter, plan.id];
    const before = await editor.get(`/api/plans/${planId}/changes`);
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('NOT_FOUND');

    expect((await submitter.post(`/api/plans/${planId}/submit`)).status).toBe(200);
    const unchanged = await editor.get(`/api/plans/${planId}/changes`);
    expect(unchanged.body).toEqual({ from: 1, to: null, changes: [] });

    // Foreign affairs asks for a revision; the union changes one line.
    const sngv = hp.content;
    const review = (
      (await sngv.get('/api/reviews?mine=true&status=PENDING')).body.items as { id: string; planId: string }[]
    ).find((r) => r.planId === planId);
    expect(review).toBeDefined();
    const asked = await sngv.post(`/api/reviews/${review!.id}/decision`, {
      decision: 'REQUEST_REVISION',
      comment: 'Giảm số người',
    });
    expect(asked.status).toBe(200);
    const line = (await editor.get(`/api/plans/${planId}`)).body.activities[0].budgetLines[0];
    expect((await editor.patch(`/api/budget-lines/${line.id}`, { quantity: 1 })).status).toBe(200);
    const changed = await editor.get(`/api/plans/${planId}/changes`);
    expect(changed.status).toBe(200);
    expect(changed.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'BUDGET_LINE_CHANGED', budgetLineId: line.id, field: 'quantity' }),
        expect.objectContaining({ kind: 'TOTAL_REQUESTED_CHANGED' }),
      ]),
    );
    expect((await dn.editor.get(`/api/plans/${planId}/changes`)).status).toBe(404);
  });
});
