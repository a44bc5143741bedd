import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { NotificationsService } from '../src/notifications/notifications.service';
import { createTestDatabase, startTestApp, TestApp } from '../../../test/support/test-app';

type Mail = { to: string; subject: string; text: string };

/** A real SMTP server in the test process: what the application sends is what a mail server receives. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
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
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('e-mail: overdue items as one digest per recipient per day', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    const db = await createTestDatabase();
    // Before the deadline, so the demo plans' timers are scheduled but none is due yet.
    t = await startTestApp({
      databaseUrl: db,
      clockAt: new Date('2026-12-18T03:00:00Z'),
      env: { SMTP_URL: smtp.url, TIMER_POLL_MS: '50' },
    });
    await t.sql(
      `UPDATE app.users SET email = login || '@example.vn' WHERE login IN ('vufo.consolidator', 'hp.editor')`,
    );
  });
  afterAll(async () => {
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
    throw new Error('the submission deadline did not fire');
  };

  it('sends the two overdue plans to the central union as one digest, once that day', async () => {
    const mailer = t.app.get(NotificationsService);
    await mailer.sendPending();
    const before = smtp.mails.length;

    t.clock.setNow(new Date('2026-12-19T02:00:00Z'));
    await waitForOverdue(2);
    expect(await mailer.sendPending()).toMatchObject({ digests: 1 });

    const toCentral = smtp.mails.slice(before).filter((m) => m.to === 'vufo.consolidator@example.vn');
    expect(toCentral).toHaveLength(1);
    expect(toCentral[0].subject).toBe('2 việc quá hạn cần xử lý');
    expect(toCentral[0].text.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(2);
    expect(
      smtp.mails
        .slice(before)
        .some((m) => m.to.endsWith('@example.vn') && m.to !== 'vufo.consolidator@example.vn'),
    ).toBe(false);

    // Another overdue item the same day waits for tomorrow's digest instead of flooding.
    const [{ id: userId }] = await t.sql<{ id: string }>(
      `SELECT id FROM app.users WHERE login = 'vufo.consolidator'`,
    );
    await t.sql(
      `INSERT INTO app.notifications (user_id, kind, severity, params) VALUES ($1, 'SUBMISSION_OVERDUE', 'overdue', '{}')`,
      [userId],
    );
    const sent = smtp.mails.length;
    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 0 });
    expect(smtp.mails.length).toBe(sent);

    t.clock.setNow(new Date('2026-12-20T02:00:00Z'));
    expect(await mailer.sendPending()).toEqual({ immediate: 0, digests: 1 });
    expect(smtp.mails.length).toBe(sent + 1);
    expect(smtp.mails[sent].subject).not.toBe('2 việc quá hạn cần xử lý');
  });

  it('sends a non-overdue item (a revision request) at once, with its reason', async () => {
    const [{ id: userId }] = await t.sql<{ id: string }>(
      `SELECT id FROM app.users WHERE login = 'hp.editor'`,
    );
    await t.sql(
      `INSERT INTO app.notifications (user_id, kind, severity, params) VALUES ($1, 'REVISION_REQUESTED', 'warning', $2)`,
      [userId, JSON.stringify({ planTitle: 'Kế hoạch 2027', reason: 'Thiếu dự toán đón đoàn' })],
    );
    const sent = smtp.mails.length;
    expect(await t.app.get(NotificationsService).sendPending()).toEqual({ immediate: 1, digests: 0 });
    expect(smtp.mails.slice(sent)).toHaveLength(1);
    expect(smtp.mails[sent].to).toBe('hp.editor@example.vn');
    expect(smtp.mails[sent].text).toContain('Thiếu dự toán đón đoàn');
  });
});
