import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications double as the mail outbox: a sender claims a batch for a while (a lease), commits,
 * sends outside any transaction, then records the result. A failed send counts an attempt, keeps
 * its error and waits before the next try; a sender that died leaves a lease that simply runs out.
 */
export class NotificationMailOutbox1796000000000 implements MigrationInterface {
  name = 'NotificationMailOutbox1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app.notifications
        ADD COLUMN mail_claimed_until timestamptz,
        ADD COLUMN mail_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN mail_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app.notifications
        DROP COLUMN mail_claimed_until,
        DROP COLUMN mail_attempts,
        DROP COLUMN mail_error`);
  }
}
