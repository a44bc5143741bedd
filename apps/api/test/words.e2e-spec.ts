import { startTestApp, TestApp } from '../../../test/support/test-app';
import { renderMail } from '../src/notifications/mail-text';
import { central, draftPlan, openCycle, province, world } from '../../../test/support/factories';

/**
 * Issue 12: server texts in the user's language, the dashboard's approval rates over submitted
 * plans only, and a deadline extension for a union that has not started its plan.
 */
describe('words: problem texts, dashboard rates, extensions before a plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  describe('problem title and detail follow Accept-Language', () => {
    const wrongLogin = () =>
      t.http().post('/api/auth/login').send({ login: 'nobody', password: 'nothing-at-all' });

    it('are Vietnamese by default, with no English sentence', async () => {
      const res = await wrongLogin();
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 'UNAUTHENTICATED',
        title: 'Chưa đăng nhập',
        detail: 'Sai tên đăng nhập hoặc mật khẩu.',
      });
      expect(res.headers['content-language']).toBe('vi');
    });

    it('are English with Accept-Language: en', async () => {
      const res = await wrongLogin().set('Accept-Language', 'en-GB,en;q=0.9,vi;q=0.5');
      expect(res.body).toMatchObject({ title: 'Not signed in', detail: 'Wrong login or password.' });
      expect(res.headers['content-language']).toBe('en');
    });

    it('translate known messages with their values, and fall back to the code’s sentence', async () => {
      const { consolidator } = await central(t);
      const cycle = await openCycle(t);
      const dup = (lang?: string) => {
        const req = consolidator.post('/api/cycles', {
          year: cycle.year,
          submissionDeadline: cycle.submissionDeadline,
          reviewSlaDays: 10,
          revisionSlaDays: 5,
        });
        return lang ? req.set('Accept-Language', lang) : req;
      };
      const vi = await dup();
      expect(vi.status).toBe(409);
      expect(vi.body).toMatchObject({
        code: 'CONFLICT',
        title: 'Xung đột dữ liệu',
        detail: `Đã có kỳ kế hoạch năm ${cycle.year}.`,
      });
      expect((await dup('en')).body).toMatchObject({
        title: 'Conflict',
        detail: `A cycle for ${cycle.year} exists.`,
      });

      // Bad input names its fields in Vietnamese words around them; English keeps the original.
      const bad = await consolidator.post('/api/cycles', { year: 'x' });
      expect(bad.status).toBe(422);
      expect(bad.body.title).toBe('Thông tin chưa hợp lệ');
      expect(bad.body.detail).toMatch(/^Thông tin chưa hợp lệ ở: .*year/);
      // Each field's message too: Vietnamese by default, the original English on request.
      const cycleBody = {
        year: cycle.year + 1,
        submissionDeadline: cycle.submissionDeadline,
        reviewSlaDays: 0,
        revisionSlaDays: 5,
        colour: 'red',
      };
      const fieldsVi = await consolidator.post('/api/cycles', cycleBody);
      expect(fieldsVi.status).toBe(422);
      expect(fieldsVi.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'reviewSlaDays', message: 'không được nhỏ hơn 1' },
          { field: 'colour', message: 'trường colour không được chấp nhận' },
        ]),
      );
      const fieldsEn = await consolidator.post('/api/cycles', cycleBody).set('Accept-Language', 'en');
      expect(fieldsEn.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'reviewSlaDays', message: 'reviewSlaDays must not be less than 1' },
          { field: 'colour', message: 'property colour should not exist' },
        ]),
      );
      // An unknown route: Nest's English sentence becomes the code's own.
      const missing = await consolidator.get('/api/no-such-thing');
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        title: 'Không tìm thấy',
        detail: 'Không tìm thấy nội dung, hoặc bạn không có quyền xem.',
      });
      const missingEn = await consolidator.get('/api/no-such-thing').set('Accept-Language', 'en');
      expect(missingEn.body.title).toBe('Not found');
    });
  });

  it('the dashboard’s approval base counts submitted plans only, not drafts', async () => {
    const { consolidator } = await central(t);
    const cycle = await openCycle(t);
    const submitted = await world(t, { cycle });
    const draft = await world(t, { cycle });
    expect((await submitted.province.submitter.post(`/api/plans/${submitted.plan.id}/submit`)).status).toBe(
      200,
    );
    const sum = (plan: typeof submitted.plan) =>
      plan.activities.flatMap((a) => a.budgetLines).reduce((s, l) => s + Number(l.amount), 0);
    const res = await consolidator.get(`/api/cycles/${cycle.id}/dashboard`);
    expect(res.status).toBe(200);
    expect(Number(res.body.totals.requested)).toBe(sum(submitted.plan) + sum(draft.plan));
    expect(Number(res.body.totals.submittedRequested)).toBe(sum(submitted.plan));
    const bySource = res.body.totals.byFundingSource as {
      requested: number;
      submittedRequested: number | null;
    }[];
    expect(bySource.reduce((s, r) => s + Number(r.submittedRequested ?? 0), 0)).toBe(sum(submitted.plan));
    expect(bySource.reduce((s, r) => s + Number(r.requested), 0)).toBe(sum(submitted.plan) + sum(draft.plan));
  });

  it('an extension granted while the union creates its plan is never lost', async () => {
    const { leader } = await central(t);
    const cycle = await openCycle(t);
    const newDeadline = new Date(Date.parse(cycle.submissionDeadline) + 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (let i = 0; i < 6; i++) {
      const union = await province(t);
      const [granted, created] = await Promise.all([
        leader.post(`/api/cycles/${cycle.id}/extensions`, {
          organizationId: union.unionId,
          newDeadline,
          reason: 'Sáp nhập tỉnh',
        }),
        union.editor.post(`/api/cycles/${cycle.id}/plans`, { title: 'Kế hoạch năm 2027' }),
      ]);
      expect([granted.status, created.status]).toEqual([201, 201]);
      const plan = await union.editor.get(`/api/plans/${created.body.id}`);
      const submission = (plan.body.deadlines as { key: string; dueAt: string }[]).find(
        (d) => d.key === 'submission-deadline',
      );
      expect(submission?.dueAt).toBe(granted.body.newDeadline);
    }
  });

  it('a leader extends a union that has not started its plan; the plan it creates takes that deadline', async () => {
    const { leader, consolidator } = await central(t);
    const cycle = await openCycle(t);
    const late = await province(t);
    const grant = (newDeadline: string, reason = 'Sáp nhập tỉnh, chưa kiện toàn bộ máy') =>
      leader.post(`/api/cycles/${cycle.id}/extensions`, {
        organizationId: late.unionId,
        newDeadline,
        reason,
      });

    // Not earlier than the cycle's own deadline, not by anyone else.
    expect((await grant(cycle.submissionDeadline)).status).toBe(422);
    expect(
      (
        await consolidator.post(`/api/cycles/${cycle.id}/extensions`, {
          organizationId: late.unionId,
          newDeadline: '2099-01-01',
          reason: 'x',
        })
      ).status,
    ).toBe(403);

    const newDeadline = new Date(Date.parse(cycle.submissionDeadline) + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const res = await grant(newDeadline);
    expect(res.status).toBe(201);
    expect(res.body.planIds).toEqual([]);
    expect(res.body.newDeadline.startsWith(newDeadline)).toBe(true);
    // A retried request records the grant once.
    expect((await grant(newDeadline)).status).toBe(201);

    // Recorded: who, when, why.
    const rows = await t.sql(
      `SELECT e.reason, e.new_deadline, u.login, e.granted_at FROM app.submission_extensions e
         JOIN app.users u ON u.id = e.granted_by WHERE e.cycle_id = $1 AND e.organization_id = $2`,
      [cycle.id, late.unionId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reason: 'Sáp nhập tỉnh, chưa kiện toàn bộ máy',
      login: leader.user.login,
    });
    expect(rows[0].granted_at).toBeInstanceOf(Date);

    // The dashboard shows the union's new deadline before it has a plan.
    const dash = await consolidator.get(`/api/cycles/${cycle.id}/dashboard`);
    const row = (
      dash.body.provinces as { organizationId: string; status: string; submissionDeadline: string }[]
    ).find((p) => p.organizationId === late.unionId);
    expect(row).toMatchObject({ status: 'NOT_STARTED' });
    expect(row!.submissionDeadline).toBe(res.body.newDeadline);

    // The plan the union creates later starts from the extended deadline.
    const plan = await draftPlan(late.editor, cycle.id, { content: [] });
    const submission = (plan.deadlines as { key: string; dueAt: string }[]).find(
      (d) => d.key === 'submission-deadline',
    );
    expect(submission?.dueAt).toBe(res.body.newDeadline);

    // Another union in the same cycle keeps the cycle's deadline.
    const other = await draftPlan((await province(t)).editor, cycle.id, { content: [] });
    const otherDue = (other.deadlines as { key: string; dueAt: string }[]).find(
      (d) => d.key === 'submission-deadline',
    );
    expect(Date.parse(otherDue!.dueAt)).toBeLessThan(Date.parse(res.body.newDeadline));
  });
});

describe('mail texts in the administration’s words', () => {
  it('an agency’s opinion is not an approval, and the People’s Committee’s decision is not doubled', () => {
    const agency = renderMail([
      {
        kind: 'REVIEW_DECIDED',
        params: { planTitle: 'KH 2027', decidedBy: 'Sở Ngoại vụ', function: 'CONTENT', decision: 'APPROVE' },
      },
    ]);
    expect(agency.subject).toBe(
      'Kế hoạch "KH 2027": Sở Ngoại vụ đã có ý kiến thẩm định nội dung — Thống nhất.',
    );
    const final = renderMail([
      {
        kind: 'REVIEW_DECIDED',
        params: { planTitle: 'KH 2027', decidedBy: 'UBND', function: 'FINAL', decision: 'APPROVE' },
      },
    ]);
    expect(final.subject).toBe('Kế hoạch "KH 2027": UBND — Phê duyệt.');
    expect(final.subject).not.toMatch(/Phê duyệt.*Phê duyệt/);
  });

  it('dates and quarters as officers write them', () => {
    const due = renderMail([
      { kind: 'ROLLOUT_REPORT_DUE', params: { planTitle: 'KH 2027', period: '2027-Q3' } },
      { kind: 'SUBMISSION_OVERDUE', params: { planTitle: 'KH 2027', dueAt: '2026-12-18T16:59:59.999Z' } },
    ]);
    expect(due.text).toContain('Quý III/2027');
    expect(due.text).toContain('(hạn 18/12/2026)');
  });
});
