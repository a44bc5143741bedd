import { APPROVAL_HOSTS, startTestHost, TestHost } from '../../../test/support/hosts';
import { central, openCycle, province, world } from '../../../test/support/factories';

/**
 * Issue 14: a merger on each host. The embedded host runs it in one transaction; on Temporal each
 * plan command is a workflow update, keyed by the merger, so a retried request completes it once.
 */
describe.each(APPROVAL_HOSTS)('a province merger on the %s host', (host) => {
  let t: TestHost;

  beforeAll(async () => {
    t = await startTestHost(host, { seedDemo: false });
  });
  afterAll(() => t.close());

  it('combines the draft, withdraws it as MERGED with a verifiable history; a retry changes nothing', async () => {
    const c = await central(t);
    const cycle = await openCycle(t);
    const merged = await world(t, { cycle });
    const into = await world(t, { cycle, province: await province(t) });
    const send = () =>
      c.admin
        .post(`/api/organizations/${merged.province.unionId}/merge`)
        .set('Idempotency-Key', `merge-${host}`)
        .send({ intoOrganizationId: into.province.unionId, effectiveDate: '2025-07-01' });
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body.plans).toEqual([
      { mergedPlanId: merged.plan.id, intoPlanId: into.plan.id, activities: 3, budgetLines: 7 },
    ]);

    const old = await c.consolidator.get(`/api/plans/${merged.plan.id}`);
    expect(old.body.status).toBe('WITHDRAWN');
    const history = (await c.consolidator.get(`/api/plans/${merged.plan.id}/history`)).body.items as {
      type: string;
      payload: { reason?: string };
    }[];
    expect(history[history.length - 1]).toMatchObject({
      type: 'PlanWithdrawn',
      payload: { reason: 'MERGED' },
    });
    expect((await c.consolidator.get(`/api/plans/${merged.plan.id}/history/verify`)).body).toMatchObject({
      valid: true,
    });
    const plan = await into.province.editor.get(`/api/plans/${into.plan.id}`);
    expect(plan.body.status).toBe('DRAFT');
    const copied = (plan.body.activities as { code: string; sourceProvinceCode: string | null }[]).filter(
      (a) => a.sourceProvinceCode === merged.province.code,
    );
    expect(copied.map((a) => a.code)).toEqual(
      merged.plan.activities.map((a) => `${a.code}-${merged.province.code}`),
    );
    expect((await c.consolidator.get(`/api/plans/${into.plan.id}/history/verify`)).body).toMatchObject({
      valid: true,
    });

    const count = async () =>
      t.sql<{ activities: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM app.activities WHERE plan_id = $1) AS activities,
                (SELECT count(*)::int FROM app.events) AS events`,
        [into.plan.id],
      );
    const before = await count();
    const again = await send();
    expect(again.status).toBe(200);
    expect(await count()).toEqual(before);
  });
});
