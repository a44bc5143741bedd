import { APPROVAL_HOSTS, startTestHost } from '../../worker/test/support/hosts';
import { AuthedClient, TestApp } from './support/test-app';

type Line = { id: string; amount: number; approvedAmount: number | null };
type Review = {
  id: string;
  function: string;
  stage: number;
  round: number;
  status: string;
  comment: string | null;
};

/**
 * The whole story of DOMAIN.md's approval chain, over HTTP, on the demo data set: submit, parallel
 * reviews, revision, partial funding, final approval. On the embedded host always, and on the
 * Temporal host too when TEMPORAL_ADDRESS is set, with the same assertions.
 */
describe.each(APPROVAL_HOSTS)('approval chain on the %s host', (host) => {
  let t: TestApp;
  let editor: AuthedClient,
    submitter: AuthedClient,
    content: AuthedClient,
    budget: AuthedClient,
    final: AuthedClient;
  let otherContent: AuthedClient;
  let planId: string;

  const plan = async () => (await editor.get(`/api/plans/${planId}`)).body;
  const lines = (p: { activities: { budgetLines: Line[] }[] }) => p.activities.flatMap((a) => a.budgetLines);
  const pending = async (c: AuthedClient, fn: string) => {
    const inbox = await c.get('/api/reviews?mine=true&status=PENDING');
    expect(inbox.status).toBe(200);
    return (inbox.body.items as (Review & { planId: string })[]).find(
      (r) => r.planId === planId && r.function === fn,
    );
  };
  const events = async (type?: string) =>
    t.sql<{ type: string; seq: number }>(
      `SELECT type, seq FROM app.events WHERE stream_id = $1 ${type ? 'AND type = $2' : ''} ORDER BY seq`,
      type ? [planId, type] : [planId],
    );

  beforeAll(async () => {
    t = await startTestHost(host);
    [editor, submitter, content, budget, final, otherContent] = await Promise.all(
      ['hp.editor', 'hp.submitter', 'hp.sngv', 'hp.stc', 'hp.ubnd', 'dn.sngv'].map((l) => t.as(l)),
    );
    planId = (await editor.get('/api/plans')).body.items[0].id;
  });
  afterAll(() => t.close());

  it('only the union’s submitter submits; an editor cannot', async () => {
    expect((await editor.post(`/api/plans/${planId}/submit`)).status).toBe(403);
    expect((await (await t.as('dn.submitter')).post(`/api/plans/${planId}/submit`)).status).toBe(404);
  });

  it('submits once per Idempotency-Key and opens stage 1 in parallel', async () => {
    const [a, b] = [
      await submitter.post(`/api/plans/${planId}/submit`).set('Idempotency-Key', 'submit-1'),
      await submitter.post(`/api/plans/${planId}/submit`).set('Idempotency-Key', 'submit-1'),
    ];
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.status).toBe('IN_APPRAISAL');
    expect(await events('PlanSubmitted')).toHaveLength(1);
    const open = (a.body.reviews as Review[]).filter((r) => r.status === 'PENDING');
    expect(open.map((r) => r.function).sort()).toEqual(['BUDGET', 'CONTENT']);
    expect(open.every((r) => r.stage === 1 && r.round === 1)).toBe(true);
  });

  it('routes the plan to the province’s agencies only', async () => {
    expect(await pending(content, 'CONTENT')).toBeDefined();
    expect(await pending(budget, 'BUDGET')).toBeDefined();
    expect((await content.get(`/api/plans/${planId}`)).status).toBe(200);
    expect((await otherContent.get(`/api/plans/${planId}`)).status).toBe(404);
    expect((await otherContent.get('/api/reviews?mine=true')).body.items).toEqual([]);
    expect((await final.get(`/api/plans/${planId}`)).status).toBe(404); // stage 2 not open yet
  });

  it('refuses content edits once submitted (the version is immutable)', async () => {
    const res = await editor.patch(`/api/plans/${planId}`, { title: 'changed' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
  });

  it('refuses decisions from the wrong agency, without a reason, or with bad amounts', async () => {
    const budgetReview = (await pending(budget, 'BUDGET'))!;
    const wrongAgency = await content.post(`/api/reviews/${budgetReview.id}/decision`, {
      decision: 'APPROVE',
    });
    expect(wrongAgency.status).toBe(403);
    const noReason = await budget.post(`/api/reviews/${budgetReview.id}/decision`, {
      decision: 'REQUEST_REVISION',
      comment: '  ',
    });
    expect(noReason.status).toBe(422);
    const p = await plan();
    const ls = lines(p);
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
    expect((await pending(budget, 'BUDGET'))!.status).toBe('PENDING');
  });

  it('finance approves with partial funding; 20 concurrent decisions: exactly one succeeds', async () => {
    const review = (await pending(budget, 'BUDGET'))!;
    const ls = lines(await plan());
    const body = {
      decision: 'APPROVE',
      comment: 'Đồng ý, giảm chi tiếp khách',
      lines: ls.map((l) => ({ budgetLineId: l.id, approvedAmount: Math.floor(l.amount * 0.8) })),
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => budget.post(`/api/reviews/${review.id}/decision`, body)),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await events('ReviewDecided')).toHaveLength(1);
  });

  it('foreign affairs requests a revision with a reason; the union sees it', async () => {
    const review = (await pending(content, 'CONTENT'))!;
    const res = await content.post(`/api/reviews/${review.id}/decision`, {
      decision: 'REQUEST_REVISION',
      comment: 'Bổ sung kết quả dự kiến của hoạt động HĐ-03',
    });
    expect(res.status).toBe(200);
    const p = await plan();
    expect(p.status).toBe('REVISION_REQUESTED');
    expect((p.reviews as Review[]).find((r) => r.id === review.id)!.comment).toMatch(/HĐ-03/);
    const notes = await editor.get('/api/notifications');
    expect(notes.body.items.some((n: { kind: string }) => n.kind === 'REVISION_REQUESTED')).toBe(true);
  });

  it('the union edits and resubmits: a new immutable version with a readable diff', async () => {
    const p = await plan();
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
    const re = await submitter.post(`/api/plans/${planId}/submit`);
    expect(re.status).toBe(200);
    expect(re.body.submittedVersion).toBe(2);
    const versions = await editor.get(`/api/plans/${planId}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const diff = await editor.get(`/api/plans/${planId}/versions/2/diff?against=1`);
    expect(diff.status).toBe(200);
    expect(JSON.stringify(diff.body.changes)).toContain(line.id);
    expect(JSON.stringify(diff.body.changes)).toContain('Ký thỏa thuận hợp tác giai đoạn mới');
  });

  it('a decision on the superseded round is stale', async () => {
    const old = (await plan()).reviews.find((r: Review) => r.round === 1 && r.function === 'BUDGET');
    const res = await budget.post(`/api/reviews/${old.id}/decision`, { decision: 'APPROVE' });
    expect(res.status).toBe(409);
    expect(['STALE_VERSION', 'ALREADY_DECIDED']).toContain(res.body.code);
  });

  it('both approve stage 1, the People’s Committee gives final approval with its decision record', async () => {
    const ls = lines(await plan());
    const b = (await pending(budget, 'BUDGET'))!;
    expect(b.round).toBe(2);
    // The finance appraiser is away: a colleague without the APPRAISER role acts for her under a delegation.
    const deputy = await t.as('hp.stc2');
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
    expect(decided.body).toMatchObject({ decidedByName: 'Bùi Đức Long', actingForName: 'Lê Thị Mai' });
    const c = (await pending(content, 'CONTENT'))!;
    expect(
      (await content.post(`/api/reviews/${c.id}/decision`, { decision: 'APPROVE', comment: 'Đạt' })).status,
    ).toBe(200);
    const f = (await pending(final, 'FINAL'))!;
    expect(f.stage).toBe(2);
    const noRecord = await final.post(`/api/reviews/${f.id}/decision`, { decision: 'APPROVE' });
    expect(noRecord.status).toBe(422);
    const ok = await final.post(`/api/reviews/${f.id}/decision`, {
      decision: 'APPROVE',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2026-12-20',
      signer: 'Chủ tịch UBND thành phố',
    });
    expect(ok.status).toBe(200);
    const p = await plan();
    expect(p.status).toBe('APPROVED');
    expect(p.decision).toMatchObject({ number: '1234/QĐ-UBND', date: '2026-12-20' });
    const approved = lines(p);
    expect(approved[0].approvedAmount).toBe(0);
    expect(approved.slice(1).every((l: Line) => l.approvedAmount === l.amount)).toBe(true);
    expect(p.totals.approved.total).toBe(
      approved.reduce((s: number, l: Line) => s + (l.approvedAmount ?? 0), 0),
    );
  });

  it('the history is complete and verifies; tampering with one row is found', async () => {
    const h = await editor.get(`/api/plans/${planId}/history`);
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
    const v = await content.get(`/api/plans/${planId}/history/verify`);
    expect(v.body).toEqual({ valid: true, events: h.body.items.length });

    await t.sql(
      `UPDATE app.events SET payload = jsonb_set(payload, '{comment}', '"sửa lén"') WHERE stream_id = $1 AND seq = $2`,
      [planId, h.body.items.find((e: { type: string }) => e.type === 'ReviewDecided').seq],
    );
    const broken = await editor.get(`/api/plans/${planId}/history/verify`);
    expect(broken.body.valid).toBe(false);
    expect(broken.body.brokenAt).toBe(
      h.body.items.find((e: { type: string }) => e.type === 'ReviewDecided').seq,
    );
  });
});
