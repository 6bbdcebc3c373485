import path from 'node:path';
import type { ServiceDefinition } from '@ticketing/common';
import { needs, type Config } from './config';
import { smtpMailer } from './data/smtp-mailer';
import { siteLinks, type MailDeps } from './domain/links';
import { MailSender } from './domain/mail-sender';
import { onEticketsIssued } from './events/order-etickets-issued.consumer';
import { onOrderCancelled } from './events/order-cancelled.consumer';
import { onOrderCompleted } from './events/order-completed.consumer';
import { onOrderCreated } from './events/order-created.consumer';
import { onPaymentRefunded } from './events/payment-refunded.consumer';
import { onTicketCreated } from './events/ticket-created.consumer';
import { onTicketUpdated } from './events/ticket-updated.consumer';
import { onEmailVerificationRequested } from './events/user-email-verification-requested.consumer';
import { onPasswordResetRequested } from './events/user-password-reset-requested.consumer';
import { onUserRegistered } from './events/user-registered.consumer';

/**
 * Notifications keeps replicas of users, tickets and orders, decides in each event's transaction which
 * mail to send (the `mails` table), and sends it after commit through SMTP. No /api routes; health and
 * metrics come from common. Nothing waits for it: a purchase never depends on a mail.
 */
export const notificationsService: ServiceDefinition<Config> = {
  name: 'notifications',
  needs,
  migrationsDir: path.resolve(__dirname, '../migrations'),
  wire: ({ config, database, logger }) => {
    const deps: MailDeps = {
      links: siteLinks(config.PUBLIC_URL),
      reminderLeadMs: config.REMINDER_LEAD_SECONDS * 1_000,
    };
    const sender = new MailSender(
      database,
      smtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }),
      logger,
      config.MAIL_POLL_INTERVAL_MS,
    ).start();
    return {
      consumers: [
        onUserRegistered,
        onTicketCreated,
        onTicketUpdated,
        onOrderCreated(deps),
        onOrderCancelled(deps),
        onOrderCompleted(deps),
        onEticketsIssued(deps),
        onPaymentRefunded(deps),
        onPasswordResetRequested(deps),
        onEmailVerificationRequested(deps),
      ],
      closeables: [['mail-sender', sender]],
    };
  },
};
