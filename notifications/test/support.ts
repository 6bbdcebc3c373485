import { randomUUID } from 'node:crypto';
import {
  orderCreated,
  ticketCreated,
  userRegistered,
  type Contract,
  type EventData,
  type OrderCreated,
  type TicketCreated,
} from '@ticketing/common';
import {
  forThisFile,
  startTestService,
  ticketCreatedData,
  uniqueSuffix,
  waitFor,
  type TestService,
} from '@ticketing/common/testing';
import { eq } from 'drizzle-orm';
import { notificationsService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { mails } from '../src/data/schema';
import { startMaildev, type Maildev } from './maildev';

export type Notifications = TestService<Config>;

export const PUBLIC_URL = 'https://tickets.example.test';

/** The service on its own database and stream, mailing through a maildev of its own. */
export async function startNotifications(overrides: Record<string, string> = {}) {
  const maildev = await startMaildev();
  const service = await startTestService(notificationsService, (env) => loadServiceConfig(env), {
    SMTP_URL: maildev.smtpUrl,
    MAIL_FROM: 'Ticketing <tickets@ticketing.test>',
    PUBLIC_URL,
    MAIL_POLL_INTERVAL_MS: '200',
    ...overrides,
  }).catch(async (err: unknown) => {
    await maildev.close();
    throw err;
  });
  return { service, maildev, close: () => service.close().finally(() => maildev.close()) };
}

type Started = Awaited<ReturnType<typeof startNotifications>>;

/**
 * The service (and its maildev) for one test file: started before its tests, closed after them. Each file
 * starts its own, which on a busy machine can take a minute.
 */
export function notificationsForThisFile(overrides: Record<string, string> = {}): Started {
  jest.setTimeout(180_000);
  return forThisFile(() => startNotifications(overrides), { timeoutMs: 120_000 });
}

/** Publishes an event as its producer's relay would, on the service's stream. */
export const publish = <C extends Contract>(service: Notifications, contract: C, data: EventData<C>) =>
  service.bus.publish(contract, data);

export async function registerUser(service: Notifications, label = 'user') {
  const user = { id: randomUUID(), email: `${label}-${uniqueSuffix()}@example.test`, name: `Test ${label}` };
  await publish(service, userRegistered, user);
  return user;
}

export async function listTicket(service: Notifications, overrides: Partial<TicketCreated> = {}) {
  const ticket = { ...ticketCreatedData(), ...overrides };
  await publish(service, ticketCreated, ticket);
  return ticket;
}

export async function createOrder(
  service: Notifications,
  buyerId: string,
  ticket: TicketCreated,
  expiresAt: Date,
): Promise<OrderCreated> {
  const order: OrderCreated = {
    id: randomUUID(),
    version: 0,
    status: 'created',
    userId: buyerId,
    expiresAt: expiresAt.toISOString(),
    ticket: {
      id: ticket.id,
      priceCents: ticket.priceCents,
      currency: ticket.currency,
      version: ticket.version,
    },
  };
  await publish(service, orderCreated, order);
  return order;
}

/** The mail row of a key once it exists (the consumer has decided). */
export const mailRow = async (service: Notifications, key: string) => {
  const [row] = await service.database.db.select().from(mails).where(eq(mails.key, key));
  return row;
};

/** Waits until the mail of a key is recorded as sent (the server's reply comes before the record). */
export const sentAs = (service: Notifications, key: string) =>
  waitFor(async () => (await mailRow(service, key))?.state === 'sent');

/** Waits until `count` mails reached `address`; then reads them. */
export const receivedBy = (maildev: Maildev, address: string, count = 1) =>
  waitFor(
    async () => {
      const inbox = await maildev.to(address);
      return inbox.length >= count ? inbox : undefined;
    },
    { timeoutMs: 60_000 },
  );

export type { Maildev };
