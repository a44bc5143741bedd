import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { DomainError, localDateOf } from '@vufo/domain';
import { decodeCursor, page } from '../common/cursor';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config';
import { renderMail } from './mail-text';
import { MailItem, NotificationsRepository } from './notifications.repository';

/**
 * Longer than a send can take (nodemailer gives up on a silent server well before), so a batch is
 * never claimed by a second sender while the first is still sending it.
 */
const CLAIM_MS = 15 * 60_000;
const BATCH = 500;

/**
 * In-app notifications, and e-mail when SMTP_URL is set: decisions and requests go out as they
 * happen; overdue items are gathered into one digest per recipient per day, never a flood.
 * Notifications are committed with the command that caused them; mail goes out afterwards from
 * that outbox, so a slow or failing mail server never holds a lock nor fails a command.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Notifications');
  private transport: Transporter | null = null;
  private handle: NodeJS.Timeout | null = null;
  private sending = false;

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.smtpUrl) return;
    this.transport = createTransport(this.config.smtpUrl);
    this.handle = setInterval(() => {
      // A slow server may make one round outlast the interval: the next waits its turn.
      if (this.sending) return;
      this.sending = true;
      this.sendPending()
        .catch((err) => this.log.error({ err }, 'mail failed'))
        .finally(() => (this.sending = false));
    }, 60_000);
  }

  onApplicationShutdown(): void {
    if (this.handle) clearInterval(this.handle);
  }

  async list(userId: string, unreadOnly: boolean, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, ['instant', 'uuid']);
    const rows = await this.repo.page(userId, unreadOnly, limit + 1, after);
    const { items, nextCursor } = page(rows, limit, (r) => [r.cursorAt, r.id]);
    const unread = await this.repo.unreadCount(userId);
    return { items: items.map(({ cursorAt: _, ...n }) => n), unread, nextCursor };
  }

  async markRead(userId: string, id: string): Promise<void> {
    if (!(await this.repo.markRead(userId, id, this.clock.now())))
      throw new DomainError('NOT_FOUND', `No notification ${id}.`);
  }

  markAllRead(userId: string): Promise<number> {
    return this.repo.markAllRead(userId, this.clock.now());
  }

  /**
   * Immediate mails for non-overdue items; one digest a day per user for overdue ones. Claims a
   * batch, then sends with no transaction open; each item is recorded as sent, or as failed and
   * retried later, on its own.
   */
  async sendPending(): Promise<{ immediate: number; digests: number }> {
    if (!this.transport) return { immediate: 0, digests: 0 };
    const now = this.clock.now();
    // "One digest a day" means the recipient's day, in Asia/Ho_Chi_Minh, not UTC's.
    const today = localDateOf(now);
    const claimed = await this.repo.claimMail(now, new Date(now.getTime() + CLAIM_MS), today, BATCH);
    let immediate = 0;
    let digests = 0;
    const overdueByUser = new Map<string, MailItem[]>();
    for (const item of claimed) {
      if (item.severity === 'overdue') {
        overdueByUser.set(item.userId, [...(overdueByUser.get(item.userId) ?? []), item]);
      } else if (await this.send([item])) {
        immediate++;
      }
    }
    for (const [userId, items] of overdueByUser) {
      const ids = items.map((i) => i.id);
      if (!(await this.repo.reserveDigest(userId, ids, today))) {
        await this.repo.releaseMail(ids);
        continue;
      }
      if (await this.send(items)) digests++;
    }
    return { immediate, digests };
  }

  /** One mail to the items' recipient; the outcome recorded on the items. */
  private async send(items: MailItem[]): Promise<boolean> {
    const ids = items.map((i) => i.id);
    try {
      await this.transport!.sendMail({
        from: this.config.mailFrom,
        to: items[0].email,
        ...renderMail(items),
      });
    } catch (err) {
      this.log.warn({ err, notifications: ids.length }, 'mail not sent; will retry');
      await this.repo.mailFailed(ids, err instanceof Error ? err.message : String(err), this.clock.now());
      return false;
    }
    await this.repo.markEmailed(ids, this.clock.now());
    return true;
  }
}
