import { DEADLINE, PlanHarness, actors, approveAll } from '../../test/plan-fixtures';
import { deadlines, nextPeriod, periodOf, rolloutReportDueAt } from './deadlines';
import type { Deadline, PlanCommand } from './types';

const local = (s: string) => new Date(`${s}+07:00`).toISOString();
const fire = (d: Pick<Deadline, 'key' | 'timer' | 'dueAt'>): PlanCommand => ({
  type: 'DeadlineReached',
  actor: actors.system,
  key: d.key,
  timer: d.timer,
  dueAt: d.dueAt,
});

describe('deadlines()', () => {
  it('a DRAFT plan waits for its submission reminders and deadline', () => {
    const h = new PlanHarness().create();
    expect(deadlines(h.s)).toEqual([
      { key: 'submission-reminder:5', timer: 'SUBMISSION_REMINDER', dueAt: local('2026-06-23T23:59:59.999') },
      { key: 'submission-reminder:1', timer: 'SUBMISSION_REMINDER', dueAt: local('2026-06-29T23:59:59.999') },
      { key: 'submission-deadline', timer: 'SUBMISSION_DEADLINE', dueAt: DEADLINE },
    ]);
  });

  it('a plan in appraisal waits for each pending review of the round: reminder one working day before, then SLA', () => {
    const h = new PlanHarness().create().submit();
    const [c, b] = [h.review('CONTENT').id, h.review('BUDGET').id];
    expect(deadlines(h.s)).toEqual([
      {
        key: `review-reminder:${c}`,
        timer: 'REVIEW_REMINDER',
        dueAt: local('2026-06-12T09:00:00'),
        reviewId: c,
      },
      {
        key: `review-reminder:${b}`,
        timer: 'REVIEW_REMINDER',
        dueAt: local('2026-06-12T09:00:00'),
        reviewId: b,
      },
      { key: `review-sla:${c}`, timer: 'REVIEW_SLA', dueAt: local('2026-06-15T09:00:00'), reviewId: c },
      { key: `review-sla:${b}`, timer: 'REVIEW_SLA', dueAt: local('2026-06-15T09:00:00'), reviewId: b },
    ]);
    h.must({ type: 'DecideReview', actor: actors.contentAppraiser, reviewId: c, decision: 'APPROVE' });
    expect(deadlines(h.s).map((d) => d.reviewId)).toEqual([b, b]);
  });

  it('a plan sent back waits for the revision reminder and SLA', () => {
    const h = new PlanHarness().create().submit();
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'REQUEST_REVISION',
      comment: 'x',
    });
    expect(deadlines(h.s)).toEqual([
      { key: 'revision-reminder:1', timer: 'REVISION_REMINDER', dueAt: local('2026-06-05T09:00:00') },
      { key: 'revision-sla:1', timer: 'REVISION_SLA', dueAt: local('2026-06-08T09:00:00') },
    ]);
  });

  it('quarters and report due dates', () => {
    expect(periodOf(local('2027-03-31T23:00:00'))).toBe('2027-Q1');
    expect(periodOf(local('2027-04-01T00:30:00'))).toBe('2027-Q2');
    expect(nextPeriod('2027-Q4')).toBe('2028-Q1');
    expect(rolloutReportDueAt('2027-Q1', 15)).toBe(local('2027-04-15T23:59:59.999'));
    expect(rolloutReportDueAt('2027-Q4', 15)).toBe(local('2028-01-15T23:59:59.999'));
    expect(rolloutReportDueAt('2028-Q1', 0)).toBe(local('2028-03-31T23:59:59.999'));
  });
});

describe('DeadlineReached', () => {
  it('submission reminders, then overdue', () => {
    const h = new PlanHarness().create();
    const [five, one, deadline] = deadlines(h.s);
    h.at(five.dueAt);
    const [reminder] = h.must(fire(five));
    expect(reminder).toEqual({
      type: 'SubmissionReminderDue',
      key: five.key,
      dueAt: five.dueAt,
      daysBefore: 5,
      deadline: DEADLINE,
      firedAt: h.now,
    });
    expect(deadlines(h.s).map((d) => d.key)).toEqual([one.key, deadline.key]);
    h.at(local('2026-07-01T00:00:00'));
    expect(h.must(fire(deadline)).map((e) => e.type)).toEqual(['SubmissionOverdue']);
    expect(h.s.flags.submissionOverdue).toBe(true);
    // A late reminder that was never fired still fires (its time has come while the plan is not submitted).
    expect(h.must(fire(one)).map((e) => e.type)).toEqual(['SubmissionReminderDue']);
  });

  it('does nothing, and says why, once the plan was submitted', () => {
    const h = new PlanHarness().create();
    const [five] = deadlines(h.s);
    h.submit().at(five.dueAt);
    const d = h.send(fire(five));
    expect(d).toEqual({ ok: true, events: [], note: expect.stringContaining('already submitted') });
    expect(deadlines(h.s).some((x) => x.timer.startsWith('SUBMISSION'))).toBe(false);
  });

  it('does nothing for a review already decided', () => {
    const h = new PlanHarness().create().submit();
    const sla = deadlines(h.s).find((d) => d.timer === 'REVIEW_SLA' && d.reviewId === h.review('BUDGET').id)!;
    h.must({
      type: 'DecideReview',
      actor: actors.budgetAppraiser,
      reviewId: sla.reviewId!,
      decision: 'APPROVE',
      lines: approveAll(h.s),
    });
    h.at(sla.dueAt);
    expect(h.send(fire(sla))).toEqual({ ok: true, events: [], note: expect.stringContaining('is APPROVED') });
  });

  it('flags a review overdue and escalates once', () => {
    const h = new PlanHarness().create().submit();
    const id = h.review('CONTENT').id;
    const reminder = deadlines(h.s).find((d) => d.key === `review-reminder:${id}`)!;
    const sla = deadlines(h.s).find((d) => d.key === `review-sla:${id}`)!;
    h.at(reminder.dueAt);
    expect(h.must(fire(reminder))[0]).toMatchObject({
      type: 'ReviewReminderDue',
      reviewId: id,
      reviewDueAt: sla.dueAt,
    });
    h.at(sla.dueAt);
    expect(h.must(fire(sla))[0]).toMatchObject({ type: 'ReviewOverdue', reviewId: id });
    expect(h.s.reviews.find((r) => r.id === id)!.overdue).toBe(true);
    expect(deadlines(h.s).some((d) => d.reviewId === id)).toBe(false);
    // The overdue review can still be decided.
    h.must({ type: 'DecideReview', actor: actors.contentAppraiser, reviewId: id, decision: 'APPROVE' });
  });

  it('revision reminder, then overdue; cleared by the resubmission', () => {
    const h = new PlanHarness().create().submit();
    h.must({
      type: 'DecideReview',
      actor: actors.contentAppraiser,
      reviewId: h.review('CONTENT').id,
      decision: 'REQUEST_REVISION',
      comment: 'x',
    });
    const [reminder, sla] = deadlines(h.s);
    h.at(sla.dueAt);
    expect(h.must(fire(reminder)).map((e) => e.type)).toEqual(['RevisionReminderDue']);
    expect(h.must(fire(sla)).map((e) => e.type)).toEqual(['RevisionOverdue']);
    expect(h.s.flags.revisionOverdue).toBe(true);
    h.at(local('2026-06-08T09:01:00'));
    const [submitted] = h.must({
      type: 'Submit',
      actor: actors.submitter,
      content: h.s.content!,
      agencies: h.s.agencies,
    });
    expect(submitted).toMatchObject({ late: true });
    expect(h.s.flags.revisionOverdue).toBe(false);
  });

  it('a moved deadline: the old firing is a no-op, the new one fires', () => {
    const h = new PlanHarness().create();
    h.must({
      type: 'GrantExtension',
      actor: actors.leader,
      newDeadline: local('2026-07-15T23:59:59.999'),
      reason: 'x',
    });
    h.at(local('2026-07-01T00:00:00'));
    expect(
      h.send(fire({ key: 'submission-deadline', timer: 'SUBMISSION_DEADLINE', dueAt: DEADLINE })),
    ).toEqual({
      ok: true,
      events: [],
      note: expect.stringContaining('moved'),
    });
    h.at(local('2026-07-16T00:00:00'));
    expect(
      h
        .must(
          fire({
            key: 'submission-deadline',
            timer: 'SUBMISSION_DEADLINE',
            dueAt: local('2026-07-15T23:59:59.999'),
          }),
        )
        .map((e) => e.type),
    ).toEqual(['SubmissionOverdue']);
  });

  it('an extension after the deadline fired re-arms it for the new time', () => {
    const h = new PlanHarness().create().at(local('2026-07-01T00:00:00'));
    h.must(fire({ key: 'submission-deadline', timer: 'SUBMISSION_DEADLINE', dueAt: DEADLINE }));
    expect(deadlines(h.s).some((d) => d.key === 'submission-deadline')).toBe(false);
    h.must({
      type: 'GrantExtension',
      actor: actors.leader,
      newDeadline: local('2026-07-03T23:59:59.999'),
      reason: 'x',
    });
    expect(deadlines(h.s).find((d) => d.key === 'submission-deadline')!.dueAt).toBe(
      local('2026-07-03T23:59:59.999'),
    );
  });

  it('ignores early, mismatched or unknown timers, with a note', () => {
    const h = new PlanHarness().create();
    const [five] = deadlines(h.s);
    expect(h.send(fire(five))).toEqual({ ok: true, events: [], note: expect.stringContaining('not due') });
    h.at(five.dueAt);
    expect(h.send(fire({ ...five, timer: 'REVIEW_SLA' }))).toEqual({
      ok: true,
      events: [],
      note: expect.stringContaining('SUBMISSION_REMINDER'),
    });
    expect(h.send(fire({ key: 'nonsense', timer: 'REVIEW_SLA', dueAt: five.dueAt }))).toEqual({
      ok: true,
      events: [],
      note: expect.any(String),
    });
    expect(h.send(fire({ ...five, dueAt: 'yesterday' }))).toEqual({
      ok: true,
      events: [],
      note: expect.any(String),
    });
    expect(h.events.filter((e) => e.type !== 'PlanCreated')).toEqual([]);
  });

  it('is sent by the system only', () => {
    const h = new PlanHarness().create();
    const [five] = deadlines(h.s);
    h.at(five.dueAt);
    const d = h.send({ ...fire(five), actor: actors.admin } as PlanCommand);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.error.code).toBe('FORBIDDEN');
  });
});
