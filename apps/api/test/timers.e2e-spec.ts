import { until } from '../../../test/support/until';
import { createTestDatabase, startTestApp, TestApp } from '../../../test/support/test-app';
import { central, openCycle, TEST_PASSWORD, world, World } from '../../../test/support/factories';

// The cycle's submission deadline is 18/12/2026, end of day in Asia/Ho_Chi_Minh.
const DEADLINE = '2026-12-18';
const AFTER_DEADLINE = new Date('2026-12-19T03:00:00Z');
const BEFORE_REMINDERS = new Date('2026-11-23T03:00:00Z');

const countByPlan = (t: TestApp, type: string) =>
  t.sql<{ stream_id: string; n: number }>(
    `SELECT stream_id, count(*)::int AS n FROM app.events WHERE type = $1 GROUP BY stream_id ORDER BY stream_id`,
    [type],
  );

/** Two unions' draft plans in a cycle whose deadline is DEADLINE, on an app started before the reminders. */
async function twoDraftPlans(t: TestApp): Promise<[World, World]> {
  const cycle = await openCycle(t, { year: 2027, submissionDeadline: DEADLINE, reviewSlaDays: 10 });
  return Promise.all([world(t, { cycle }), world(t, { cycle })]);
}

describe('durable timers', () => {
  it('a deadline that came due while the app was down fires exactly once on the next start', async () => {
    const db = await createTestDatabase();
    const first = await startTestApp({ databaseUrl: db, clockAt: BEFORE_REMINDERS, seedDemo: false });
    const [a, b] = await twoDraftPlans(first);
    const { consolidator } = await central(first);
    const timers = await first.sql<{ stream_id: string; due_at: Date }>(
      `SELECT stream_id, due_at FROM app.timers WHERE key LIKE 'submission-deadline%' ORDER BY stream_id`,
    );
    expect(timers.map((x) => x.stream_id)).toEqual([a.plan.id, b.plan.id].sort());
    expect(timers.map((x) => x.due_at.toISOString())).toEqual([
      '2026-12-18T16:59:59.999Z',
      '2026-12-18T16:59:59.999Z',
    ]);
    expect(await countByPlan(first, 'SubmissionOverdue')).toEqual([]);
    await first.close();

    const second = await startTestApp({ databaseUrl: db, clockAt: AFTER_DEADLINE, seedDemo: false });
    const fired = await until(
      () => countByPlan(second, 'SubmissionOverdue'),
      (r) => r.length === 2,
    );
    expect(fired).toEqual([a.plan.id, b.plan.id].sort().map((id) => ({ stream_id: id, n: 1 })));
    const flagged = await second.sql<{ id: string; flags: Record<string, unknown> }>(
      `SELECT id, flags FROM app.plans ORDER BY id`,
    );
    expect(flagged).toHaveLength(2);
    for (const p of flagged)
      expect(p.flags).toMatchObject({ submissionOverdue: true, revisionOverdue: false });
    const central2 = await second.sql(
      `SELECT n.kind FROM app.notifications n WHERE n.user_id = $1 AND n.kind = 'SUBMISSION_OVERDUE'`,
      [consolidator.user.id],
    );
    expect(central2.length).toBe(2);
    const history = await (
      await second.as(a.province.editor.user.login, TEST_PASSWORD)
    ).get(`/api/plans/${a.plan.id}/history`);
    expect(history.status).toBe(200);
    expect(
      (history.body.items as { type: string }[]).filter((e) => e.type === 'SubmissionOverdue'),
    ).toHaveLength(1);
    await second.close();

    const third = await startTestApp({ databaseUrl: db, clockAt: AFTER_DEADLINE, seedDemo: false });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await countByPlan(third, 'SubmissionOverdue')).map((r) => r.n)).toEqual([1, 1]);
    await third.close();
  });

  it('two app instances on one database: no timer fires twice', async () => {
    const db = await createTestDatabase();
    const seed = await startTestApp({ databaseUrl: db, clockAt: BEFORE_REMINDERS, seedDemo: false });
    await twoDraftPlans(seed);
    const due = await seed.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.timers WHERE due_at <= $1`,
      [AFTER_DEADLINE],
    );
    expect(due[0].n).toBe(6); // two reminders and the deadline, per plan
    await seed.close();

    const [a, b] = await Promise.all([
      startTestApp({
        databaseUrl: db,
        clockAt: AFTER_DEADLINE,
        seedDemo: false,
        env: { TIMER_POLL_MS: '20' },
      }),
      startTestApp({
        databaseUrl: db,
        clockAt: AFTER_DEADLINE,
        seedDemo: false,
        env: { TIMER_POLL_MS: '20' },
      }),
    ]);
    await until(
      () =>
        a.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM app.timers WHERE fired_at IS NULL AND due_at <= $1`,
          [AFTER_DEADLINE],
        ),
      (r) => r[0].n === 0,
    );
    const firings = await a.sql<{ key: string; n: number }>(
      `SELECT payload->>'key' AS key, stream_id, count(*)::int AS n FROM app.events
        WHERE type IN ('SubmissionReminderDue','SubmissionOverdue') GROUP BY 1, 2`,
    );
    expect(firings).toHaveLength(6);
    expect(firings.every((f) => f.n === 1)).toBe(true);
    // A firing may record several events under its key, each of a different type; a second firing
    // would repeat the types.
    const dupes = await a.sql(
      `SELECT stream_id, idempotency_key FROM app.events WHERE idempotency_key LIKE 'timer:%'
        GROUP BY 1, 2 HAVING count(*) <> count(DISTINCT type)`,
    );
    expect(dupes).toEqual([]);
    // Every timer marked fired left its events, and every firing belongs to a timer.
    const [tally] = await a.sql<{ fired: number; firings: number }>(
      `SELECT (SELECT count(*)::int FROM app.timers WHERE fired_at IS NOT NULL) AS fired,
              (SELECT count(DISTINCT (stream_id, idempotency_key))::int FROM app.events
                WHERE idempotency_key LIKE 'timer:%') AS firings`,
    );
    expect(tally.firings).toBe(tally.fired);
    expect(tally.fired).toBe(6);
    await Promise.all([a.close(), b.close()]);
  });

  it('a review SLA fires an overdue flag and an escalation to the agency and the central union', async () => {
    const t = await startTestApp({ clockAt: BEFORE_REMINDERS, seedDemo: false });
    const cycle = await openCycle(t, { year: 2027, submissionDeadline: DEADLINE, reviewSlaDays: 10 });
    const { province, plan } = await world(t, { cycle });
    const { consolidator } = await central(t);
    const planId = plan.id;
    expect((await province.submitter.post(`/api/plans/${planId}/submit`)).status).toBe(200);
    const sla = await t.sql<{ due_at: Date }>(
      `SELECT due_at FROM app.timers WHERE stream_id = $1 AND timer = 'REVIEW_SLA'`,
      [planId],
    );
    expect(sla).toHaveLength(2);
    // 10 working days after Monday 23/11/2026 is Monday 7/12/2026, same time of day.
    expect(sla.map((x) => x.due_at.toISOString().slice(0, 10))).toEqual(['2026-12-07', '2026-12-07']);
    t.clock.setNow(new Date(sla[0].due_at.getTime() + 60_000));
    await until(
      () => t.sql(`SELECT 1 FROM app.events WHERE stream_id = $1 AND type = 'ReviewOverdue'`, [planId]),
      (r) => r.length === 2,
    );
    for (const appraiser of [province.content, province.budget]) {
      const inbox = await appraiser.get('/api/reviews?mine=true&status=PENDING');
      const review = (inbox.body.items as { planId: string; overdue: boolean }[]).filter(
        (r) => r.planId === planId,
      );
      expect(review).toEqual([expect.objectContaining({ overdue: true })]);
    }
    const escalations = await t.sql<{ login: string }>(
      `SELECT u.login FROM app.notifications n JOIN app.users u ON u.id = n.user_id WHERE n.kind = 'REVIEW_OVERDUE' ORDER BY 1`,
    );
    expect(escalations.map((e) => e.login)).toEqual(
      expect.arrayContaining([
        province.content.user.login,
        province.budget.user.login,
        consolidator.user.login,
      ]),
    );
    await t.close();
  });
  it('due timers fire as a set; one that cannot fire is retried on its own and holds up no other', async () => {
    const db = await createTestDatabase();
    const seed = await startTestApp({ databaseUrl: db, clockAt: BEFORE_REMINDERS, seedDemo: false });
    const [bad, good] = (await twoDraftPlans(seed)).map((w) => w.plan.id);
    // A state the machine refuses every command in: firing its timers fails inside the set.
    await seed.sql(`UPDATE app.plans SET machine_state = '{"status":"UNKNOWN"}'::jsonb WHERE id = $1`, [bad]);
    await seed.close();

    const t = await startTestApp({
      databaseUrl: db,
      clockAt: AFTER_DEADLINE,
      seedDemo: false,
      env: { TIMER_POLL_MS: '50' },
    });
    const timersOf = (id: string) =>
      t.sql<{ key: string; fired_at: Date | null; attempts: number; last_error: string | null }>(
        `SELECT key, fired_at, attempts, last_error FROM app.timers WHERE stream_id = $1 AND due_at <= $2`,
        [id, AFTER_DEADLINE],
      );
    const goodTimers = await until(
      () => timersOf(good),
      (r) => r.length >= 3 && r.every((x) => x.fired_at !== null),
    );
    expect(goodTimers).toHaveLength(3);
    expect(goodTimers.every((x) => x.fired_at !== null)).toBe(true);
    const badTimers = await until(
      () => timersOf(bad),
      (r) => r.length >= 3 && r.every((x) => x.attempts >= 2),
    );
    expect(badTimers).toHaveLength(3);
    expect(badTimers.every((x) => x.fired_at === null && x.attempts >= 2)).toBe(true);
    expect(badTimers.every((x) => (x.last_error ?? '').length > 0)).toBe(true);
    const events = await t.sql<{ stream_id: string; n: number }>(
      `SELECT stream_id, count(*)::int AS n FROM app.events
        WHERE type IN ('SubmissionReminderDue','SubmissionOverdue') GROUP BY stream_id`,
    );
    expect(events).toEqual([{ stream_id: good, n: goodTimers.length }]);
    await t.close();
  });
});
