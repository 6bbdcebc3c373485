import { backoffDelay, NotifiedWorker, type Database } from '@ticketing/common';
import type { Logger } from 'pino';
import { MAILS_CHANNEL, mailsRepository } from '../data/mails.repository';
import type { MailRow } from '../data/schema';
import { isPermanentRejection, type Mailer } from '../data/smtp-mailer';

const BATCH = 20;
/** Longer than one SMTP conversation can take (see the mailer's timeouts): a claim this old is orphaned. */
const LEASE_MS = 120_000;
/** Up to 1 s doubling up to 5 minutes, with jitter: an SMTP server away for hours loses nothing. */
const RETRY = { baseMs: 1_000, maxMs: 300_000 };

/**
 * Sends queued mails after the transaction that queued them commits (common's NotifiedWorker: woken at
 * once by NOTIFY, polling for reminders that fall due). A mail is claimed (`sending`) before the server is
 * called and settled after: sent, pending again with backoff, or rejected. The SMTP server is never called
 * inside a transaction, so an outage holds no database connection and no event.
 */
export class MailSender {
  private worker: NotifiedWorker | undefined;
  /** Outcomes known but not yet recorded (the database failed right after the server answered). */
  private readonly unsettled = new Map<string, () => Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
    private readonly pollIntervalMs: number,
  ) {}

  start(): this {
    this.worker = new NotifiedWorker(
      this.database,
      this.logger,
      {
        name: 'mail sender',
        channel: MAILS_CHANNEL,
        pollIntervalMs: this.pollIntervalMs,
        maxBackoffMs: 5_000,
      },
      () => this.pass(),
    );
    return this;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.mailer.close();
  }

  private async pass(): Promise<'done' | 'more'> {
    const db = this.database.db;
    for (const [id, settle] of this.unsettled) {
      await settle();
      this.unsettled.delete(id);
    }
    for (const orphan of await mailsRepository.markUnconfirmed(db, LEASE_MS)) {
      this.logger.error(
        { mailId: orphan.id, key: orphan.key },
        'mail outcome unknown (sender died mid-send): not resent',
      );
    }
    const due = await mailsRepository.claimDue(db, BATCH);
    await Promise.all(due.map((mail) => this.send(mail)));
    return due.length === BATCH ? 'more' : 'done';
  }

  private async send(mail: MailRow): Promise<void> {
    const db = this.database.db;
    const log = { mailId: mail.id, key: mail.key, kind: mail.kind, attempts: mail.attempts };
    try {
      await this.mailer.send(mail);
    } catch (err) {
      const rejected = isPermanentRejection(err);
      const retryInMs = backoffDelay(mail.attempts, RETRY);
      const error = err instanceof Error ? err.message : String(err);
      if (rejected) this.logger.error({ ...log, error }, 'mail rejected by the SMTP server: not retried');
      else this.logger.warn({ ...log, error, retryInMs }, 'mail not sent, will retry');
      await this.settle(mail.id, () =>
        mailsRepository.markFailed(db, mail.id, error, { rejected, retryInMs }),
      );
      return;
    }
    await this.settle(mail.id, () => mailsRepository.markSent(db, mail.id));
    this.logger.info(log, 'mail sent');
  }

  /** Records an outcome; if the database is away, it is kept and recorded first thing in the next pass. */
  private async settle(id: string, record: () => Promise<void>): Promise<void> {
    try {
      await record();
    } catch (err) {
      this.unsettled.set(id, record);
      throw err;
    }
  }
}
