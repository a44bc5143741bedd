import { AuthedClient, TestApp } from '../../../test/support/test-app';
import { APPROVAL_HOSTS, startTestHost } from '../../../test/support/hosts';
import {
  ActivityInput,
  PLAN_CONTENT,
  province,
  Province,
  user,
  world,
} from '../../../test/support/factories';

/**
 * Issue 12, the review screens over HTTP: over-norm lines need a justification at submission,
 * the plan view carries what the final signer decides on, decision dates are not in the future,
 * and a delegation states its reason.
 */
// On both hosts: the justification and decision-date rules are the machine's, judged on ctx.now.
describe.each(APPROVAL_HOSTS)(
  'review screens on the %s host: justification, what the signer sees, decision dates, delegation reasons',
  (host) => {
    let t: TestApp;
    let hp: Province;

    beforeAll(async () => {
      t = await startTestHost(host, { seedDemo: false });
      hp = await province(t);
    });
    afterAll(() => t.close());

    // A class-B head of delegation at 9.4M a night: above the 7.7M norm (point a, clause 3, Art. 7, Circular 35/2026).
    const OVER_NORM: ActivityInput = {
      code: 'HĐ-09',
      title: 'Đón Đoàn đại biểu Hội hữu nghị Nhật - Việt tỉnh Kanagawa',
      type: 'DELEGATION_IN',
      lines: [
        {
          category: 'ACCOMMODATION',
          description: 'Phòng nghỉ trưởng đoàn (khách hạng B)',
          quantity: 4,
          unit: 'người-ngày',
          unitCost: 9_400_000,
          fundingSource: 'STATE_BUDGET',
          guestClass: 'B',
          memberRole: 'HEAD',
        },
      ],
    };
    type Line = {
      id: string;
      amount: number;
      normJustification: string | null;
      overNorm: { capAmount: number; article: string } | null;
      approvedAmount: number | null;
    };
    type Plan = {
      id: string;
      status: string;
      activities: { code: string; title: string; budgetLines: Line[] }[];
      reviews: {
        id: string;
        function: string;
        status: string;
        comment: string | null;
        lines: { budgetLineId: string; approvedAmount: string; comment?: string }[] | null;
      }[];
      decision: { date: string } | null;
    };
    const read = async (c: AuthedClient, id: string) => (await c.get(`/api/plans/${id}`)).body as Plan;
    const lines = (p: Plan) => p.activities.flatMap((a) => a.budgetLines);
    const overLine = (p: Plan) => lines(p).find((l) => l.overNorm && l.amount === 37_600_000)!;
    const pendingReview = async (c: AuthedClient, planId: string) =>
      (
        (await c.get('/api/reviews?mine=true&status=PENDING')).body.items as { id: string; planId: string }[]
      ).find((r) => r.planId === planId)!.id;
    const eventCount = async (planId: string) =>
      (
        await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM app.events WHERE stream_id = $1', [planId])
      )[0].n;
    /** A local (Asia/Ho_Chi_Minh) date, `days` from the app's today. */
    const localDate = (days: number) =>
      new Date(t.clock.now().getTime() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

    /** A plan with an over-norm line, justified and through stage 1 (content and budget approved). */
    const atFinalStage = async () => {
      const w = await world(t, { province: hp, plan: { content: [...PLAN_CONTENT, OVER_NORM] } });
      for (const line of lines(await read(w.province.editor, w.plan.id)).filter((l) => l.overNorm)) {
        const patched = await w.province.editor.patch(`/api/budget-lines/${line.id}`, {
          normJustification: 'Khách cấp cao, khách sạn theo yêu cầu bảo vệ',
        });
        expect(patched.status).toBe(200);
      }
      const submitted = await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`);
      expect([submitted.status, submitted.body.errors]).toEqual([200, undefined]);
      const content = await pendingReview(w.province.content, w.plan.id);
      expect(
        (
          await w.province.content.post(`/api/reviews/${content}/decision`, {
            decision: 'APPROVE',
            comment: 'Nội dung phù hợp chương trình đối ngoại nhân dân của tỉnh.',
          })
        ).status,
      ).toBe(200);
      const budget = await pendingReview(w.province.budget, w.plan.id);
      const p = await read(w.province.budget, w.plan.id);
      const decided = await w.province.budget.post(`/api/reviews/${budget}/decision`, {
        decision: 'APPROVE',
        comment: 'Thống nhất, tính phòng nghỉ trưởng đoàn theo định mức.',
        lines: lines(p).map((l) => ({
          budgetLineId: l.id,
          approvedAmount: l.overNorm ? l.overNorm.capAmount : l.amount,
          ...(l.overNorm ? { comment: 'Theo định mức 7.700.000 đồng/người/ngày' } : {}),
        })),
      });
      expect(decided.status).toBe(200);
      return { ...w, finalReview: await pendingReview(w.province.final, w.plan.id) };
    };

    it('submission of a line above its norm without a justification is 422 NORM_JUSTIFICATION_REQUIRED naming it; with one it goes', async () => {
      const w = await world(t, { province: hp, plan: { content: [OVER_NORM] } });
      const line = overLine(await read(w.province.editor, w.plan.id));
      // The API says what the line comes to at its norm: 4 × 7,700,000.
      expect(line.overNorm).toMatchObject({ capAmount: 30_800_000, article: '7.3a' });
      expect(line.normJustification).toBeNull();
      const before = await eventCount(w.plan.id);

      const refused = await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('NORM_JUSTIFICATION_REQUIRED');
      expect(refused.body.errors).toEqual([
        {
          field: `budgetLines[${line.id}].normJustification`,
          message: expect.stringContaining('Phòng nghỉ trưởng đoàn'),
        },
      ]);
      expect((await read(w.province.editor, w.plan.id)).status).toBe('DRAFT');
      expect(await eventCount(w.plan.id)).toBe(before);

      const patched = await w.province.editor.patch(`/api/budget-lines/${line.id}`, {
        normJustification: 'Khách cấp cao, khách sạn theo yêu cầu bảo vệ',
      });
      expect(patched.status).toBe(200);
      expect(patched.body.normJustification).toBe('Khách cấp cao, khách sạn theo yêu cầu bảo vệ');
      const submitted = await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('IN_APPRAISAL');
      // Kept on the line, for the reviewers.
      const seen = overLine(await read(w.province.content, w.plan.id));
      expect(seen.normJustification).toBe('Khách cấp cao, khách sạn theo yêu cầu bảo vệ');
    });

    it('the plan view carries what the final signer decides on: requested, appraised, the finance opinion', async () => {
      const w = await atFinalStage();
      const p = await read(w.province.final, w.plan.id);
      const budget = p.reviews.find((r) => r.function === 'BUDGET')!;
      expect(budget).toMatchObject({
        status: 'APPROVED',
        comment: 'Thống nhất, tính phòng nghỉ trưởng đoàn theo định mức.',
      });
      const line = overLine(p);
      expect(line).toMatchObject({ amount: 37_600_000, normJustification: expect.any(String) });
      expect(budget.lines).toEqual(
        expect.arrayContaining([
          {
            budgetLineId: line.id,
            approvedAmount: '30800000',
            comment: 'Theo định mức 7.700.000 đồng/người/ngày',
          },
        ]),
      );
      expect(budget.lines).toHaveLength(lines(p).length);
      expect(p.reviews.find((r) => r.function === 'CONTENT')?.comment).toMatch(/Nội dung phù hợp/);
    });

    it('a decision dated after today (Asia/Ho_Chi_Minh) is 422 and changes nothing; today is accepted', async () => {
      const w = await atFinalStage();
      const before = await eventCount(w.plan.id);
      const record = { decisionNumber: '1234/QĐ-UBND', signer: 'Chủ tịch UBND tỉnh' };
      const future = await w.province.final.post(`/api/reviews/${w.finalReview}/decision`, {
        decision: 'APPROVE',
        ...record,
        decisionDate: localDate(1),
      });
      expect(future.status).toBe(422);
      expect(future.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'decisionRecord.date' }],
      });
      expect(await eventCount(w.plan.id)).toBe(before);
      const p = await read(w.province.final, w.plan.id);
      expect(p.status).toBe('IN_APPRAISAL');
      expect(p.reviews.find((r) => r.id === w.finalReview)?.status).toBe('PENDING');

      const today = await w.province.final.post(`/api/reviews/${w.finalReview}/decision`, {
        decision: 'APPROVE',
        ...record,
        decisionDate: localDate(0),
      });
      expect(today.status).toBe(200);
      const approved = await read(w.province.final, w.plan.id);
      expect(approved).toMatchObject({ status: 'APPROVED', decision: { date: localDate(0) } });
      expect(overLine(approved).approvedAmount).toBe(30_800_000);
    });

    it('a delegation without a reason is 422 naming the field, and nothing is recorded', async () => {
      const before = (await hp.budget.get('/api/delegations')).body.items.length as number;
      const toUserId = (await user(t, hp.agencies.BUDGET!, [])).user.id;
      const now = t.clock.now().getTime();
      for (const reason of [undefined, '', '   ']) {
        const res = await hp.budget.post('/api/delegations', {
          toUserId,
          validFrom: new Date(now).toISOString(),
          validTo: new Date(now + 86_400_000).toISOString(),
          ...(reason === undefined ? {} : { reason }),
        });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
        );
      }
      expect((await hp.budget.get('/api/delegations')).body.items).toHaveLength(before);
    });
  },
);
