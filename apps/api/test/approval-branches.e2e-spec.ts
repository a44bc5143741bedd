import { AuthedClient, startTestApp, TestApp } from '../../../test/support/test-app';
import { APPROVAL_HOSTS, startTestHost } from '../../../test/support/hosts';
import { central, Cycle, openCycle, province, Province, world, World } from '../../../test/support/factories';

type Notification = {
  id: string;
  kind: string;
  readAt: string | null;
  planId?: string | null;
  body?: string;
};

/** The branches off the happy path: extension, withdrawal, rejection; and what users are told. */
describe.each(APPROVAL_HOSTS)(
  'approval branches on the %s host: extension, withdrawal, rejection, notifications',
  (host) => {
    let t: TestApp;
    // Read-only for every test: the central union's users, a cycle, the union whose plans the tests
    // draft (each in a cycle of its own) and a union that is not the plan's.
    let leader: AuthedClient, consolidator: AuthedClient;
    let cycleId: string;
    let hp: Province, other: Province;

    const eventTypes = async (planId: string) =>
      (
        await t.sql<{ type: string }>('SELECT type FROM app.events WHERE stream_id = $1 ORDER BY seq', [
          planId,
        ])
      ).map((e) => e.type);

    beforeAll(async () => {
      t = await startTestHost(host, { seedDemo: false });
      let cycle: Cycle;
      [{ leader, consolidator }, cycle, hp, other] = await Promise.all([
        central(t),
        openCycle(t),
        province(t),
        province(t),
      ]);
      cycleId = cycle.id;
    });
    afterAll(() => t.close());

    /** A fresh union's plan, submitted, with its two open stage-1 reviews. */
    const submitted = async () => {
      const w = await world(t, { province: hp });
      expect((await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`)).status).toBe(200);
      const find = async (c: AuthedClient) => {
        const r = (
          (await c.get('/api/reviews?mine=true&status=PENDING')).body.items as {
            id: string;
            planId: string;
          }[]
        ).find((x) => x.planId === w.plan.id);
        expect(r).toBeDefined();
        return r!.id;
      };
      const [contentReview, budgetReview] = [await find(w.province.content), await find(w.province.budget)];
      return { ...w, contentReview, budgetReview };
    };
    const rejectionReason = 'Hoạt động không phù hợp với chủ trương đối ngoại nhân dân năm 2027';

    describe('extension of the submission deadline', () => {
      it('only a LEADER grants it, with a valid date and a reason', async () => {
        const { province: dn, plan, cycle } = await world(t, { province: hp });
        const [dnPlan, cycleId] = [plan.id, cycle.id];
        const body = {
          organizationId: dn.unionId,
          newDeadline: '2027-01-15',
          reason: 'Sáp nhập tỉnh, cần thêm thời gian',
        };
        expect((await consolidator.post(`/api/cycles/${cycleId}/extensions`, body)).status).toBe(403);
        for (const bad of [
          { ...body, newDeadline: '15/01/2027' },
          { ...body, reason: undefined },
          { ...body, organizationId: 'not-a-uuid' },
          { ...body, extra: 1 },
        ]) {
          const res = await leader.post(`/api/cycles/${cycleId}/extensions`, bad);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }
        expect(await eventTypes(dnPlan)).not.toContain('SubmissionDeadlineExtended');
      });

      it('moves the union’s deadline and is audited', async () => {
        const { province: dn, plan: draft, cycle } = await world(t, { province: hp });
        const [dnPlan, dnOrg, dnEditor, cycleId] = [draft.id, dn.unionId, dn.editor, cycle.id];
        const res = await leader
          .post(`/api/cycles/${cycleId}/extensions`, {
            organizationId: dnOrg,
            newDeadline: '2027-01-15',
            reason: 'Sáp nhập tỉnh, cần thêm thời gian',
          })
          .set('Idempotency-Key', 'ext-dn-1');
        expect(res.status).toBe(201);
        expect(res.body.planIds).toEqual([dnPlan]);
        const again = await leader
          .post(`/api/cycles/${cycleId}/extensions`, {
            organizationId: dnOrg,
            newDeadline: '2027-01-15',
            reason: 'Sáp nhập tỉnh, cần thêm thời gian',
          })
          .set('Idempotency-Key', 'ext-dn-1');
        expect(again.status).toBe(201);
        expect((await eventTypes(dnPlan)).filter((x) => x === 'SubmissionDeadlineExtended')).toHaveLength(1);
        const plan = (await dnEditor.get(`/api/plans/${dnPlan}`)).body;
        const submission = (plan.deadlines as { key: string; dueAt: string }[]).find(
          (d) => d.key === 'submission-deadline',
        );
        expect(submission).toBeDefined();
        expect(submission!.dueAt.startsWith('2027-01-15')).toBe(true);
        const history = (await dnEditor.get(`/api/plans/${dnPlan}/history`)).body.items as {
          type: string;
          actorName: string;
        }[];
        expect(history.find((e) => e.type === 'SubmissionDeadlineExtended')?.actorName).toBe(
          leader.user.displayName,
        );
      });
    });

    describe('withdrawal', () => {
      it('the union’s submitter withdraws a draft; it is then closed to edits and submission', async () => {
        const { province: dn, plan } = await world(t, { province: hp });
        const [dnPlan, dnEditor, dnSubmitter] = [plan.id, dn.editor, dn.submitter];
        expect((await dnEditor.post(`/api/plans/${dnPlan}/withdraw`, {})).status).toBe(403);
        expect((await other.submitter.post(`/api/plans/${dnPlan}/withdraw`, {})).status).toBe(404);
        const res = await dnSubmitter.post(`/api/plans/${dnPlan}/withdraw`, {
          reason: 'Gộp vào kế hoạch tỉnh mới',
        });
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('WITHDRAWN');
        const submit = await dnSubmitter.post(`/api/plans/${dnPlan}/submit`);
        expect(submit.status).toBe(409);
        expect(submit.body.code).toBe('INVALID_TRANSITION');
        const edit = await dnEditor.patch(`/api/plans/${dnPlan}`, { title: 'Sửa sau khi rút' });
        expect(edit.status).toBe(409);
        expect((await dnEditor.get(`/api/plans/${dnPlan}`)).body.title).not.toBe('Sửa sau khi rút');
        expect(await eventTypes(dnPlan)).toContain('PlanWithdrawn');
      });
    });

    describe('rejection', () => {
      it('needs a reason', async () => {
        const { province: hp, plan, contentReview } = await submitted();
        const res = await hp.content.post(`/api/reviews/${contentReview}/decision`, { decision: 'REJECT' });
        expect(res.status).toBe(422);
        expect((await hp.submitter.get(`/api/plans/${plan.id}`)).body.status).toBe('IN_APPRAISAL');
        expect(await eventTypes(plan.id)).not.toContain('ReviewDecided');
      });

      it('is terminal: the plan is REJECTED and the parallel review can no longer be decided', async () => {
        const { province: hp, plan, contentReview, budgetReview } = await submitted();
        const hpPlan = plan.id;
        const res = await hp.content.post(`/api/reviews/${contentReview}/decision`, {
          decision: 'REJECT',
          comment: rejectionReason,
        });
        expect(res.status).toBe(200);
        expect((await hp.submitter.get(`/api/plans/${hpPlan}`)).body.status).toBe('REJECTED');
        const late = await hp.budget.post(`/api/reviews/${budgetReview}/decision`, {
          decision: 'APPROVE',
          lines: [],
        });
        expect(late.status).toBe(409);
        expect((await hp.submitter.post(`/api/plans/${hpPlan}/submit`)).status).toBe(409);
        expect((await hp.submitter.post(`/api/plans/${hpPlan}/withdraw`, {})).status).toBe(409);
        const verify = (await hp.submitter.get(`/api/plans/${hpPlan}/history/verify`)).body;
        expect(verify.valid).toBe(true);
      });
    });

    describe('routing', () => {
      it('a union with no agency for a required function cannot submit, and is told which function', async () => {
        const admin = await t.as(t.config.adminLogin, t.config.adminPassword);
        const org = await admin.post('/api/organizations', {
          code: 'QT',
          nameVi: 'Liên hiệp các tổ chức hữu nghị tỉnh Quảng Trị',
          nameEn: 'Quang Tri Union',
          kind: 'PROVINCIAL_UNION',
          provinceCode: 'QT',
        });
        expect(org.status).toBe(201);
        // Only a finance agency: content and final review have nobody to go to.
        const stc = await admin.post('/api/organizations', {
          code: 'QT-STC',
          nameVi: 'Sở Tài chính Quảng Trị',
          nameEn: 'Quang Tri Finance',
          kind: 'APPRAISAL_AGENCY',
          provinceCode: 'QT',
          servesOrganizationId: org.body.id,
          function: 'BUDGET',
        });
        expect(stc.status).toBe(201);
        const user = await admin.post('/api/users', {
          login: 'qt.lead',
          password: 'mat-khau-quang-tri',
          displayName: 'Lê Văn Quang',
          organizationId: org.body.id,
          roles: ['PLAN_EDITOR', 'PLAN_SUBMITTER'],
        });
        expect(user.status).toBe(201);
        const qt = await t.as('qt.lead', 'mat-khau-quang-tri');
        const plan = await qt.post(`/api/cycles/${cycleId}/plans`, { title: 'Kế hoạch đối ngoại 2027' });
        expect(plan.status).toBe(201);
        const activity = await qt.post(`/api/plans/${plan.body.id}/activities`, {
          title: 'Giao lưu hữu nghị Việt – Lào',
          type: 'FRIENDSHIP_EXCHANGE',
        });
        expect(activity.status).toBe(201);
        const line = await qt.post(`/api/activities/${activity.body.id}/budget-lines`, {
          category: 'OTHER',
          description: 'Tổ chức giao lưu',
          quantity: 1,
          unit: 'buổi',
          unitCost: 15_000_000,
          fundingSource: 'STATE_BUDGET',
        });
        expect(line.status).toBe(201);
        const submit = await qt.post(`/api/plans/${plan.body.id}/submit`);
        expect(submit.status).toBe(422);
        expect(submit.body.code).toBe('NO_AGENCY_FOR_FUNCTION');
        expect(submit.body.detail).toMatch(/CONTENT|FINAL/);
        expect((await qt.get(`/api/plans/${plan.body.id}`)).body.status).toBe('DRAFT');
        expect(await eventTypes(plan.body.id)).not.toContain('PlanSubmitted');
      });
    });

    describe('in-app notifications', () => {
      it('tell the union about the rejection with its reason; only the recipient can mark them read', async () => {
        const { province: hp, plan, contentReview } = await submitted();
        const [hpPlan, hpSubmitter, dnSubmitter] = [plan.id, hp.submitter, other.submitter];
        const rejected0 = await hp.content.post(`/api/reviews/${contentReview}/decision`, {
          decision: 'REJECT',
          comment: rejectionReason,
        });
        expect(rejected0.status).toBe(200);
        const list = await hpSubmitter.get('/api/notifications?unread=true');
        expect(list.status).toBe(200);
        const items = list.body.items as Notification[];
        const rejected = items.find((n) => n.planId === hpPlan && /REJECT/.test(n.kind));
        expect(rejected).toBeDefined();
        expect(JSON.stringify(rejected)).toContain('không phù hợp');

        expect((await dnSubmitter.post(`/api/notifications/${rejected!.id}/read`)).status).toBe(404);
        expect((await hpSubmitter.post(`/api/notifications/not-a-uuid/read`)).status).toBe(422);
        expect((await hpSubmitter.post(`/api/notifications/${rejected!.id}/read`)).status).toBe(204);
        const unread = (await hpSubmitter.get('/api/notifications?unread=true')).body.items as Notification[];
        expect(unread.find((n) => n.id === rejected!.id)).toBeUndefined();

        const all = await hpSubmitter.post('/api/notifications/read-all');
        expect(all.status).toBe(201);
        expect(all.body.marked).toBe(unread.length);
        expect((await hpSubmitter.get('/api/notifications?unread=true')).body.items).toHaveLength(0);
        expect((await hpSubmitter.get('/api/notifications?unread=maybe')).status).toBe(422);
      });
    });
  },
);

describe('proposals', () => {
  let t: TestApp;
  // Read-only for every test: the central union's consolidator, the proposing union (each test
  // drafts its plan in a cycle of its own), and another union's plan.
  let consolidator: AuthedClient;
  let hp: Province;
  let dn: World;

  const count = async () =>
    Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM app.proposals'))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
    [{ consolidator }, hp, dn] = await Promise.all([central(t), province(t), world(t)]);
  });
  afterAll(() => t.close());

  const adjustment = (planId: string) => ({
    kind: 'BUDGET_ADJUSTMENT',
    title: 'Bổ sung kinh phí đón đoàn Hội hữu nghị Nhật Bản',
    content: 'Đoàn tăng từ 8 lên 12 người.',
    planId,
    requestedAmount: 48_000_000,
    fundingSource: 'STATE_BUDGET',
  });

  it('a union drafts a budget adjustment to its plan and a recommendation; visible to it and central roles only', async () => {
    // A cycle of its own, so the consolidator's list holds exactly this union's proposals.
    const { plan, cycle } = await world(t, { province: hp });
    const [hpEditor, hpSubmitter, dnEditor, cycleId] = [
      hp.editor,
      hp.submitter,
      dn.province.editor,
      cycle.id,
    ];
    const adj = await hpEditor.post(`/api/cycles/${cycleId}/proposals`, adjustment(plan.id));
    expect(adj.status).toBe(201);
    expect(adj.body.requestedAmount).toBe(48_000_000);
    const rec = await hpEditor.post(`/api/cycles/${cycleId}/proposals`, {
      kind: 'RECOMMENDATION',
      title: 'Kiến nghị hướng dẫn định mức tiếp khách cấp xã sau sáp nhập',
    });
    expect(rec.status).toBe(201);

    expect((await hpEditor.get(`/api/proposals?cycleId=${cycleId}`)).body.items).toHaveLength(2);
    expect((await dnEditor.get('/api/proposals')).body.items).toHaveLength(0);
    expect((await dnEditor.get(`/api/proposals/${adj.body.id}`)).status).toBe(404);
    expect((await dnEditor.patch(`/api/proposals/${adj.body.id}`, { title: 'x' })).status).toBe(404);
    const central = (await consolidator.get(`/api/proposals?cycleId=${cycleId}`)).body.items as {
      id: string;
    }[];
    expect(central.map((x) => x.id).sort()).toEqual([adj.body.id, rec.body.id].sort());
    expect(
      (await hpSubmitter.post(`/api/cycles/${cycleId}/proposals`, { kind: 'RECOMMENDATION', title: 'x' }))
        .status,
    ).toBe(403);
  });

  it('refuses bad input with a 4xx problem and stores nothing', async () => {
    const { plan, cycle } = await world(t, { province: hp });
    const [hpEditor, cycleId] = [hp.editor, cycle.id];
    const before = await count();
    const base = {
      kind: 'BUDGET_ADJUSTMENT',
      title: 'Điều chỉnh',
      planId: plan.id,
      fundingSource: 'STATE_BUDGET',
    };
    const bad: object[] = [
      { ...base, requestedAmount: -1 },
      { ...base, requestedAmount: 1.5 },
      { ...base, requestedAmount: 2 ** 53 + 2 },
      { ...base, requestedAmount: 'một triệu' },
      { ...base, kind: 'GIFT' },
      { ...base, title: '' },
      { ...base, title: 'x'.repeat(100_000) },
      { ...base, fundingSource: 'LOTTERY' },
      { ...base, planId: 'not-a-uuid' },
      { ...base, planId: undefined },
      { ...base, unknownField: true },
      { ...base, title: 42 },
    ];
    for (const body of bad) {
      const res = await hpEditor.post(`/api/cycles/${cycleId}/proposals`, body);
      expect([400, 413, 422]).toContain(res.status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(typeof res.body.code).toBe('string');
    }
    expect(
      (
        await hpEditor.post(`/api/cycles/${cycleId}/proposals`, {
          ...base,
          requestedAmount: 1_000_000,
          planId: dn.plan.id,
        })
      ).status,
    ).toBe(422);
    expect(await count()).toBe(before);
  });

  it('edits under If-Match: a stale version is 409 and changes nothing', async () => {
    const { plan, cycle } = await world(t, { province: hp });
    const hpEditor = hp.editor;
    const created = await hpEditor.post(`/api/cycles/${cycle.id}/proposals`, adjustment(plan.id));
    expect(created.status).toBe(201);
    const p = (await hpEditor.get(`/api/proposals/${created.body.id}`)).body;
    const ok = await hpEditor
      .patch(`/api/proposals/${p.id}`, { requestedAmount: 52_000_000 })
      .set('If-Match', String(p.version));
    expect(ok.status).toBe(200);
    expect(ok.body.requestedAmount).toBe(52_000_000);
    const stale = await hpEditor
      .patch(`/api/proposals/${p.id}`, { requestedAmount: 1 })
      .set('If-Match', String(p.version));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect((await hpEditor.patch(`/api/proposals/${p.id}`, { requestedAmount: -5 })).status).toBe(422);
    expect((await hpEditor.get(`/api/proposals/${p.id}`)).body.requestedAmount).toBe(52_000_000);
  });
});
