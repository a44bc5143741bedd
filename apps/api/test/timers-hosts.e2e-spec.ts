import { until } from '../../../test/support/until';
import { DEFAULT_HOLIDAY_DATES_VN, WorkingDayCalendar } from '@vufo/domain';
import { APPROVAL_HOSTS, startTestHost, TestHost } from '../../../test/support/hosts';
import { central, openCycle, province, world, World } from '../../../test/support/factories';

/**
 * The chain's deadlines on both hosts, with the same assertions. The embedded host's timers follow
 * the API's clock, which the test moves; the Temporal host's are workflow timers on the real clock,
 * so there the test makes the deadline fall where it needs it: already past (an API clock set in
 * the past when the command is decided) or a few seconds ahead. Embedded-only mechanics (the
 * timers table, several API instances, a restart while due) are in timers.e2e-spec.ts.
 */

/** A Monday, well in the past: a 1-working-day SLA decided then fell due long ago. */
const LONG_AGO = new Date('2026-11-02T03:00:00Z');
const calendar = new WorkingDayCalendar(DEFAULT_HOLIDAY_DATES_VN);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(APPROVAL_HOSTS)('deadlines on the %s host', (host) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost(host, { seedDemo: false });
  });
  afterAll(() => t.close());

  const overdue = (planId: string) =>
    t.sql<{ seq: number }>(`SELECT seq FROM app.events WHERE stream_id = $1 AND type = 'ReviewOverdue'`, [
      planId,
    ]);

  /** A draft in a cycle with a 1-working-day review SLA and a submission deadline two months ahead. */
  async function draft(): Promise<World> {
    t.clock.setNow(new Date());
    const ahead = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const cycle = await openCycle(t, {
      submissionDeadline: ahead,
      reviewSlaDays: 1,
      reminderWorkingDays: [1],
    });
    return world(t, { cycle });
  }

  /** Submits with the API's clock at `at`: the review SLA is one working day after it. */
  async function submitAt(w: World, at: Date): Promise<Date> {
    t.clock.setNow(at);
    const res = await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`);
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    // Decided a few milliseconds after `at`: the SLA is due as many milliseconds after this.
    return new Date(calendar.addWorkingDays(at, 1).getTime() + 1000);
  }

  it('a review SLA that has passed marks both reviews overdue and escalates, once', async () => {
    const w = await draft();
    const { consolidator } = await central(t);
    const due = await submitAt(w, LONG_AGO);
    // Embedded: the API's clock moves past the deadline. Temporal: the real clock is long past it.
    if (t.host === 'embedded') t.clock.setNow(new Date(due.getTime() + 60_000));
    else expect(due.getTime()).toBeLessThan(Date.now());
    await until(
      () => overdue(w.plan.id),
      (r) => r.length === 2,
    );
    for (const appraiser of [w.province.content, w.province.budget]) {
      const inbox = await appraiser.get('/api/reviews?mine=true&status=PENDING');
      const mine = (inbox.body.items as { planId: string; overdue: boolean }[]).filter(
        (r) => r.planId === w.plan.id,
      );
      expect(mine).toEqual([expect.objectContaining({ overdue: true })]);
    }
    const escalated = await t.sql<{ user_id: string }>(
      `SELECT user_id FROM app.notifications WHERE kind = 'REVIEW_OVERDUE' AND plan_id = $1`,
      [w.plan.id],
    );
    expect(escalated.map((n) => n.user_id)).toEqual(
      expect.arrayContaining([w.province.content.user.id, w.province.budget.user.id, consolidator.user.id]),
    );
    // Whatever restarts after it, it has fired.
    if (t.workers) {
      await t.workers.stopAll();
      await t.workers.start();
    }
    await sleep(1500);
    expect(await overdue(w.plan.id)).toHaveLength(2);
    const verify = await w.province.editor.get(`/api/plans/${w.plan.id}/history/verify`);
    expect(verify.body).toMatchObject({ valid: true });
  });

  it('a review SLA that falls due while nothing runs the timers fires exactly once when they are back', async () => {
    const w = await draft();
    // The API's clock one working day before "a few seconds from now", when today is a working day.
    const target = new Date(Date.now() + 6_000);
    let at = new Date(target.getTime() - 86_400_000);
    while (calendar.addWorkingDays(at, 1).getTime() > target.getTime() && at > LONG_AGO)
      at = new Date(at.getTime() - 86_400_000);
    const due = await submitAt(w, at);
    // The runner goes down before the deadline: the embedded host's is the API itself (its clock
    // stops short of the deadline), the Temporal host's are the workers.
    if (t.host === 'embedded') t.clock.setNow(new Date(due.getTime() - 60_000));
    else await t.workers!.stopAll();
    const waitFor = due.getTime() - Date.now() + 1500;
    if (t.host === 'temporal' && waitFor > 0 && waitFor < 30_000) {
      await sleep(waitFor);
      // Due, but no worker runs the workflow: nothing fired yet.
      expect(await overdue(w.plan.id)).toHaveLength(0);
    }
    // Back: two workers (or the API's clock past the deadline), each able to fire it.
    if (t.host === 'embedded') t.clock.setNow(new Date(due.getTime() + 60_000));
    else await Promise.all([t.workers!.start(), t.workers!.start()]);
    await until(
      () => overdue(w.plan.id),
      (r) => r.length >= 2,
    );
    await sleep(1500);
    expect(await overdue(w.plan.id)).toHaveLength(2);
    // One firing per review's timer, each recorded once.
    const firings = await t.sql<{ key: string; n: number }>(
      `SELECT idempotency_key AS key, count(*)::int AS n FROM app.events
        WHERE stream_id = $1 AND type = 'ReviewOverdue' GROUP BY 1`,
      [w.plan.id],
    );
    expect(firings.map((f) => [f.key.startsWith('timer:'), f.n])).toEqual([
      [true, 1],
      [true, 1],
    ]);
  });

  const count = async (planId: string) =>
    Object.fromEntries(
      (
        await t.sql<{ type: string; n: number }>(
          `SELECT type, count(*)::int AS n FROM app.events WHERE stream_id = $1 AND idempotency_key LIKE 'timer:%'
            GROUP BY type`,
          [planId],
        )
      ).map((r) => [r.type, r.n]),
    );

  it('a passed submission deadline: each reminder and the overdue fire once, and the central union hears of it', async () => {
    t.clock.setNow(LONG_AGO);
    // Friday 13/11/2026: reminders 5 and 1 working days before, all long past on the real clock.
    const cycle = await openCycle(t, { submissionDeadline: '2026-11-13', reminderWorkingDays: [5, 1] });
    const w = await world(t, { cycle });
    const { consolidator } = await central(t);
    if (t.host === 'embedded') t.clock.setNow(new Date('2026-11-14T03:00:00Z'));
    await until(
      () => count(w.plan.id),
      (c) => c.SubmissionOverdue === 1 && c.SubmissionReminderDue === 2,
    );
    const [row] = await t.sql<{ flags: Record<string, unknown> }>(
      `SELECT flags FROM app.plans WHERE id = $1`,
      [w.plan.id],
    );
    expect(row.flags).toMatchObject({ submissionOverdue: true });
    const told = await t.sql(
      `SELECT 1 FROM app.notifications WHERE user_id = $1 AND plan_id = $2 AND kind = 'SUBMISSION_OVERDUE'`,
      [consolidator.user.id, w.plan.id],
    );
    expect(told).toHaveLength(1);
    await sleep(1500);
    expect(await count(w.plan.id)).toEqual({ SubmissionOverdue: 1, SubmissionReminderDue: 2 });
  });

  it('a passed revision SLA marks the plan overdue once', async () => {
    const w = await draft();
    await submitAt(w, LONG_AGO);
    const review = (await w.province.content.get('/api/reviews?mine=true&status=PENDING')).body.items.find(
      (r: { planId: string }) => r.planId === w.plan.id,
    );
    const res = await w.province.content.post(`/api/reviews/${review.id}/decision`, {
      decision: 'REQUEST_REVISION',
      comment: 'Bổ sung dự toán chi tiết',
    });
    expect([res.status, res.body.code]).toEqual([200, undefined]);
    if (t.host === 'embedded') t.clock.setNow(new Date('2026-12-01T00:00:00Z'));
    await until(
      () => count(w.plan.id),
      (c) => c.RevisionOverdue === 1,
    );
    const [row] = await t.sql<{ flags: Record<string, unknown> }>(
      `SELECT flags FROM app.plans WHERE id = $1`,
      [w.plan.id],
    );
    expect(row.flags).toMatchObject({ revisionOverdue: true });
    await sleep(1500);
    expect((await count(w.plan.id)).RevisionOverdue).toBe(1);
  });

  it('a union that never starts a plan is reminded and told of the deadline once; a drafting union is not told twice', async () => {
    // The union exists before the cycle opens: on Temporal the cycle's checkpoints are long past
    // on the real clock and are reached as soon as the cycle's workflow starts.
    const [idle, { consolidator }] = await Promise.all([province(t), central(t)]);
    t.clock.setNow(LONG_AGO);
    const cycle = await openCycle(t, { submissionDeadline: '2026-11-13', reminderWorkingDays: [5, 1] });
    const drafting = await world(t, { cycle });
    if (t.host === 'embedded') t.clock.setNow(new Date('2026-11-14T03:00:00Z'));
    const notices = (userId: string) =>
      t.sql<{ kind: string; checkpoint: string }>(
        `SELECT kind, params->>'checkpoint' AS checkpoint FROM app.notifications
          WHERE user_id = $1 AND plan_id IS NULL AND params->>'cycleId' = $2
          ORDER BY params->>'dueAt'`,
        [userId, cycle.id],
      );
    const expected = [
      { kind: 'SUBMISSION_REMINDER', checkpoint: 'reminder:5' },
      { kind: 'SUBMISSION_REMINDER', checkpoint: 'reminder:1' },
      { kind: 'SUBMISSION_OVERDUE', checkpoint: 'deadline' },
    ];
    await until(
      () => notices(idle.submitter.user.id),
      (r) => r.length === 3,
    );
    // The union without a plan hears each checkpoint once; the central union hears of its lateness.
    expect(await notices(idle.submitter.user.id)).toEqual(expected);
    const central2 = await t.sql<{ union_id: string }>(
      `SELECT params->>'unionId' AS union_id FROM app.notifications
        WHERE user_id = $1 AND kind = 'SUBMISSION_OVERDUE' AND plan_id IS NULL AND params->>'cycleId' = $2`,
      [consolidator.user.id, cycle.id],
    );
    // Other tests' unions have no plan in this cycle either; the drafting union is not among them.
    expect(central2.map((r) => r.union_id)).toContain(idle.unionId);
    expect(central2.filter((r) => r.union_id === idle.unionId)).toHaveLength(1);
    if (t.host === 'embedded')
      expect(central2.map((r) => r.union_id)).not.toContain(drafting.province.unionId);
    // The drafting union's plan reminds it (its own timers): no cycle-level copy. Embedded only:
    // on Temporal the checkpoints, past on the real clock, are reached before its plan exists
    // (apps/worker/test/activities.e2e-spec.ts checks the same rule on the Temporal activity).
    if (t.host === 'embedded') expect(await notices(drafting.province.submitter.user.id)).toEqual([]);
    if (t.workers) {
      await t.workers.stopAll();
      await t.workers.start();
    }
    await sleep(1500);
    expect(await notices(idle.submitter.user.id)).toEqual(expected);
  });
});
