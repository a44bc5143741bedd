import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cursorInstantSql } from '../common/cursor';
import { Tx } from '../common/transaction';

/** A notification as its recipient sees it, with the key of its place in the list. */
export interface NotificationRow {
  id: string;
  kind: string;
  severity: string;
  planId: string | null;
  planTitle: string | null;
  params: Record<string, string | number>;
  createdAt: Date;
  readAt: Date | null;
  cursorAt: string;
}

/** A notification claimed for e-mail: its text's inputs and where it goes. */
export interface MailItem {
  id: string;
  userId: string;
  email: string;
  kind: string;
  severity: string;
  params: Record<string, string | number>;
  createdAt: Date;
}

/** The notifications capability's SQL: the in-app list, and the table as the mail outbox. */
@Injectable()
export class NotificationsRepository {
  constructor(
    private readonly tx: Tx,
    private readonly ds: DataSource,
  ) {}

  async page(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after: string[] | undefined,
  ): Promise<NotificationRow[]> {
    return this.tx.em.query(
      `SELECT n.id, n.kind, n.severity, n.plan_id AS "planId", p.title AS "planTitle", n.params,
              n.created_at AS "createdAt", n.read_at AS "readAt", ${cursorInstantSql('n.created_at')} AS "cursorAt"
         FROM app.notifications n LEFT JOIN app.plans p ON p.id = n.plan_id
        WHERE n.user_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
          ${after ? 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      [userId, limit, ...(after ?? [])],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ unread }] = await this.tx.em.query(
      `SELECT count(*)::int AS unread FROM app.notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return unread;
  }

  /** False when the user has no such notification. Reading it again keeps the first reading's time. */
  async markRead(userId: string, id: string, at: Date): Promise<boolean> {
    const [, count]: [unknown[], number] = await this.tx.em.query(
      `UPDATE app.notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2`,
      [id, userId, at],
    );
    return count > 0;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const [, count]: [unknown[], number] = await this.tx.em.query(
      `UPDATE app.notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`,
      [userId, at],
    );
    return count;
  }

  // The outbox statements below run on the pool, each committing on its own, never inside a
  // caller's transaction: mail is sent between them, and no lock may be held while it is.

  /**
   * Claims up to `limit` unsent notifications of users with an address until `until`, oldest
   * first. Overdue items of a user whose digest for `today` is out (or on its way) stay for
   * tomorrow's. SKIP LOCKED: concurrent senders take disjoint batches.
   */
  async claimMail(now: Date, until: Date, today: string, limit: number): Promise<MailItem[]> {
    const [rows]: [MailItem[], number] = await this.ds.query(
      `UPDATE app.notifications n SET mail_claimed_until = $2
         FROM app.users u
        WHERE u.id = n.user_id AND n.id IN (
              SELECT c.id FROM app.notifications c JOIN app.users cu ON cu.id = c.user_id
               WHERE c.emailed_at IS NULL AND cu.email IS NOT NULL
                 AND (c.mail_claimed_until IS NULL OR c.mail_claimed_until <= $1)
                 AND NOT (c.severity = 'overdue' AND EXISTS (
                       SELECT 1 FROM app.notifications d WHERE d.user_id = c.user_id AND d.digest_date = $3))
               ORDER BY c.created_at LIMIT $4 FOR UPDATE OF c SKIP LOCKED)
        RETURNING n.id, n.user_id AS "userId", u.email, n.kind, n.severity, n.params, n.created_at AS "createdAt"`,
      [now, until, today, limit],
    );
    // RETURNING keeps no order: oldest first again, so a digest lists its items as they came.
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /**
   * Takes `today`'s digest of one user for these claimed items: false if another sender has taken
   * it already. Serialised per user by an advisory lock held only for this short transaction.
   */
  async reserveDigest(userId: string, ids: string[], today: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('vufo:digest:' || $1::text))`, [userId]);
      const [, count]: [unknown[], number] = await em.query(
        `UPDATE app.notifications SET digest_date = $3
          WHERE id = ANY($2::uuid[]) AND NOT EXISTS (
                SELECT 1 FROM app.notifications WHERE user_id = $1 AND digest_date = $3)`,
        [userId, ids, today],
      );
      return count > 0;
    });
  }

  async markEmailed(ids: string[], at: Date): Promise<void> {
    await this.ds.query(
      `UPDATE app.notifications SET emailed_at = $2, mail_claimed_until = NULL, mail_error = NULL
        WHERE id = ANY($1::uuid[])`,
      [ids, at],
    );
  }

  /**
   * A failed send: the attempt and its error are kept, a digest's day is given back, and the items
   * wait before another sender takes them: a minute more for each failed attempt, an hour at most,
   * so a mail server that is down for a while is not hammered and nothing is given up.
   */
  async mailFailed(ids: string[], error: string, now: Date): Promise<void> {
    await this.ds.query(
      `UPDATE app.notifications
          SET mail_attempts = mail_attempts + 1, mail_error = $2, digest_date = NULL,
              mail_claimed_until = $3::timestamptz + least(mail_attempts + 1, 60) * interval '1 minute'
        WHERE id = ANY($1::uuid[])`,
      [ids, error.slice(0, 2000), now],
    );
  }

  /** Claimed items not sent for no fault of theirs (another sender took the day's digest). */
  async releaseMail(ids: string[]): Promise<void> {
    await this.ds.query(`UPDATE app.notifications SET mail_claimed_until = NULL WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }
}
