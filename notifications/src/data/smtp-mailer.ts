import nodemailer from 'nodemailer';
import type { MailRow } from './schema';

export interface Mailer {
  /** Resolves when the SMTP server accepted the message (its 250 reply); rejects otherwise. */
  send(mail: MailRow): Promise<void>;
  close(): Promise<void>;
}

/** The domain of the sender's address: Message-IDs are ours, named after the mail's row. */
const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';

/** Real SMTP through nodemailer (pooled connections); any server that speaks SMTP works. */
export function smtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: 4,
    // Bounded, so a silent server fails an attempt (retried later) instead of holding a mail forever.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const domain = domainOf(options.from);
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.recipient,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        // The same on every attempt: a receiving server or client can tell a repeat from a new mail.
        messageId: `<${mail.id}@${domain}>`,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          cid: a.cid,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
        })),
      });
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * The server refused the recipient or the message for good (a 5xx answer to the envelope or the data):
 * trying again would get the same answer. Anything else (no connection, a timeout, a 4xx) is retried.
 */
export function isPermanentRejection(err: unknown): boolean {
  const { code, responseCode } = (err ?? {}) as { code?: string; responseCode?: number };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500
  );
}
