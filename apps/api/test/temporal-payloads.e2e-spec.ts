import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { planWorkflowId } from '@vufo/workflows/contract';
import { defaultPayloadConverter } from '@temporalio/common';
import { storedPayloadCodec, STORED_PAYLOAD_ENCODING } from '@vufo/engine';
import { gzipSync } from 'node:zlib';
import { Client as Pg } from 'pg';
import { APPROVAL_HOSTS, startTestHost } from '../../../test/support/hosts';
import { AuthedClient, createTestDatabase, TestApp } from '../../../test/support/test-app';
import { ActivityInput, PLAN_CONTENT, world, World } from '../../../test/support/factories';

/**
 * Issue 13: plans as large as provinces write go through the whole chain on Temporal, within its
 * limits (2 MB a payload, 50 MB a history), and their content does not swell the history: large
 * payloads travel as references to immutable, content-addressed blobs (libs/engine payload store).
 * Temporal-only: the embedded host has no such limits to hold.
 */
const onTemporal = APPROVAL_HOSTS.includes('temporal') ? describe : describe.skip;

/** Big enough that an inline copy of the plan's content would show in the history's size. */
const INLINE_LIMIT = 64 * 1024;

describe('the stored-payload codec', () => {
  it('stores a large payload once by its hash, keeps small ones inline, and refuses altered bytes', async () => {
    const url = await createTestDatabase();
    const pg = new Pg({ connectionString: url });
    await pg.connect();
    const first = storedPayloadCodec(url);
    const second = storedPayloadCodec(url);
    try {
      const big = defaultPayloadConverter.toPayload({ lines: Array.from({ length: 20_000 }, (_, i) => i) })!;
      const small = defaultPayloadConverter.toPayload({ ok: true })!;
      const encoded = await first.codec.encode([big, small, big]);
      expect(new TextDecoder().decode(encoded[0].metadata!.encoding!)).toBe(STORED_PAYLOAD_ENCODING);
      expect(encoded[0].data!.length).toBe(64);
      expect(encoded[1]).toBe(small);
      expect(encoded[2].data).toEqual(encoded[0].data);
      const rows = await pg.query(`SELECT sha256 FROM app.temporal_payloads`);
      expect(rows.rowCount).toBe(1);
      // Another process (no cache) reads the same payload back.
      const decoded = await second.codec.decode(encoded);
      expect(defaultPayloadConverter.fromPayload(decoded[0])).toEqual({
        lines: Array.from({ length: 20_000 }, (_, i) => i),
      });
      expect(decoded[1]).toBe(small);
      // Bytes changed behind Temporal's back are not replayed.
      const third = storedPayloadCodec(url);
      try {
        await pg.query(`UPDATE app.temporal_payloads SET data = $1`, [gzipSync(Buffer.from('{"lines":[]}'))]);
        await expect(third.codec.decode([encoded[0]])).rejects.toThrow(/was altered/);
      } finally {
        await third.close();
      }
    } finally {
      await Promise.all([first.close(), second.close(), pg.end()]);
    }
  });
});

onTemporal('large plans on the Temporal host', () => {
  let t: TestApp;
  let client: Client;
  let connection: Connection;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await startTestHost('temporal', { seedDemo: false });
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  });
  afterAll(async () => {
    console.warn(`temporal history figures: ${JSON.stringify(figures)}`);
    await connection?.close();
    await t?.close();
  });

  /** Lines written straight into the draft (the edit path is not what is measured here). */
  async function grow(w: World, lines: number): Promise<void> {
    const [first] = await t.sql<{ id: string; activity_id: string }>(
      `SELECT id, activity_id FROM app.budget_lines WHERE plan_id = $1 ORDER BY position LIMIT 1`,
      [w.plan.id],
    );
    const have = w.plan.activities.flatMap((a) => a.budgetLines).length;
    await t.sql(
      `INSERT INTO app.budget_lines (activity_id, plan_id, category, description, quantity, unit, unit_cost,
              amount, funding_source, guest_class, member_role, norm_article, norm_justification, payer, position)
       SELECT activity_id, plan_id, category, description || ' — lượt ' || g, quantity, unit, unit_cost, amount,
              funding_source, guest_class, member_role, norm_article,
              'Theo chương trình làm việc đã thống nhất với đối tác', payer, 100 + g
         FROM app.budget_lines, generate_series(1, $2::int) g WHERE id = $1`,
      [first.id, lines - have],
    );
  }

  async function pendingReview(c: AuthedClient, planId: string, fn: string): Promise<string> {
    const inbox = await c.get('/api/reviews?mine=true&status=PENDING&limit=100');
    expect(inbox.status).toBe(200);
    const review = (inbox.body.items as { id: string; planId: string; function: string }[]).find(
      (r) => r.planId === planId && r.function === fn,
    );
    expect(review).toBeDefined();
    return review!.id;
  }

  async function decide(c: AuthedClient, planId: string, fn: string, body: object): Promise<void> {
    const id = await pendingReview(c, planId, fn);
    const res = await c.post(`/api/reviews/${id}/decision`, body);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
  }

  /** Every run of the plan's workflow (continue-as-new starts new ones), oldest first. */
  async function histories(planId: string) {
    const runs: temporal.api.history.v1.IHistory[] = [];
    for await (const run of client.workflow.list({ query: `WorkflowId = "${planWorkflowId(planId)}"` })) {
      runs.push(await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory());
    }
    return runs.reverse();
  }

  function largestPayload(history: temporal.api.history.v1.IHistory): number {
    let max = 0;
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      if (v instanceof Uint8Array) return;
      const o = v as Record<string, unknown>;
      if (o.data instanceof Uint8Array && o.metadata) max = Math.max(max, o.data.length);
      for (const x of Object.values(o)) walk(x);
    };
    walk(history);
    return max;
  }

  it.each([450, 3000])(
    'a %i-line plan goes through submission, two revision rounds and approval',
    async (size) => {
      const [storedBefore] = await t.sql<{ n: number; bytes: number }>(
        `SELECT count(*)::int AS n, coalesce(sum(length(data)), 0)::int AS bytes FROM app.temporal_payloads`,
      );
      const w = await world(t);
      await grow(w, size);
      const p = w.province;
      const submit = async () => {
        const res = await p.submitter.post(`/api/plans/${w.plan.id}/submit`);
        expect([res.status, res.body.code]).toEqual([200, undefined]);
      };
      await submit();
      await decide(p.content, w.plan.id, 'CONTENT', {
        decision: 'REQUEST_REVISION',
        comment: 'Bổ sung kết quả dự kiến',
      });
      await submit();
      await decide(p.content, w.plan.id, 'CONTENT', { decision: 'APPROVE', comment: 'Đạt' });
      await decide(p.budget, w.plan.id, 'BUDGET', {
        decision: 'REQUEST_REVISION',
        comment: 'Rà soát lại đơn giá',
      });
      await submit();
      const plan = await p.editor.get(`/api/plans/${w.plan.id}`);
      const lines = (plan.body.activities as { budgetLines: { id: string; amount: number }[] }[]).flatMap(
        (a) => a.budgetLines,
      );
      expect(lines).toHaveLength(size);
      await decide(p.budget, w.plan.id, 'BUDGET', {
        decision: 'APPROVE',
        lines: lines.map((l) => ({ budgetLineId: l.id, approvedAmount: l.amount })),
      });
      await decide(p.content, w.plan.id, 'CONTENT', { decision: 'APPROVE', comment: 'Đạt' });
      await decide(p.final, w.plan.id, 'FINAL', {
        decision: 'APPROVE',
        decisionNumber: '77/QĐ-UBND',
        decisionDate: '2026-11-20',
        signer: 'Chủ tịch UBND tỉnh',
      });
      const after = await p.editor.get(`/api/plans/${w.plan.id}`);
      expect(after.body.status).toBe('APPROVED');
      const verify = await p.editor.get(`/api/plans/${w.plan.id}/history/verify`);
      expect(verify.body).toMatchObject({ valid: true });

      const runs = await histories(w.plan.id);
      const bytes = runs.map((h) => temporal.api.history.v1.History.encode(h).finish().length);
      const events = runs.map((h) => h.events?.length ?? 0);
      const largest = Math.max(...runs.map(largestPayload));
      const contentBytes = Buffer.byteLength(JSON.stringify(lines));
      const [stored] = await t.sql<{ n: number; bytes: number }>(
        `SELECT count(*)::int AS n, coalesce(sum(length(data)), 0)::int AS bytes FROM app.temporal_payloads`,
      );
      figures[`${size} lines`] = {
        runs: runs.length,
        events,
        bytes,
        largestPayload: largest,
        contentBytes,
        storedPayloads: { n: stored.n - storedBefore.n, bytes: stored.bytes - storedBefore.bytes },
      };
      // The content (and the state that holds it) is not copied into the history inline.
      expect(largest).toBeLessThanOrEqual(INLINE_LIMIT);
      expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(contentBytes);
    },
    240_000,
  );

  it('a plan typed in line by line (every edit an update) continues as new when Temporal suggests it', async () => {
    const [template] = PLAN_CONTENT;
    const content: ActivityInput[] = Array.from({ length: 130 }, (_, i) => ({
      ...template,
      code: `HĐ-${String(i + 1).padStart(3, '0')}`,
      lines: template.lines.map((l) => ({ ...l, normJustification: 'Theo chương trình đã thống nhất' })),
    }));
    const w = await world(t, { plan: { content } });
    const res = await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    // ~520 edits, ~5,000 events: past Temporal's suggestion (4,096 events or 4 MiB of history by
    // default). The workflow continues as new once the submission's events are written: wait for it.
    let runs = await histories(w.plan.id);
    for (const end = Date.now() + 30_000; runs.length < 2 && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 500));
      runs = await histories(w.plan.id);
    }
    const edits = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.events WHERE stream_id = $1 AND type = 'ContentEdited'`,
      [w.plan.id],
    );
    figures['typed in'] = {
      edits: edits[0].n,
      runs: runs.length,
      events: runs.map((h) => h.events?.length ?? 0),
      bytes: runs.map((h) => temporal.api.history.v1.History.encode(h).finish().length),
    };
    // Each run stays under Temporal's suggestion threshold; the chain is whole across runs.
    expect(runs.length).toBeGreaterThan(1);
    for (const h of runs) expect(h.events?.length ?? 0).toBeLessThan(10_000);
    const verify = await w.province.editor.get(`/api/plans/${w.plan.id}/history/verify`);
    expect(verify.body).toMatchObject({ valid: true });
  }, 600_000);
});
