import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { NotificationsService } from '../src/notifications/notifications.service';
import { createTestDatabase, startTestApp, TestApp } from '../../../test/support/test-app';
import { central, justifyOverNorm, openCycle, user, world } from '../../../test/support/factories';

type Mail = { to: string; subject: string; text: string };

/**
 * A real SMTP server in the test process: what the application sends is what a mail server receives.
 * `mode` makes it refuse every message, or hold each one until `release()` (a slow server).
 */
async function startSmtp() {
  const mails: Mail[] = [];
  let mode: 'accept' | 'reject' | 'hold' = 'accept';
  let held: (() => void)[] = [];
  let arrived: () => void = () => undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      if (mode === 'reject') {
        stream.resume();
        stream.on('end', () => done(Object.assign(new Error('mailbox unavailable'), { responseCode: 451 })));
        return;
      }
      const receive = () =>
        simpleParser(stream)
          .then((m) => {
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(','),
              subject: m.subject ?? '',
              text: m.text ?? '',
            });
            done();
          })
          .catch(done);
      if (mode === 'hold') {
        held.push(receive);
        arrived();
      } else void receive();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    setMode: (m: typeof mode) => (mode = m),
    /** Resolves once a message is being held. */
    nextHeld: () => new Promise<void>((resolve) => (arrived = resolve)),
    release: () => {
      mode = 'accept';
      const waiting = held;
      held = [];
      waiting.forEach((receive) => void receive());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Every mail here comes from the machine's own path: a deadline timer or a review decision makes
 * the notification, the mailer sends it. Each test has its own app, clock and mail server.
 */
describe('e-mail: overdue items as one digest per recipient per day', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;

  beforeEach(async () => {
    smtp = await startSmtp();
    // Before the deadline, so the plans' timers are scheduled but none is due yet.
    t = await startTestApp({
      seedDemo: false,
      clockAt: new Date('2026-12-18T03:00:00Z'),
      env: { SMTP_URL: smtp.url, TIMER_POLL_MS: '50' },
    });
  });
  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  const waitForOverdue = async (n: number) => {
    const end = Date.now() + 15_000;
    while (Date.now() < end) {
      const [{ c }] = await t.sql<{ c: number }>(
        `SELECT count(*)::int AS c FROM app.events WHERE type = 'SubmissionOverdue'`,
      );
      if (c >= n) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the submission deadline did not fire ${n} times`);
  };

  it('sends the two overdue plans to the central union as one digest, once that day', async () => {
    const cycle = await openCycle(t, { year: 2027, submissionDeadline: '2026-12-18' });
    await Promise.all([world(t, { cycle }), world(t, { cycle })]);
    const { organizationId } = await central(t);
    const consolidator = await user(t, organizationId, ['CONSOLIDATOR'], {
      email: 'tong.hop@example.vn',
    });
    const mailer = t.app.get(NotificationsService);
    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 0 });
    const before = smtp.mails.length;

    t.clock.setNow(new Date('2026-12-19T02:00:00Z'));
    await waitForOverdue(2);
    expect(await mailer.sendPending()).toMatchObject({ digests: 1 });

    const toCentral = smtp.mails.slice(before).filter((m) => m.to === 'tong.hop@example.vn');
    expect(toCentral).toHaveLength(1);
    expect(toCentral[0].subject).toBe('2 việc quá hạn cần xử lý');
    expect(toCentral[0].text.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(2);
    expect(smtp.mails.slice(before).filter((m) => m.to !== 'tong.hop@example.vn')).toEqual([]);
    const [{ n: notified }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app.notifications WHERE user_id = $1 AND kind = 'SUBMISSION_OVERDUE'`,
      [consolidator.user.id],
    );
    expect(notified).toBe(2);

    // Another overdue item the same day (a union that drafts its plan after the deadline: its
    // deadline timer is due at once) waits for tomorrow's digest instead of flooding.
    await world(t, { cycle, plan: { title: 'Kế hoạch lập sau hạn nộp' } });
    await waitForOverdue(3);
    const sent = smtp.mails.length;
    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 0 });
    expect(smtp.mails.length).toBe(sent);

    t.clock.setNow(new Date('2026-12-20T02:00:00Z'));
    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 1 });
    expect(smtp.mails.length).toBe(sent + 1);
    expect(smtp.mails[sent].to).toBe('tong.hop@example.vn');
    expect(smtp.mails[sent].subject).not.toBe('2 việc quá hạn cần xử lý');
    expect(smtp.mails[sent].text).toContain('Kế hoạch lập sau hạn nộp');
  });

  it('sends a non-overdue item (a revision request) at once, with its reason', async () => {
    const w = await world(t, { cycle: await openCycle(t, { year: 2027, submissionDeadline: '2026-12-31' }) });
    const editor = await user(t, w.province.unionId, ['PLAN_EDITOR'], { email: 'bien.tap@example.vn' });
    expect((await w.province.submitter.post(`/api/plans/${w.plan.id}/submit`)).status).toBe(200);
    const mailer = t.app.get(NotificationsService);
    await mailer.sendPending();
    const sent = smtp.mails.length;

    const inbox = await w.province.content.get('/api/reviews?mine=true&status=PENDING');
    const review = (inbox.body.items as { id: string; planId: string }[]).find((r) => r.planId === w.plan.id);
    expect(review).toBeDefined();
    const decided = await w.province.content.post(`/api/reviews/${review!.id}/decision`, {
      decision: 'REQUEST_REVISION',
      comment: 'Thiếu dự toán đón đoàn',
    });
    expect(decided.status).toBe(200);
    // The decision and the revision request are two notices to the union's team, each mailed at once.
    const notes = await t.sql<{ kind: string }>(
      `SELECT kind FROM app.notifications WHERE user_id = $1 AND emailed_at IS NULL ORDER BY kind`,
      [editor.user.id],
    );
    expect(notes.map((n) => n.kind)).toEqual(['REVIEW_DECIDED', 'REVISION_REQUESTED']);

    expect(await mailer.sendPending()).toEqual({ immediate: notes.length, digests: 0 });
    const mails = smtp.mails.slice(sent);
    expect(mails.map((m) => m.to)).toEqual(notes.map(() => 'bien.tap@example.vn'));
    expect(mails.filter((m) => m.text.includes('Thiếu dự toán đón đoàn')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('e-mail: a failing or slow mail server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let mailer: NotificationsService;
  const planOf = async (union: string) =>
    (
      await t.sql<{ id: string }>(
        `SELECT p.id FROM app.plans p JOIN app.organizations o ON o.id = p.organization_id WHERE o.code = $1`,
        [union],
      )
    )[0].id;
  const unsent = async () =>
    t.sql<{ id: string; mail_attempts: number; mail_error: string | null }>(
      `SELECT id, mail_attempts, mail_error FROM app.notifications WHERE emailed_at IS NULL`,
    );

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      databaseUrl: await createTestDatabase(),
      // Long before any deadline of the demo cycle: only the commands below notify anyone.
      clockAt: new Date('2026-12-01T03:00:00Z'),
      env: { SMTP_URL: smtp.url },
    });
    await t.sql(`UPDATE app.users SET email = login || '@example.vn'`);
    mailer = t.app.get(NotificationsService);
  });
  afterAll(async () => {
    smtp.release();
    await t.close();
    await smtp.close();
  });

  it('a refused mail fails no command; it is kept with its error and sent on a later round', async () => {
    smtp.setMode('reject');
    const submitter = await t.as('hp.submitter');
    await justifyOverNorm(await t.as('hp.editor'), await planOf('HP'));
    expect((await submitter.post(`/api/plans/${await planOf('HP')}/submit`)).status).toBe(200);
    const notified = await unsent();
    // The consolidators, and the appraisers of the two agencies of stage 1.
    expect(notified.length).toBeGreaterThanOrEqual(3);

    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 0 });
    expect(smtp.mails).toHaveLength(0);
    const failed = await unsent();
    expect(failed).toHaveLength(notified.length);
    expect(failed.every((n) => n.mail_attempts === 1 && /mailbox unavailable/.test(n.mail_error ?? ''))).toBe(
      true,
    );

    // Back up, but the failed items wait a minute before the next try.
    smtp.setMode('accept');
    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 0 });
    t.clock.advance(61_000);
    expect(await mailer.sendPending()).toEqual({ immediate: notified.length, digests: 0 });
    expect(smtp.mails).toHaveLength(notified.length);
    expect(await unsent()).toHaveLength(0);
    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 0 });
  });

  it('a slow mail server holds no lock: while a mail hangs, its notification is read and commands go through', async () => {
    smtp.setMode('hold');
    const submitter = await t.as('dn.submitter');
    await justifyOverNorm(await t.as('dn.editor'), await planOf('DN'));
    expect((await submitter.post(`/api/plans/${await planOf('DN')}/submit`)).status).toBe(200);
    const [{ id, login }] = await t.sql<{ id: string; login: string }>(
      `SELECT n.id, u.login FROM app.notifications n JOIN app.users u ON u.id = n.user_id
        WHERE n.emailed_at IS NULL ORDER BY n.created_at LIMIT 1`,
    );
    const held = smtp.nextHeld();
    const sending = mailer.sendPending();
    // Should a check below fail, the send still ends (rejected) later: not an unhandled rejection.
    sending.catch(() => undefined);
    await held;

    // Every unsent row can be locked at once (NOWAIT fails on a row another transaction holds).
    await expect(
      t.sql(`SELECT id FROM app.notifications WHERE emailed_at IS NULL FOR UPDATE NOWAIT`),
    ).resolves.toBeDefined();
    const reader = await t.as(login);
    expect((await reader.post(`/api/notifications/${id}/read`)).status).toBe(204);
    const [{ id: cycleId }] = await t.sql<{ id: string }>(`SELECT id FROM app.cycles LIMIT 1`);
    const hn = await t.as('hn.editor');
    expect((await hn.post(`/api/cycles/${cycleId}/plans`, { title: 'Kế hoạch 2027' })).status).toBe(201);

    smtp.release();
    const { immediate } = await sending;
    expect(immediate).toBeGreaterThanOrEqual(3);
    expect(await unsent()).toHaveLength(0);
  });
});
