import { deterministicId, failedAttempt, notifyAfterCommit, type Db, type Executor } from '@ticketing/common';
import { and, eq, sql } from 'drizzle-orm';
import { mails, type MailAttachment, type MailRow } from './schema';

/** Woken at commit, so a mail goes out as soon as the decision to send it is durable. */
export const MAILS_CHANNEL = 'mails';

export interface NewMail {
  key: string;
  kind: string;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  orderId?: string;
  dueAt?: Date;
  staleAt?: Date;
}

export const mailsRepository = {
  /** Queues a mail in the caller's transaction; a mail with the same key already queued is left alone. */
  async queue(tx: Executor, mail: NewMail): Promise<void> {
    await tx
      .insert(mails)
      .values({ id: deterministicId('mail', mail.key), attachments: [], ...mail })
      .onConflictDoNothing({ target: mails.key });
    await notifyAfterCommit(tx, MAILS_CHANNEL);
  },

  /** A pending mail that should no longer go out (a reminder for a reservation that was paid). */
  async cancel(tx: Executor, key: string): Promise<void> {
    await tx
      .update(mails)
      .set({ state: 'cancelled' })
      .where(and(eq(mails.key, key), eq(mails.state, 'pending')));
  },

  /**
   * Takes up to `limit` due mails, soonest first, skipping rows another instance holds, and marks them
   * `sending`. A reminder whose order is no longer open is cancelled instead of taken.
   */
  async claimDue(db: Db, limit: number): Promise<MailRow[]> {
    await db.execute(sql`
      update mails set state = 'cancelled'
      where state = 'pending' and order_id is not null
        and exists (select 1 from order_replica o where o.id = mails.order_id and o.status <> 'created')`);
    await db.execute(sql`
      update mails set state = 'stale' where state = 'pending' and stale_at <= now()`);
    return db
      .update(mails)
      .set({ state: 'sending', attempts: sql`${mails.attempts} + 1`, claimedAt: sql`now()` })
      .where(
        sql`${mails.id} in (select id from mails where state = 'pending' and due_at <= now()
          order by due_at limit ${limit} for update skip locked)`,
      )
      .returning();
  },

  async markSent(db: Db, id: string): Promise<void> {
    await db
      .update(mails)
      .set({ state: 'sent', sentAt: sql`now()`, lastError: null })
      .where(and(eq(mails.id, id), eq(mails.state, 'sending')));
  },

  /** Not accepted by the server: pending again after `retryInMs`, or rejected for good. */
  async markFailed(db: Db, id: string, error: string, outcome: { rejected: boolean; retryInMs: number }) {
    const state = outcome.rejected ? 'rejected' : 'pending';
    await db
      .update(mails)
      .set({ state, ...failedAttempt(error, outcome.retryInMs) })
      .where(and(eq(mails.id, id), eq(mails.state, 'sending')));
  },

  /**
   * Mails claimed longer ago than `leaseMs` and never settled: their sender died mid-way, so whether the
   * server accepted them is unknown. They are not sent again (at most once); an operator decides.
   */
  async markUnconfirmed(db: Db, leaseMs: number): Promise<Array<{ id: string; key: string }>> {
    const result = await db.execute<{ id: string; key: string }>(sql`
      update mails set state = 'unconfirmed'
      where state = 'sending' and claimed_at < now() - ${leaseMs} * interval '1 millisecond'
      returning id, key`);
    return result.rows;
  },
};
