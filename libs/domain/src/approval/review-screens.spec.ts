import { actors, AGENCIES, content, DECISION_RECORD, PlanHarness } from '../../test/plan-fixtures';
import type { PlanContent } from './types';

/** Issue 12: the rules behind the review screens, decided the same way on both hosts. */
describe('over-norm justification at submission', () => {
  const overNorm = { article: '7.3a', circular: '35/2026/TT-BTC', cap: 7_700_000, unit: 'person-day' };
  const withFlag = (justification: string | null): PlanContent => {
    const c = content();
    c.activities[0].budgetLines[0] = {
      ...c.activities[0].budgetLines[0],
      overNorm,
      normJustification: justification,
    };
    return c;
  };

  it('refuses a line above its norm without a justification, naming the line', () => {
    for (const blank of [null, '', '   ']) {
      const h = new PlanHarness().create();
      const d = h.send({
        type: 'Submit',
        actor: actors.submitter,
        content: withFlag(blank),
        agencies: AGENCIES,
      });
      expect(d.ok).toBe(false);
      if (d.ok) return;
      expect(d.error.code).toBe('NORM_JUSTIFICATION_REQUIRED');
      expect(d.error.errors).toEqual([
        { field: 'budgetLines[bl-1].normJustification', message: expect.stringContaining('Accommodation') },
      ]);
      expect(h.s.status).toBe('DRAFT');
    }
  });

  it('accepts it with one; lines within their norm (or snapshots without the flag) need none', () => {
    expect(
      new PlanHarness().create().submit(withFlag('Khách cấp cao, khách sạn theo yêu cầu an ninh')).s.status,
    ).toBe('IN_APPRAISAL');
    expect(new PlanHarness().create().submit(content()).s.status).toBe('IN_APPRAISAL');
  });
});

describe('decision date', () => {
  it('is refused after today in Asia/Ho_Chi_Minh, and nothing changes', () => {
    const h = new PlanHarness().create().submit().approveStage1();
    // 2026-06-01T17:30Z is already 2 June, 00:30 in Hanoi: 2 June is today there, 3 June is not.
    h.at('2026-06-01T17:30:00Z');
    const final = h.review('FINAL').id;
    const future = h.send({
      type: 'DecideReview',
      actor: actors.finalAppraiser,
      reviewId: final,
      decision: 'APPROVE',
      decisionRecord: { ...DECISION_RECORD, date: '2026-06-03' },
    });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', errors: [{ field: 'decisionRecord.date' }] },
    });
    expect(h.review('FINAL').status).toBe('PENDING');
    h.must({
      type: 'DecideReview',
      actor: actors.finalAppraiser,
      reviewId: final,
      decision: 'APPROVE',
      decisionRecord: { ...DECISION_RECORD, date: '2026-06-02' },
    });
    expect(h.s.status).toBe('APPROVED');
  });
});
