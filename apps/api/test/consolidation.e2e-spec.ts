import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { CONSOLIDATION_WORKFLOW_TYPE, consolidationWorkflowId } from '@vufo/workflows/contract';
import { productionBundle } from '@vufo/workflows/test/bundle';
import type { Actor, Role } from '@vufo/domain';
import { ConsolidationEngine } from '@vufo/engine';
import { Tx } from '../src/common/transaction';
import { APP_CONFIG, AppConfig } from '../src/config';
import { APPROVAL_HOSTS, startTestHost, TestHost } from '../../../test/support/hosts';
import { AuthedClient } from '../../../test/support/test-app';
import { until } from '../../../test/support/until';
import {
  Central,
  central,
  Cycle,
  draftPlan,
  openCycle,
  province,
  Province,
} from '../../../test/support/factories';

type Row = { key: string; label: string; requested: number; approved: number; activities: number };
type Consolidation = {
  id: string;
  cycleId: string;
  number: number;
  status: string;
  note: string | null;
  plans: {
    planId: string;
    organizationId: string;
    requested: number;
    approved: number;
    activities: number;
  }[];
  missing: { organizationId: string; planStatus: string | null }[];
  rollups: { total: Omit<Row, 'key' | 'label'> } & Record<string, Row[]>;
  decision: { decisionNumber: string; decisionDate: string; signer: string } | null;
  returnReason: string | null;
};

const DIMENSIONS = ['byProvince', 'byCluster', 'byActivityType', 'byPartnerCountry', 'byFundingSource'];

/**
 * The consolidation (issue 14, API.md "Consolidation") over HTTP: the central union gathers the
 * approved provincial plans into the national plan, the leadership returns or approves it, the
 * plans and the cycle move to rollout, late plans join a supplementary one. On both hosts: the
 * consolidation's commands are decided in the request's transaction on the embedded host and in the
 * consolidation's own workflow on the Temporal host (its stream written by the API's transaction
 * either way); the plans' StartRollout goes through PlanCommands.dispatch (in the request's
 * transaction on the embedded host, Temporal updates on the other).
 */
describe.each(APPROVAL_HOSTS)('consolidation on the %s host', (host) => {
  let t: TestHost;
  let c: Central;
  let a: Province;
  let b: Province;
  let late: Province;

  beforeAll(async () => {
    t = await startTestHost(host, { seedDemo: false });
    c = await central(t);
    [a, b, late] = [await province(t, { cluster: 1 }), await province(t, { cluster: 2 }), await province(t)];
  });
  afterAll(() => t.close());

  const today = () => t.clock.now().toISOString().slice(0, 10);
  const decision = () => ({
    decisionNumber: '15/QĐ-LHHN',
    decisionDate: today(),
    signer: 'Chủ tịch Liên hiệp',
  });

  /** A plan of `p` in `cycle` through the whole chain to APPROVED; `share` of each line approved. */
  const approvedPlan = async (p: Province, cycle: Cycle, share = 1): Promise<string> => {
    const plan = await draftPlan(p.editor, cycle.id);
    expect((await p.submitter.post(`/api/plans/${plan.id}/submit`)).status).toBe(200);
    const pending = async (who: AuthedClient, fn: string) => {
      const inbox = await who.get('/api/reviews?mine=true&status=PENDING');
      const r = (inbox.body.items as { id: string; planId: string; function: string }[]).find(
        (x) => x.planId === plan.id && x.function === fn,
      );
      expect(r).toBeDefined();
      return r!.id;
    };
    const lines = plan.activities.flatMap((x) => x.budgetLines);
    const decide = async (who: AuthedClient, fn: string, body: object) =>
      expect((await who.post(`/api/reviews/${await pending(who, fn)}/decision`, body)).status).toBe(200);
    await decide(p.budget, 'BUDGET', {
      decision: 'APPROVE',
      lines: lines.map((l) => ({ budgetLineId: l.id, approvedAmount: Math.floor(l.amount * share) })),
    });
    await decide(p.content, 'CONTENT', { decision: 'APPROVE', comment: 'Đạt' });
    await decide(p.final, 'FINAL', {
      decision: 'APPROVE',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: today(),
      signer: 'Chủ tịch UBND tỉnh',
    });
    const [row] = await t.sql<{ status: string }>(`SELECT status FROM app.plans WHERE id = $1`, [plan.id]);
    expect(row.status).toBe('APPROVED');
    return plan.id;
  };
  const planStatus = async (id: string) =>
    (await t.sql<{ status: string }>(`SELECT status FROM app.plans WHERE id = $1`, [id]))[0].status;
  const consolidate = (cycle: Cycle, body: object = {}) =>
    c.consolidator.post(`/api/cycles/${cycle.id}/consolidations`, body);
  const count = async (cycle: Cycle) =>
    Number(
      (
        await t.sql<{ n: string }>(`SELECT count(*) AS n FROM app.consolidations WHERE cycle_id = $1`, [
          cycle.id,
        ])
      )[0].n,
    );
  /** Every roll-up adds up to the total, and the total to the plans. */
  const addsUp = (k: Consolidation) => {
    const sum = (xs: { requested: number; approved: number; activities: number }[]) =>
      xs.reduce(
        (s, x) => ({
          requested: s.requested + x.requested,
          approved: s.approved + x.approved,
          activities: s.activities + x.activities,
        }),
        { requested: 0, approved: 0, activities: 0 },
      );
    expect(sum(k.plans)).toEqual(k.rollups.total);
    for (const d of DIMENSIONS) {
      expect(k.rollups[d].length).toBeGreaterThan(0);
      if (d !== 'byPartnerCountry') expect(sum(k.rollups[d])).toEqual(k.rollups.total);
    }
  };

  describe('the story', () => {
    let cycle: Cycle;
    let planA: string;
    let planB: string;
    let planLate: string;
    let first: Consolidation;
    let national: Consolidation;

    beforeAll(async () => {
      cycle = await openCycle(t);
      planA = await approvedPlan(a, cycle);
      planB = await approvedPlan(b, cycle, 0.8);
      planLate = (await draftPlan(late.editor, cycle.id)).id;
    });

    it('nothing approved yet in another cycle: 409 NOTHING_TO_CONSOLIDATE', async () => {
      const empty = await openCycle(t);
      const res = await consolidate(empty);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOTHING_TO_CONSOLIDATE');
      expect(await count(empty)).toBe(0);
    });

    it('the consolidator builds the national plan from both approved plans; the roll-ups add up', async () => {
      const res = await consolidate(cycle, { note: 'Kế hoạch tổng hợp năm' });
      expect(res.status).toBe(201);
      first = res.body;
      expect(first).toMatchObject({
        cycleId: cycle.id,
        number: 1,
        status: 'PENDING_APPROVAL',
        note: 'Kế hoạch tổng hợp năm',
      });
      expect(first.plans.map((p) => p.planId).sort()).toEqual([planA, planB].sort());
      expect(first.plans.find((p) => p.planId === planB)!.approved).toBeLessThan(
        first.plans.find((p) => p.planId === planB)!.requested,
      );
      addsUp(first);
      // Each plan is pinned by the hash of its stream's PlanApproved event.
      for (const p of first.plans) {
        const [approvedEvent] = await t.sql<{ hash: string }>(
          `SELECT hash FROM app.events WHERE stream_id = $1 AND type = 'PlanApproved' ORDER BY seq DESC LIMIT 1`,
          [p.planId],
        );
        expect((p as unknown as { approvalHash: string }).approvalHash).toBe(approvedEvent.hash);
      }
      expect(first.rollups.byCluster.map((r) => r.key).sort()).toEqual(['1', '2']);
      const missing = first.missing.find((m) => m.organizationId === late.unionId);
      expect(missing).toEqual(expect.objectContaining({ planStatus: 'DRAFT' }));
      expect(first.missing.map((m) => m.organizationId)).not.toContain(a.unionId);
      expect(first.missing.map((m) => m.organizationId)).not.toContain(b.unionId);
      expect(first.decision).toBeNull();
      // The leader reads it, alone and in the cycle's list.
      const got = await c.leader.get(`/api/consolidations/${first.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(first);
      expect(first.rollups.byActivityType.find((r) => r.key === 'DELEGATION_IN')?.label).toBe('Đoàn vào');
      const english = await c.leader.get(`/api/consolidations/${first.id}`).set('Accept-Language', 'en');
      expect(english.body.rollups.byActivityType.find((r: Row) => r.key === 'DELEGATION_IN')?.label).toBe(
        'Delegations in',
      );
      expect(english.body.rollups.total).toEqual(first.rollups.total);
      const list = await c.leader.get(`/api/cycles/${cycle.id}/consolidations`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((x: Consolidation) => x.id)).toEqual([first.id]);
    });

    it('while it awaits the leadership, another is refused with CONSOLIDATION_PENDING', async () => {
      const res = await consolidate(cycle);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONSOLIDATION_PENDING');
      expect(await count(cycle)).toBe(1);
    });

    it('the leader returns it with a reason; consolidated again, it is number 1 again', async () => {
      const res = await c.leader.post(`/api/consolidations/${first.id}/return`, {
        reason: 'Bổ sung thuyết minh kinh phí',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung thuyết minh kinh phí' });
      expect(await planStatus(planA)).toBe('APPROVED');
      const keyed = () =>
        t
          .http()
          .post(`/api/cycles/${cycle.id}/consolidations`)
          .set('Authorization', `Bearer ${c.consolidator.token}`)
          .set('Idempotency-Key', 'national-plan-2')
          .send({});
      const again = await keyed();
      expect(again.status).toBe(201);
      // A repeat returns the first result and makes no second one.
      const repeat = await keyed();
      expect(repeat.status).toBe(201);
      expect(repeat.body).toEqual(again.body);
      expect(await count(cycle)).toBe(2);
      national = again.body;
      expect(national.id).not.toBe(first.id);
      expect(national).toMatchObject({ number: 1, status: 'PENDING_APPROVAL' });
      expect(national.plans.map((p) => p.planId).sort()).toEqual([planA, planB].sort());
      expect(national.rollups).toEqual(first.rollups);
    });

    it('the leader approves it: its plans and the cycle move to IN_ROLLOUT', async () => {
      const res = await c.leader.post(`/api/consolidations/${national.id}/approve`, {
        ...decision(),
        comment: 'Đồng ý',
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('APPROVED');
      expect(res.body.decision).toMatchObject({ ...decision(), comment: 'Đồng ý' });
      expect(await planStatus(planA)).toBe('IN_ROLLOUT');
      expect(await planStatus(planB)).toBe('IN_ROLLOUT');
      expect((await c.consolidator.get(`/api/cycles/${cycle.id}`)).body.status).toBe('IN_ROLLOUT');
      const again = await c.leader.post(`/api/consolidations/${national.id}/return`, { reason: 'Muộn' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      const none = await consolidate(cycle);
      expect(none.status).toBe(409);
      expect(none.body.code).toBe('NOTHING_TO_CONSOLIDATE');
    });

    it('a plan approved later goes into supplementary consolidation 2; a repeated keyed approval changes nothing', async () => {
      // The third union's draft, missing from the national plan, goes through the chain now.
      expect((await late.submitter.post(`/api/plans/${planLate}/submit`)).status).toBe(200);
      const inbox = async (who: AuthedClient, fn: string) =>
        (
          (await who.get('/api/reviews?mine=true&status=PENDING')).body.items as {
            id: string;
            planId: string;
            function: string;
          }[]
        ).find((x) => x.planId === planLate && x.function === fn)!.id;
      const lines = (
        (await late.editor.get(`/api/plans/${planLate}`)).body.activities as {
          budgetLines: { id: string; amount: number }[];
        }[]
      ).flatMap((x) => x.budgetLines);
      expect(
        (
          await late.budget.post(`/api/reviews/${await inbox(late.budget, 'BUDGET')}/decision`, {
            decision: 'APPROVE',
            lines: lines.map((l) => ({ budgetLineId: l.id, approvedAmount: l.amount })),
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await late.content.post(`/api/reviews/${await inbox(late.content, 'CONTENT')}/decision`, {
            decision: 'APPROVE',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await late.final.post(`/api/reviews/${await inbox(late.final, 'FINAL')}/decision`, {
            decision: 'APPROVE',
            decisionNumber: '99/QĐ-UBND',
            decisionDate: today(),
            signer: 'Chủ tịch UBND tỉnh',
          })
        ).status,
      ).toBe(200);
      const res = await consolidate(cycle);
      expect(res.status).toBe(201);
      const supplementary: Consolidation = res.body;
      expect(supplementary).toMatchObject({ number: 2, status: 'PENDING_APPROVAL' });
      expect(supplementary.plans.map((p) => p.planId)).toEqual([planLate]);
      expect(supplementary.missing.map((m) => m.organizationId)).not.toContain(late.unionId);
      expect(supplementary.missing.map((m) => m.organizationId)).not.toContain(a.unionId);
      addsUp(supplementary);

      const keyed = () =>
        t
          .http()
          .post(`/api/consolidations/${supplementary.id}/approve`)
          .set('Authorization', `Bearer ${c.leader.token}`)
          .set('Idempotency-Key', 'approve-supplementary-1')
          .send(decision());
      const one = await keyed();
      const two = await keyed();
      expect(one.status).toBe(200);
      expect(two.status).toBe(200);
      expect(two.body).toEqual(one.body);
      expect(await planStatus(planLate)).toBe('IN_ROLLOUT');
      const events = await t.sql(`SELECT type FROM app.events WHERE stream_id = $1 ORDER BY seq`, [
        supplementary.id,
      ]);
      expect(events.map((e) => e.type)).toEqual(['ConsolidationCreated', 'ConsolidationApproved']);
    });

    it('each consolidation’s history verifies; an edited event is found', async () => {
      for (const [k, types] of [
        [first, ['ConsolidationCreated', 'ConsolidationReturned']],
        [national, ['ConsolidationCreated', 'ConsolidationApproved']],
      ] as const) {
        const h = await c.consolidator.get(`/api/consolidations/${k.id}/history`);
        expect(h.status).toBe(200);
        expect(h.body.items.map((e: { type: string }) => e.type)).toEqual(types);
        const v = await c.leader.get(`/api/consolidations/${k.id}/history/verify`);
        expect(v.status).toBe(200);
        expect(v.body).toEqual({ valid: true, events: 2 });
      }
      await t.sql(
        `UPDATE app.events SET payload = jsonb_set(payload, '{reason}', '"sửa lén"') WHERE stream_id = $1 AND seq = 2`,
        [first.id],
      );
      const v = await c.leader.get(`/api/consolidations/${first.id}/history/verify`);
      expect(v.body).toMatchObject({ valid: false, brokenAt: 2, reason: 'HASH_MISMATCH' });
    });

    // Temporal-only: the embedded host decides in the request's transaction and has no histories.
    (host === 'temporal' ? it : it.skip)(
      'on the Temporal host each consolidation ran in a workflow of its own, whose history replays',
      async () => {
        const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
        try {
          const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
          const bundle = await productionBundle();
          const Type = temporal.api.enums.v1.EventType;
          for (const [k, status] of [
            [first, 'RETURNED'],
            [national, 'APPROVED'],
          ] as const) {
            const handle = client.workflow.getHandle(consolidationWorkflowId(k.id));
            // Decided and written: the workflow has ended with the consolidation's status.
            expect(await handle.result()).toEqual({ consolidationId: k.id, status, events: 2 });
            expect((await handle.describe()).type).toBe(CONSOLIDATION_WORKFLOW_TYPE);
            const history = await handle.fetchHistory();
            const types = (history.events ?? []).map((e) => e.eventType);
            // Creation and decision as two accepted updates, each batch settled by the activity.
            expect(
              types.filter((x) => x === Type.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED),
            ).toHaveLength(2);
            expect(types.filter((x) => x === Type.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).toHaveLength(2);
            await expect(
              Worker.runReplayHistory({ workflowBundle: bundle }, history, consolidationWorkflowId(k.id)),
            ).resolves.toBeUndefined();
          }
        } finally {
          await connection.close();
        }
      },
    );
  });

  // The workflow's ABANDONED path, end to end: a request that dies after the workflow decided.
  (host === 'temporal' ? it : it.skip)(
    'on the Temporal host a decision whose request dies is forgotten by the workflow; the next is decided on the same head',
    async () => {
      const cycle = await openCycle(t);
      const planId = await approvedPlan(a, cycle);
      const created = await consolidate(cycle);
      expect(created.status).toBe(201);
      const id = (created.body as Consolidation).id;
      const engine = t.app.get(ConsolidationEngine);
      expect(engine.kind).toBe('temporal');
      const leader = c.leader.user;
      const actor: Actor = {
        kind: 'user',
        userId: leader.id,
        displayName: leader.displayName,
        organizationId: leader.organizationId,
        roles: leader.roles as Role[],
      };
      // The workflow decides the return; the request's transaction then ends without committing it.
      await expect(
        t.app.get(Tx).run(async () => {
          const decided = await engine.dispatch({
            consolidationId: id,
            command: { type: 'ReturnConsolidation', actor, reason: 'Không được ghi' },
          });
          expect(decided.state.status).toBe('RETURNED');
          throw new Error('the request died');
        }),
      ).rejects.toThrow('the request died');
      // Sent at once: while the activity has not yet abandoned the return, the workflow refuses it as
      // behind (StreamBehind, retried by Tx); either way it is decided on the head the return left.
      const approved = await c.leader.post(`/api/consolidations/${id}/approve`, decision());
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('APPROVED');
      expect(await planStatus(planId)).toBe('IN_ROLLOUT');
      const events = await t.sql<{ type: string }>(
        `SELECT type FROM app.events WHERE stream_id = $1 ORDER BY seq`,
        [id],
      );
      expect(events.map((e) => e.type)).toEqual(['ConsolidationCreated', 'ConsolidationApproved']);
      expect((await c.leader.get(`/api/consolidations/${id}/history/verify`)).body).toEqual({
        valid: true,
        events: 2,
      });

      const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
      try {
        const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
        const handle = client.workflow.getHandle(consolidationWorkflowId(id));
        expect(await handle.result()).toEqual({ consolidationId: id, status: 'APPROVED', events: 2 });
        const history = await handle.fetchHistory();
        const Type = temporal.api.enums.v1.EventType;
        const types = (history.events ?? []).map((e) => e.eventType);
        // Created (written), returned (abandoned), approved (written): three updates, three settlements.
        expect(types.filter((x) => x === Type.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).toHaveLength(3);
        expect(types.filter((x) => x === Type.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)).toHaveLength(3);
        await expect(
          Worker.runReplayHistory(
            { workflowBundle: await productionBundle() },
            history,
            consolidationWorkflowId(id),
          ),
        ).resolves.toBeUndefined();
      } finally {
        await connection.close();
      }
    },
  );

  it('a merged province’s approved plan counts under its successor (rows by province name it)', async () => {
    const cycle = await openCycle(t);
    const merged = await province(t, { name: 'tỉnh Hải Dương' });
    const successor = await province(t, { name: 'thành phố Hải Phòng', cluster: 3 });
    const planId = await approvedPlan(merged, cycle);
    const merge = await c.admin.post(`/api/organizations/${merged.unionId}/merge`, {
      intoOrganizationId: successor.unionId,
      effectiveDate: today(),
    });
    expect(merge.status).toBe(200);
    const res = await consolidate(cycle);
    expect(res.status).toBe(201);
    const k: Consolidation = res.body;
    expect(k.plans.map((p) => p.planId)).toEqual([planId]);
    expect(k.rollups.byProvince).toEqual([
      expect.objectContaining({ key: successor.code, label: 'thành phố Hải Phòng' }),
    ]);
    expect(k.rollups.byCluster.map((r) => r.key)).toEqual(['3']);
    expect(k.missing.map((m) => m.organizationId)).not.toContain(merged.unionId);
    expect(k.missing.find((m) => m.organizationId === successor.unionId)).toEqual(
      expect.objectContaining({ planStatus: null }),
    );
    addsUp(k);
  });

  (host === 'temporal' ? it : it.skip)(
    'on the Temporal host a refused creation leaves no workflow running',
    async () => {
      const queue = t.app.get<AppConfig>(APP_CONFIG).temporalTaskQueue;
      const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
      try {
        const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
        const since = new Date().toISOString();
        const known = new Set(
          (await t.sql<{ id: string }>(`SELECT id FROM app.consolidations`)).map((r) => r.id),
        );
        const refused = await consolidate(await openCycle(t));
        expect([refused.status, refused.body.code]).toEqual([409, 'NOTHING_TO_CONSOLIDATE']);
        const started = async () => {
          const found: { id: string; status: string }[] = [];
          for await (const w of client.workflow.list({
            query: `WorkflowType = '${CONSOLIDATION_WORKFLOW_TYPE}' AND TaskQueue = '${queue}' AND StartTime > '${since}'`,
          }))
            // Only workflows of consolidations that do not exist: the refused one.
            if (!known.has(w.workflowId.replace(/^consolidation-/, '')))
              found.push({ id: w.workflowId, status: w.status.name });
          return found;
        };
        // update-with-start started it; the validator refused the creation, so it ends on its own.
        const seen = await until(started, (ws) => ws.length === 1 && ws[0].status === 'COMPLETED', 30_000);
        expect(seen).toEqual([{ id: expect.stringMatching(/^consolidation-/), status: 'COMPLETED' }]);
        const result: unknown = await client.workflow.getHandle(seen[0].id).result();
        expect(result).toMatchObject({ status: null, events: 0 });
      } finally {
        await connection.close();
      }
    },
  );

  // As temporal-outage.e2e-spec.ts for plans: a creation stranded in a workflow is abandoned, never written.
  (host === 'temporal' ? it : it.skip)(
    'on the Temporal host while no worker runs: 503 and nothing kept; sent again once a worker is back, one consolidation',
    async () => {
      const cycle = await openCycle(t);
      await approvedPlan(a, cycle);
      await t.workers!.stopAll();
      try {
        const refused = await consolidate(cycle);
        expect([refused.status, refused.body.code]).toEqual([503, 'ENGINE_UNAVAILABLE']);
        expect(await count(cycle)).toBe(0);
      } finally {
        await t.workers!.start();
      }
      const sent = await until(
        () => consolidate(cycle),
        (r) => r.status !== 503,
        60_000,
      );
      expect(sent.status).toBe(201);
      expect(await count(cycle)).toBe(1);
      const approved = await c.leader.post(
        `/api/consolidations/${sent.body.id as string}/approve`,
        decision(),
      );
      expect([approved.status, approved.body.status]).toEqual([200, 'APPROVED']);
    },
  );

  describe('closing the cycle (POST /api/cycles/:id/close)', () => {
    let cycle: Cycle;
    let planA: string;
    let planB: string;
    let draft: string;
    const close = (cycleId: string, who: AuthedClient = c.consolidator) =>
      who.post(`/api/cycles/${cycleId}/close`);
    const activitiesOf = async (planId: string) =>
      (await c.consolidator.get(`/api/plans/${planId}`)).body.activities as { id: string; code: string }[];
    const progress = (who: AuthedClient, activityId: string, implementationStatus: string) =>
      who.patch(`/api/activities/${activityId}/progress`, { implementationStatus });
    const eventTypes = async (planId: string) =>
      (
        await t.sql<{ type: string }>(`SELECT type FROM app.events WHERE stream_id = $1 ORDER BY seq`, [
          planId,
        ])
      ).map((e) => e.type);
    /** Nothing moved: the plans still in rollout, the cycle too, no PlanClosed anywhere. */
    const unchanged = async () => {
      expect(await planStatus(planA)).toBe('IN_ROLLOUT');
      expect(await planStatus(planB)).toBe('IN_ROLLOUT');
      expect((await c.consolidator.get(`/api/cycles/${cycle.id}`)).body.status).toBe('IN_ROLLOUT');
      expect(await eventTypes(planA)).not.toContain('PlanClosed');
      expect(await eventTypes(planB)).not.toContain('PlanClosed');
    };

    beforeAll(async () => {
      cycle = await openCycle(t);
      planA = await approvedPlan(a, cycle);
      planB = await approvedPlan(b, cycle);
      draft = (await draftPlan(late.editor, cycle.id)).id;
    });

    it('an open cycle (no approved national plan) does not close: 409 INVALID_TRANSITION', async () => {
      const res = await close(cycle.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      expect((await c.consolidator.get(`/api/cycles/${cycle.id}`)).body.status).toBe('OPEN');
    });

    it('only a CONSOLIDATOR closes; an unknown cycle is 404, a malformed id 422', async () => {
      const k = await consolidate(cycle);
      expect(k.status).toBe(201);
      expect((await c.leader.post(`/api/consolidations/${k.body.id}/approve`, decision())).status).toBe(200);
      for (const who of [c.leader, c.admin, a.editor, a.submitter, a.content, a.budget, a.final])
        expect((await close(cycle.id, who)).status).toBe(403);
      await unchanged();
      const unknown = await close('00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      const bad = await close('not-a-uuid');
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('id');
    });

    it('409 while a plan of the cycle is still in the approval chain (a draft), naming it', async () => {
      const res = await close(cycle.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([`plans[${draft}].status`]);
      await unchanged();
      // Its union withdraws it: a withdrawn plan stays as it is when the cycle closes.
      expect(
        (await late.submitter.post(`/api/plans/${draft}/withdraw`, { reason: 'Không thực hiện' })).status,
      ).toBe(200);
    });

    it('409 while an activity of a plan in rollout is neither DONE nor CANCELLED, naming each', async () => {
      const [first, ...rest] = await activitiesOf(planA);
      expect((await progress(a.editor, first.id, 'DONE')).status).toBe(200);
      for (const x of rest) expect((await progress(a.editor, x.id, 'IN_PROGRESS')).status).toBe(200);
      const res = await close(cycle.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      // In Vietnamese by default, in English on request.
      expect(res.body.detail).toMatch(/hoạt động của 2 kế hoạch đang triển khai/);
      const english = await c.consolidator.post(`/api/cycles/${cycle.id}/close`).set('Accept-Language', 'en');
      expect(english.body.detail).toMatch(/of 2 plan\(s\) in rollout are neither DONE nor CANCELLED/);
      const fields: string[] = res.body.errors.map((e: { field: string }) => e.field);
      const openB = await activitiesOf(planB);
      expect(fields.sort()).toEqual(
        [
          ...rest.map((x) => `plans[${planA}].activities[${x.id}].implementationStatus`),
          ...openB.map((x) => `plans[${planB}].activities[${x.id}].implementationStatus`),
        ].sort(),
      );
      // POSTPONED is not the end of an activity either.
      for (const x of rest) expect((await progress(a.editor, x.id, 'POSTPONED')).status).toBe(200);
      for (const x of openB) expect((await progress(b.editor, x.id, 'DONE')).status).toBe(200);
      const still = await close(cycle.id);
      expect(still.status).toBe(409);
      expect(still.body.errors).toHaveLength(rest.length);
      await unchanged();
    });

    it('every activity DONE or CANCELLED: the cycle and its plans in rollout close, each in its own history', async () => {
      for (const x of (await activitiesOf(planA)).slice(1))
        expect((await progress(a.editor, x.id, 'CANCELLED')).status).toBe(200);
      const res = await close(cycle.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: cycle.id, status: 'CLOSED' });
      expect((await c.leader.get(`/api/cycles/${cycle.id}`)).body.status).toBe('CLOSED');
      expect(await planStatus(planA)).toBe('CLOSED');
      expect(await planStatus(planB)).toBe('CLOSED');
      expect(await planStatus(draft)).toBe('WITHDRAWN');
      for (const planId of [planA, planB]) {
        const h = await c.consolidator.get(`/api/plans/${planId}/history?limit=100`);
        expect(h.status).toBe(200);
        const types = (h.body.items as { type: string }[]).map((e) => e.type);
        expect(types.slice(-1)).toEqual(['PlanClosed']);
        expect(types).toContain('RolloutStarted');
        expect(types.filter((x) => x === 'ProgressRecorded').length).toBeGreaterThan(0);
        const v = await c.consolidator.get(`/api/plans/${planId}/history/verify`);
        expect(v.body.valid).toBe(true);
        // The close reached each plan under the cycle's key, so a retried close is answered, not repeated.
        const [closed] = await t.sql<{ key: string }>(
          `SELECT idempotency_key AS key FROM app.events WHERE stream_id = $1 AND type = 'PlanClosed'`,
          [planId],
        );
        expect(closed.key).toBe(`close:${cycle.id}`);
      }
      expect((await c.consolidator.get(`/api/plans/${draft}`)).body.status).toBe('WITHDRAWN');
    });

    it('a second close is refused (409 INVALID_TRANSITION) and changes nothing; a closed plan takes no progress', async () => {
      const before = [...(await eventTypes(planA)), ...(await eventTypes(planB))].length;
      const again = await close(cycle.id);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      expect([...(await eventTypes(planA)), ...(await eventTypes(planB))]).toHaveLength(before);
      const [x] = await activitiesOf(planA);
      expect((await progress(a.editor, x.id, 'IN_PROGRESS')).status).toBe(409);
      // A closed cycle takes no new plan.
      expect(
        (await b.editor.post(`/api/cycles/${cycle.id}/plans`, { title: 'Mới', objectives: 'x' })).status,
      ).toBe(409);
    });

    it('never a 5xx for bad input', async () => {
      const raw = (path: string) =>
        t
          .http()
          .post(path)
          .set('Authorization', `Bearer ${c.consolidator.token}`)
          .set('Content-Type', 'application/json');
      for (const res of [
        await raw(`/api/cycles/${cycle.id}/close`).send('{"status":'),
        await raw(`/api/cycles/${cycle.id}/close`).send('[1,2,3]'),
        await raw(`/api/cycles/${cycle.id}/close`).send(JSON.stringify({ status: 'OPEN', plans: [] })),
        await raw(`/api/cycles/%00/close`).send('{}'),
        await raw(`/api/cycles/${'9'.repeat(5000)}/close`).send('{}'),
      ])
        expect(res.status).toBeLessThan(500);
      expect((await c.consolidator.get(`/api/cycles/${cycle.id}`)).body.status).toBe('CLOSED');
    });
  });

  describe('who may', () => {
    let cycle: Cycle;
    let pending: Consolidation;

    beforeAll(async () => {
      cycle = await openCycle(t);
      await approvedPlan(a, cycle);
      const res = await consolidate(cycle);
      expect(res.status).toBe(201);
      pending = res.body;
    });

    it('non-central users get 403 on every endpoint, and nothing changes', async () => {
      const id = pending.id;
      for (const who of [a.editor, a.submitter, a.content, a.budget, a.final, b.editor]) {
        const calls = [
          who.post(`/api/cycles/${cycle.id}/consolidations`, {}),
          who.get(`/api/cycles/${cycle.id}/consolidations`),
          who.get(`/api/consolidations/${id}`),
          who.post(`/api/consolidations/${id}/approve`, decision()),
          who.post(`/api/consolidations/${id}/return`, { reason: 'x' }),
          who.get(`/api/consolidations/${id}/history`),
          who.get(`/api/consolidations/${id}/history/verify`),
        ];
        for (const call of calls) expect([403, 404]).toContain((await call).status);
      }
      // Central, but not the role: the consolidator does not decide, the leader does not consolidate.
      expect((await c.consolidator.post(`/api/consolidations/${id}/approve`, decision())).status).toBe(403);
      expect((await c.consolidator.post(`/api/consolidations/${id}/return`, { reason: 'x' })).status).toBe(
        403,
      );
      expect((await c.leader.post(`/api/cycles/${cycle.id}/consolidations`, {})).status).toBe(403);
      expect((await c.leader.get(`/api/consolidations/${id}`)).body.status).toBe('PENDING_APPROVAL');
      expect(await count(cycle)).toBe(1);
    });

    it('bad input on every endpoint: 422 naming the field, nothing changed', async () => {
      const id = pending.id;
      const field = async (
        res: { status: number; body: { code: string; errors: { field: string }[] } },
        f: string,
      ) => {
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors.map((e) => e.field)).toContain(f);
      };
      await field(await c.consolidator.post(`/api/cycles/not-a-uuid/consolidations`, {}), 'id');
      await field(await c.consolidator.post(`/api/cycles/${cycle.id}/consolidations`, { note: 12 }), 'note');
      await field(await c.consolidator.post(`/api/cycles/${cycle.id}/consolidations`, { note: ' ' }), 'note');
      await field(
        await c.consolidator.post(`/api/cycles/${cycle.id}/consolidations`, { status: 'APPROVED' }),
        'status',
      );
      await field(await c.leader.get(`/api/cycles/x/consolidations`), 'id');
      await field(await c.leader.get(`/api/cycles/${cycle.id}/consolidations?limit=abc`), 'limit');
      await field(await c.leader.get(`/api/consolidations/123`), 'id');
      await field(await c.leader.get(`/api/consolidations/123/history`), 'id');
      await field(await c.leader.get(`/api/consolidations/123/history/verify`), 'id');
      const { decisionNumber: _n, ...noNumber } = decision();
      await field(await c.leader.post(`/api/consolidations/${id}/approve`, noNumber), 'decisionNumber');
      await field(
        await c.leader.post(`/api/consolidations/${id}/approve`, {
          ...decision(),
          decisionDate: '2026-13-01',
        }),
        'decisionDate',
      );
      await field(
        await c.leader.post(`/api/consolidations/${id}/approve`, {
          ...decision(),
          decisionDate: '2999-01-01',
        }),
        'decisionDate',
      );
      await field(
        await c.leader.post(`/api/consolidations/${id}/approve`, { ...decision(), signer: '' }),
        'signer',
      );
      await field(
        await c.leader.post(`/api/consolidations/${id}/approve`, { ...decision(), signer: 'x'.repeat(300) }),
        'signer',
      );
      await field(await c.leader.post(`/api/consolidations/${id}/return`, {}), 'reason');
      await field(await c.leader.post(`/api/consolidations/${id}/return`, { reason: 5 }), 'reason');
      const badKey = await t
        .http()
        .post(`/api/consolidations/${id}/return`)
        .set('Authorization', `Bearer ${c.leader.token}`)
        .set('Idempotency-Key', 'bad key with spaces')
        .send({ reason: 'x' });
      await field(badKey, 'Idempotency-Key');
      // Unknown ids: 404.
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await c.leader.get(`/api/consolidations/${unknown}`)).status).toBe(404);
      expect((await c.leader.post(`/api/consolidations/${unknown}/approve`, decision())).status).toBe(404);
      expect((await c.consolidator.post(`/api/cycles/${unknown}/consolidations`, {})).status).toBe(404);
      expect((await c.leader.get(`/api/cycles/${unknown}/consolidations`)).status).toBe(404);
      // Nothing changed.
      const after = await c.leader.get(`/api/consolidations/${id}`);
      expect(after.body).toEqual(pending);
      expect(await count(cycle)).toBe(1);
      expect((await t.sql(`SELECT 1 FROM app.events WHERE stream_id = $1`, [id])).length).toBe(1);
    });

    it('10 concurrent approve and return calls: exactly one wins, the others get 409', async () => {
      const calls = Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? c.leader.post(`/api/consolidations/${pending.id}/approve`, decision())
          : c.leader.post(`/api/consolidations/${pending.id}/return`, { reason: `Lý do ${i}` }),
      );
      const statuses = (await Promise.all(calls)).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      const events = await t.sql(`SELECT type FROM app.events WHERE stream_id = $1 ORDER BY seq`, [
        pending.id,
      ]);
      expect(events).toHaveLength(2);
      const v = await c.leader.get(`/api/consolidations/${pending.id}/history/verify`);
      expect(v.body).toEqual({ valid: true, events: 2 });
    });
  });
});
