import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { DomainError, localDateOf } from '@vufo/domain';
import { decodeCursor, page } from '../common/cursor';
import { Clock } from '../common/clock';
import { Tx } from '../common/transaction';
import { APP_CONFIG, AppConfig } from '../config';
import { renderMail } from './mail-text';

interface Row {
  id: string;
  user_id: string;
  email: string | null;
  kind: string;
  severity: string;
  plan_id: string | null;
  params: Record<string, string | number>;
  created_at: Date;
}

/**
 * In-app notifications, and e-mail when SMTP_URL is set: decisions and requests go out as they
 * happen; overdue items are gathered into one digest per recipient per day, never a flood.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Notifications');
  private transport: Transporter | null = null;
  private handle: NodeJS.Timeout | null = null;

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.smtpUrl) return;
    this.transport = createTransport(this.config.smtpUrl);
    this.handle = setInterval(
      () => void this.sendPending().catch((err) => this.log.error({ err }, 'mail failed')),
      60_000,
    );
  }

  onApplicationShutdown(): void {
    if (this.handle) clearInterval(this.handle);
  }

  async list(userId: string, unreadOnly: boolean, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, ['instant', 'uuid']);
    const rows: (Record<string, unknown> & { cursorAt: string; id: string })[] = await this.tx.em.query(
      `SELECT n.id, n.kind, n.severity, n.plan_id AS "planId", p.title AS "planTitle", n.params, n.created_at AS "createdAt", n.read_at AS "readAt",
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
         FROM app.notifications n LEFT JOIN app.plans p ON p.id = n.plan_id
        WHERE n.user_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
          ${after ? 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      [userId, limit + 1, ...(after ?? [])],
    );
    const { items, nextCursor } = page(rows, limit, (r) => [r.cursorAt, r.id]);
    const [{ unread }] = await this.tx.em.query(
      `SELECT count(*)::int AS unread FROM app.notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return { items: items.map(({ cursorAt: _, ...n }) => n), unread, nextCursor };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const res: [unknown[], number] = await this.tx.em.query(
      `UPDATE app.notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    if (res[1] === 0) throw new DomainError('NOT_FOUND', `No notification ${id}.`);
  }

  async markAllRead(userId: string): Promise<number> {
    const res: [unknown[], number] = await this.tx.em.query(
      `UPDATE app.notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return res[1];
  }

  /** Immediate mails for non-overdue items; one digest a day per user for overdue ones. */
  async sendPending(): Promise<{ immediate: number; digests: number }> {
    if (!this.transport) return { immediate: 0, digests: 0 };
    // "One digest a day" means the recipient's day, in Asia/Ho_Chi_Minh, not UTC's.
    const today = localDateOf(this.clock.now());
    let immediate = 0;
    let digests = 0;
    await this.tx.run(async (em) => {
      const rows: Row[] = await em.query(
        `SELECT n.id, n.user_id, u.email, n.kind, n.severity, n.plan_id, n.params, n.created_at
           FROM app.notifications n JOIN app.users u ON u.id = n.user_id
          WHERE n.emailed_at IS NULL AND u.email IS NOT NULL
          ORDER BY n.created_at LIMIT 500 FOR UPDATE OF n SKIP LOCKED`,
      );
      const overdueByUser = new Map<string, Row[]>();
      for (const r of rows) {
        if (r.severity === 'overdue') {
          overdueByUser.set(r.user_id, [...(overdueByUser.get(r.user_id) ?? []), r]);
          continue;
        }
        await this.transport!.sendMail({ from: this.config.mailFrom, to: r.email!, ...renderMail([r]) });
        await em.query(`UPDATE app.notifications SET emailed_at = now() WHERE id = $1`, [r.id]);
        immediate++;
      }
      for (const [userId, items] of overdueByUser) {
        const sentToday = await em.query(
          `SELECT 1 FROM app.notifications WHERE user_id = $1 AND digest_date = $2 LIMIT 1`,
          [userId, today],
        );
        if (sentToday.length) continue;
        await this.transport!.sendMail({
          from: this.config.mailFrom,
          to: items[0].email!,
          ...renderMail(items),
        });
        await em.query(
          `UPDATE app.notifications SET emailed_at = now(), digest_date = $2 WHERE id = ANY($1::uuid[])`,
          [items.map((i) => i.id), today],
        );
        digests++;
      }
    });
    return { immediate, digests };
  }
}
