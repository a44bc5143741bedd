import { APPROVAL_HOSTS, startTestHost } from '../../../test/support/hosts';
import { AuthedClient, TestApp } from '../../../test/support/test-app';
import { province, Province, user, world, World } from '../../../test/support/factories';

type Line = { id: string; amount: number; approvedAmount: number | null };
type Review = {
  id: string;
  function: string;
  stage: number;
  round: number;
  status: string;
  comment: string | null;
};
type Plan = { status: string; activities: { id: string; budgetLines: Line[] }[]; reviews: Review[] } & Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  any
>;

/**
 * The whole story of DOMAIN.md's approval chain, over HTTP, on a world each test builds: submit,
 * parallel reviews, revision, partial funding, final approval. Every test drives its own plan to
 * the step it checks, so none depends on another having run. On the embedded host always, and on
 * the Temporal host too when TEMPORAL_ADDRESS is set, with the same assertions.
 */
describe.each(APPROVAL_HOSTS)('approval chain on the %s host', (host) => {
  let t: TestApp;
  // Read-only for every test: the union whose plans go through the chain (each test drafts its own,
  // in a cycle of its own), and a second union that must see none of them.
  let hp: Province;
  let other: Province;

  beforeAll(async () => {
    t = await startTestHost(host, { seedDemo: false });
    [hp, other] = await Promise.all([province(t), province(t)]);
  });
  afterAll(() => t.close());

  const plan = async (w: World): Promise<Plan> => {
    const res = await w.province.editor.get(`/api/plans/${w.plan.id}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const lines = (p: Plan) => p.activities.flatMap((a) => a.budgetLines);
  const pending = async (w: World, c: AuthedClient, fn: string) => {
    const inbox = await c.get('/api/reviews?mine=true&status=PENDING');
    expect(inbox.status).toBe(200);
    return (inbox.body.items as (Review & { planId: string })[]).find(
      (r) => r.planId === w.plan.id && r.function === fn,
    );
  };
  const events = async (planId: string, type?: string) =>
    t.sql<{ type: string; seq: number }>(
      `SELECT type, seq FROM app.events WHERE stream_id = $1 ${type ? 'AND type = $2' : ''} ORDER BY seq`,
      type ? [planId, type] : [planId],
    );

  // The steps of the story, each on the world it is given; a test runs those before the one it checks.
  const submitted = async (): Promise<World> => {
    const w = await world(t, { province: hp });
    const res = await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`);
    expect(res.status).toBe(200);
    return w;
  };
  const decide = async (w: World, c: AuthedClient, fn: string, body: object) => {
    const review = await pending(w, c, fn);
    expect(review).toBeDefined();
    const res = await c.post(`/api/reviews/${review!.id}/decision`, body);
    expect(res.status).toBe(200);
    return res;
  };
  const partialFunding = (p: Plan) => ({
    decision: 'APPROVE',
    comment: 'Đồng ý, giảm chi tiếp khách',
    lines: lines(p).map((l) => ({ budgetLineId: l.id, approvedAmount: Math.floor(l.amount * 0.8) })),
  });
  const revisionRequested = async (): Promise<World> => {
    const w = await submitted();
    await decide(w, w.province.budget, 'BUDGET', partialFunding(await plan(w)));
    await decide(w, w.province.content, 'CONTENT', {
      decision: 'REQUEST_REVISION',
      comment: 'Bổ sung kết quả dự kiến của hoạt động HĐ-03',
    });
    return w;
  };
  const resubmitted = async (): Promise<World> => {
    const w = await revisionRequested();
    const p = await plan(w);
    expect(
      (await w.province.editor.patch(`/api/budget-lines/${lines(p)[0].id}`, { quantity: 2 })).status,
    ).toBe(200);
    expect((await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`)).status).toBe(200);
    return w;
  };
  const decisionRecord = {
    decision: 'APPROVE',
    decisionNumber: '1234/QĐ-UBND',
    decisionDate: '2026-11-20',
    signer: 'Chủ tịch UBND thành phố',
  };
  const approved = async (): Promise<World> => {
    const w = await resubmitted();
    const ls = lines(await plan(w));
    await decide(w, w.province.budget, 'BUDGET', {
      decision: 'APPROVE',
      lines: ls.map((l) => ({ budgetLineId: l.id, approvedAmount: l.amount })),
    });
    await decide(w, w.province.content, 'CONTENT', { decision: 'APPROVE', comment: 'Đạt' });
    await decide(w, w.province.final, 'FINAL', decisionRecord);
    expect((await plan(w)).status).toBe('APPROVED');
    return w;
  };

  it('only the union’s submitter submits; an editor cannot', async () => {
    const w = await world(t, { province: hp });
    expect((await w.province.editor.post(`/api/plans/${w.plan.id}/submit`)).status).toBe(403);
    expect((await other.submitter.post(`/api/plans/${w.plan.id}/submit`)).status).toBe(404);
    expect((await plan(w)).status).toBe('DRAFT');
  });

  it('submits once per Idempotency-Key and opens stage 1 in parallel', async () => {
    const w = await world(t, { province: hp });
    const submitter = w.province.submitter;
    const [a, b] = [
      await submitter.post(`/api/plans/${w.plan.id}/submit`).set('Idempotency-Key', 'submit-1'),
      await submitter.post(`/api/plans/${w.plan.id}/submit`).set('Idempotency-Key', 'submit-1'),
    ];
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.status).toBe('IN_APPRAISAL');
    expect(await events(w.plan.id, 'PlanSubmitted')).toHaveLength(1);
    const open = (a.body.reviews as Review[]).filter((r) => r.status === 'PENDING');
    expect(open.map((r) => r.function).sort()).toEqual(['BUDGET', 'CONTENT']);
    expect(open.every((r) => r.stage === 1 && r.round === 1)).toBe(true);
  });

  it('routes the plan to the province’s agencies only', async () => {
    const w = await submitted();
    expect(await pending(w, w.province.content, 'CONTENT')).toBeDefined();
    expect(await pending(w, w.province.budget, 'BUDGET')).toBeDefined();
    expect((await w.province.content.get(`/api/plans/${w.plan.id}`)).status).toBe(200);
    expect((await other.content.get(`/api/plans/${w.plan.id}`)).status).toBe(404);
    expect((await other.content.get('/api/reviews?mine=true')).body.items).toEqual([]);
    expect((await w.province.final.get(`/api/plans/${w.plan.id}`)).status).toBe(404); // stage 2 not open yet
  });

  it('refuses content edits once submitted (the version is immutable)', async () => {
    const w = await submitted();
    const res = await w.province.editor.patch(`/api/plans/${w.plan.id}`, { title: 'changed' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
    expect((await plan(w)).title).toBe(w.plan.title);
  });

  it('refuses decisions from the wrong agency, without a reason, or with bad amounts', async () => {
    const w = await submitted();
    const { content, budget } = w.province;
    const budgetReview = (await pending(w, budget, 'BUDGET'))!;
    expect(budgetReview).toBeDefined();
    const wrongAgency = await content.post(`/api/reviews/${budgetReview.id}/decision`, {
      decision: 'APPROVE',
    });
    expect(wrongAgency.status).toBe(403);
    const noReason = await budget.post(`/api/reviews/${budgetReview.id}/decision`, {
      decision: 'REQUEST_REVISION',
      comment: '  ',
    });
    expect(noReason.status).toBe(422);
    const ls = lines(await plan(w));
    expect(ls.length).toBeGreaterThan(1);
    const missing = await budget.post(`/api/reviews/${budgetReview.id}/decision`, {
      decision: 'APPROVE',
      lines: ls.slice(1).map((l) => ({ budgetLineId: l.id, approvedAmount: l.amount })),
    });
    expect(missing.status).toBe(422);
    const tooMuch = await budget.post(`/api/reviews/${budgetReview.id}/decision`, {
      decision: 'APPROVE',
      lines: ls.map((l, i) => ({ budgetLineId: l.id, approvedAmount: i === 0 ? l.amount + 1 : l.amount })),
    });
    expect(tooMuch.status).toBe(422);
    const negative = await budget.post(`/api/reviews/${budgetReview.id}/decision`, {
      decision: 'APPROVE',
      lines: ls.map((l) => ({ budgetLineId: l.id, approvedAmount: -1 })),
    });
    expect(negative.status).toBe(422);
    expect((await pending(w, budget, 'BUDGET'))!.status).toBe('PENDING');
    expect(await events(w.plan.id, 'ReviewDecided')).toEqual([]);
  });

  it('finance approves with partial funding; 20 concurrent decisions: exactly one succeeds', async () => {
    const w = await submitted();
    const budget = w.province.budget;
    const review = (await pending(w, budget, 'BUDGET'))!;
    const body = partialFunding(await plan(w));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => budget.post(`/api/reviews/${review.id}/decision`, body)),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await events(w.plan.id, 'ReviewDecided')).toHaveLength(1);
  });

  it('foreign affairs requests a revision with a reason; the union sees it', async () => {
    const w = await submitted();
    await decide(w, w.province.budget, 'BUDGET', partialFunding(await plan(w)));
    const review = (await pending(w, w.province.content, 'CONTENT'))!;
    const res = await w.province.content.post(`/api/reviews/${review.id}/decision`, {
      decision: 'REQUEST_REVISION',
      comment: 'Bổ sung kết quả dự kiến của hoạt động HĐ-03',
    });
    expect(res.status).toBe(200);
    const p = await plan(w);
    expect(p.status).toBe('REVISION_REQUESTED');
    expect(p.reviews.find((r) => r.id === review.id)!.comment).toMatch(/HĐ-03/);
    const notes = await w.province.editor.get('/api/notifications');
    expect(
      notes.body.items.some(
        (n: { kind: string; planId?: string }) => n.kind === 'REVISION_REQUESTED' && n.planId === w.plan.id,
      ),
    ).toBe(true);
  });

  it('the union edits and resubmits: a new immutable version with a readable diff', async () => {
    const w = await revisionRequested();
    const editor = w.province.editor;
    const p = await plan(w);
    const line = lines(p)[0];
    expect((await editor.patch(`/api/budget-lines/${line.id}`, { quantity: 2 })).status).toBe(200);
    const act = p.activities[2];
    expect(
      (
        await editor.patch(`/api/activities/${act.id}`, {
          expectedResults: 'Ký thỏa thuận hợp tác giai đoạn mới',
        })
      ).status,
    ).toBe(200);
    const re = await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`);
    expect(re.status).toBe(200);
    expect(re.body.submittedVersion).toBe(2);
    const versions = await editor.get(`/api/plans/${w.plan.id}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const diff = await editor.get(`/api/plans/${w.plan.id}/versions/2/diff?against=1`);
    expect(diff.status).toBe(200);
    expect(JSON.stringify(diff.body.changes)).toContain(line.id);
    expect(JSON.stringify(diff.body.changes)).toContain('Ký thỏa thuận hợp tác giai đoạn mới');
  });

  it('a decision on the superseded round is stale', async () => {
    const w = await resubmitted();
    const old = (await plan(w)).reviews.find((r) => r.round === 1 && r.function === 'BUDGET');
    expect(old).toBeDefined();
    const res = await w.province.budget.post(`/api/reviews/${old!.id}/decision`, { decision: 'APPROVE' });
    expect(res.status).toBe(409);
    expect(['STALE_VERSION', 'ALREADY_DECIDED']).toContain(res.body.code);
  });

  it('both approve stage 1, the People’s Committee gives final approval with its decision record', async () => {
    const w = await resubmitted();
    const { budget, content, final } = w.province;
    const ls = lines(await plan(w));
    const b = (await pending(w, budget, 'BUDGET'))!;
    expect(b.round).toBe(2);
    // The finance appraiser is away: a colleague without the APPRAISER role acts for her under a delegation.
    const deputy = await user(t, w.province.agencies.BUDGET!, [], { displayName: 'Bùi Đức Long' });
    const approveBody = {
      decision: 'APPROVE',
      lines: ls.map((l, i) => ({ budgetLineId: l.id, approvedAmount: i === 0 ? 0 : l.amount })),
    };
    expect((await deputy.post(`/api/reviews/${b.id}/decision`, approveBody)).status).toBe(403);
    const now = Date.now();
    const delegation = await budget.post('/api/delegations', {
      toUserId: deputy.user.id,
      validFrom: new Date(now - 60_000).toISOString(),
      validTo: new Date(now + 86_400_000).toISOString(),
      reason: 'Nghỉ phép',
    });
    expect(delegation.status).toBe(201);
    const decided = await deputy.post(`/api/reviews/${b.id}/decision`, approveBody);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      decidedByName: 'Bùi Đức Long',
      actingForName: budget.user.displayName,
    });
    const c = (await pending(w, content, 'CONTENT'))!;
    expect(
      (await content.post(`/api/reviews/${c.id}/decision`, { decision: 'APPROVE', comment: 'Đạt' })).status,
    ).toBe(200);
    const f = (await pending(w, final, 'FINAL'))!;
    expect(f.stage).toBe(2);
    const noRecord = await final.post(`/api/reviews/${f.id}/decision`, { decision: 'APPROVE' });
    expect(noRecord.status).toBe(422);
    const ok = await final.post(`/api/reviews/${f.id}/decision`, decisionRecord);
    expect(ok.status).toBe(200);
    const p = await plan(w);
    expect(p.status).toBe('APPROVED');
    expect(p.decision).toMatchObject({ number: '1234/QĐ-UBND', date: '2026-11-20' });
    const approvedLines = lines(p);
    expect(approvedLines).toHaveLength(7); // PLAN_CONTENT's lines
    expect(approvedLines[0].approvedAmount).toBe(0);
    expect(approvedLines.slice(1).every((l: Line) => l.approvedAmount === l.amount)).toBe(true);
    expect(p.totals.approved.total).toBe(
      approvedLines.reduce((s: number, l: Line) => s + (l.approvedAmount ?? 0), 0),
    );
  });

  it('the history is complete and verifies; tampering with one row is found', async () => {
    const w = await approved();
    const { editor, content } = w.province;
    const h = await editor.get(`/api/plans/${w.plan.id}/history`);
    const types = h.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('PlanCreated');
    expect(types).toEqual(
      expect.arrayContaining([
        'PlanSubmitted',
        'ReviewOpened',
        'ReviewDecided',
        'RevisionRequested',
        'PlanApproved',
      ]),
    );
    expect(h.body.items.every((e: { seq: number }, i: number) => e.seq === i + 1)).toBe(true);
    const v = await content.get(`/api/plans/${w.plan.id}/history/verify`);
    expect(v.body).toEqual({ valid: true, events: h.body.items.length });

    const decidedSeq = h.body.items.find((e: { type: string }) => e.type === 'ReviewDecided').seq;
    await t.sql(
      `UPDATE app.events SET payload = jsonb_set(payload, '{comment}', '"sửa lén"') WHERE stream_id = $1 AND seq = $2`,
      [w.plan.id, decidedSeq],
    );
    const broken = await editor.get(`/api/plans/${w.plan.id}/history/verify`);
    expect(broken.body.valid).toBe(false);
    expect(broken.body.brokenAt).toBe(decidedSeq);
  });
});
