import { APPROVAL_HOSTS, startTestHost, TestHost } from '../../../test/support/hosts';
import { PLAN_CONTENT, world, World } from '../../../test/support/factories';
import { until } from '../../../test/support/until';

/**
 * Issue 13: while no worker runs, a command on the Temporal host cannot be decided. The user is
 * told to try again (503 ENGINE_UNAVAILABLE with Retry-After), not left waiting, and nothing of
 * it stays: the update the workflow may accept once a worker is back belongs to a request that
 * has ended, so the worker abandons it. The same command sent again then applies once.
 * Temporal-only: the embedded host decides in its own process.
 */
const onTemporal = APPROVAL_HOSTS.includes('temporal') ? describe : describe.skip;

onTemporal('the Temporal host while no worker runs', () => {
  let t: TestHost;
  let w: World;

  beforeAll(async () => {
    t = await startTestHost('temporal', { seedDemo: false });
    w = await world(t);
  });
  afterAll(() => t?.close());

  const counts = async () => {
    const [row] = await t.sql<{ activities: string; events: string; seq: number }>(
      `SELECT (SELECT count(*) FROM app.activities WHERE plan_id = p.id) AS activities,
              (SELECT count(*) FROM app.events WHERE stream_id = p.id) AS events, p.stream_seq AS seq
         FROM app.plans p WHERE p.id = $1`,
      [w.plan.id],
    );
    return { activities: Number(row.activities), events: Number(row.events), seq: row.seq };
  };

  it('answers 503 and keeps nothing; the same edit, sent again once a worker is back, applies once', async () => {
    const { lines: _lines, code: _code, ...activity } = PLAN_CONTENT[1];
    const before = await counts();
    await t.workers!.stopAll();
    const started = Date.now();
    const refused = await w.province.editor.post(`/api/plans/${w.plan.id}/activities`, activity);
    expect([refused.status, refused.body.code]).toEqual([503, 'ENGINE_UNAVAILABLE']);
    expect(refused.headers['retry-after']).toBe('2');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await counts()).toEqual(before);

    await t.workers!.start();
    // The workflow may now accept the stranded update; its request is over, so it is abandoned.
    const sent = await until(
      async () => w.province.editor.post(`/api/plans/${w.plan.id}/activities`, activity),
      (r) => r.status !== 503,
      60_000,
    );
    expect(sent.status).toBe(201);
    const after = await counts();
    expect(after).toEqual({
      activities: before.activities + 1,
      events: before.events + 1,
      seq: before.seq + 1,
    });
    const verify = await w.province.editor.get(`/api/plans/${w.plan.id}/history/verify`);
    expect(verify.body.valid).toBe(true);
  });
});
