import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { planWorkflowId } from '@vufo/workflows/contract';
import { productionBundle } from '@vufo/workflows/test/bundle';
import { APPROVAL_HOSTS, startTestHost } from '../../../test/support/hosts';
import { AuthedClient, TestApp } from '../../../test/support/test-app';
import {
  justifyOverNorm,
  openCycle,
  PLAN_CONTENT,
  province,
  world,
  World,
} from '../../../test/support/factories';

/**
 * Issue 13: a worker that restarts, or evicts a plan from its cache, rebuilds the workflow by
 * replaying the history the server wrote. So the histories a live server writes for this code —
 * concurrent edits racing the persistence activity, parallel reviews, refused commands, commands
 * retried while a batch is unsettled — must replay without a determinism error. The simulator's
 * histories (workflows/*.replay.spec.ts) are written in the order the workflow issued its
 * commands; the server orders update messages and commands itself, which is what is tested here.
 * Temporal-only: the embedded host has no histories.
 */
const onTemporal = APPROVAL_HOSTS.includes('temporal') ? describe : describe.skip;

onTemporal('histories written by a live Temporal server replay', () => {
  let t: TestApp;
  let connection: Connection;
  let client: Client;
  const plans: string[] = [];

  beforeAll(async () => {
    t = await startTestHost('temporal', { seedDemo: false });
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  });
  afterAll(async () => {
    await connection?.close();
    await t?.close();
  });

  /** Concurrent requests on one plan, as several officers of a union (or a double click) send them. */
  async function raceEdits(w: World, n: number): Promise<void> {
    const editor = w.province.editor;
    const { lines, code: _code, ...activity } = PLAN_CONTENT[0];
    const answers = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const added = await editor.post(`/api/plans/${w.plan.id}/activities`, {
          ...activity,
          title: `${activity.title} (${i + 1})`,
        });
        if (added.status !== 201) return added;
        return editor.post(`/api/activities/${added.body.id as string}/budget-lines`, lines[0]);
      }),
    );
    // Every one is decided on the stream head its transaction saw; none is lost or doubled.
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const after = await editor.get(`/api/plans/${w.plan.id}`);
    expect((after.body as { activities: unknown[] }).activities).toHaveLength(w.plan.activities.length + n);
  }

  async function pendingReview(c: AuthedClient, planId: string): Promise<string> {
    const mine = (await c.get('/api/reviews?mine=true&status=PENDING')).body.items as {
      id: string;
      planId: string;
    }[];
    return mine.find((r) => r.planId === planId)!.id;
  }

  it('plans driven concurrently through edits, submission and parallel reviews', async () => {
    const cycle = await openCycle(t);
    const worlds = await Promise.all(
      [0, 1, 2].map(async () => world(t, { cycle, province: await province(t) })),
    );
    await Promise.all(
      worlds.map(async (w) => {
        const planId = w.plan.id;
        plans.push(planId);
        await raceEdits(w, 6);
        // A refused command (the machine's guard: an editor does not submit) leaves no trace in the history.
        expect((await w.province.editor.post(`/api/plans/${planId}/submit`)).status).toBe(403);
        await justifyOverNorm(w.province.editor, planId);
        // A double click: the same key twice at once, one submission.
        const submit = () =>
          w.province.submitter.post(`/api/plans/${planId}/submit`).set('Idempotency-Key', `submit-${planId}`);
        const [first, second] = await Promise.all([submit(), submit()]);
        expect([first.status, second.status]).toEqual([200, 200]);
        const view = (await w.province.editor.get(`/api/plans/${planId}`)).body as {
          activities: { budgetLines: { id: string; amount: number }[] }[];
        };
        const [content, budget] = await Promise.all([
          pendingReview(w.province.content, planId),
          pendingReview(w.province.budget, planId),
        ]);
        const decided = await Promise.all([
          w.province.content.post(`/api/reviews/${content}/decision`, {
            decision: 'APPROVE',
            comment: 'Đạt',
          }),
          w.province.budget.post(`/api/reviews/${budget}/decision`, {
            decision: 'APPROVE',
            lines: view.activities
              .flatMap((a) => a.budgetLines)
              .map((l) => ({ budgetLineId: l.id, approvedAmount: l.amount })),
          }),
        ]);
        expect(decided.map((d) => d.status)).toEqual([200, 200]);
        const events = await t.sql<{ n: string }>(
          `SELECT count(*) AS n FROM app.events WHERE stream_id = $1 AND type = 'PlanSubmitted'`,
          [planId],
        );
        expect(Number(events[0].n)).toBe(1);
      }),
    );

    const bundle = await productionBundle();
    for (const planId of plans) {
      const history = await client.workflow.getHandle(planWorkflowId(planId)).fetchHistory();
      const types = (history.events ?? []).map((e) => e.eventType);
      // The histories hold what is being tested: updates answered around persistence activities.
      expect(
        types.filter(
          (x) => x === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
        ).length,
      ).toBeGreaterThan(8);
      await expect(
        Worker.runReplayHistory({ workflowBundle: bundle }, history, planWorkflowId(planId)),
      ).resolves.toBeUndefined();
    }
  });
});
