import { randomUUID } from 'node:crypto';
import {
  orderCancelled,
  orderCompleted,
  orderCreated,
  paymentRefunded,
  ticketCreated,
  userRegistered,
  type CancellationReason,
  type Contract,
  type EventData,
  type OrderCancelled,
  type OrderCompleted,
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
import { mails, ticketReplica } from '../src/data/schema';
import { startMaildev, type Maildev } from './maildev';

export type Notifications = TestService<Config>;

export const PUBLIC_URL = 'https://tickets.example.test';

/**
 * The service on its own database and stream, mailing through a maildev of its own, with what its tests do:
 * publish events as their producers would and read the mails that come of them.
 */
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
  return {
    service,
    maildev,
    ...driver(service, maildev),
    close: () => service.close().finally(() => maildev.close()),
  };
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

function driver(service: Notifications, maildev: Maildev) {
  /** Publishes an event as its producer's relay would, on the service's stream. */
  const publish = <C extends Contract>(contract: C, data: EventData<C>) =>
    service.bus.publish(contract, data);

  /** The mail row of a key once it exists (the consumer has decided). */
  const mailRow = async (key: string) => {
    const [row] = await service.database.db.select().from(mails).where(eq(mails.key, key));
    return row;
  };

  return {
    publish,
    mailRow,

    async registerUser(label = 'user') {
      const user = {
        id: randomUUID(),
        email: `${label}-${uniqueSuffix()}@example.test`,
        name: `Test ${label}`,
      };
      await publish(userRegistered, user);
      return user;
    },

    async listTicket(overrides: Partial<TicketCreated> = {}) {
      const ticket = { ...ticketCreatedData(), ...overrides };
      await publish(ticketCreated, ticket);
      return ticket;
    },

    async createOrder(buyerId: string, ticket: TicketCreated, expiresAt: Date): Promise<OrderCreated> {
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
      await publish(orderCreated, order);
      return order;
    },

    /** Announces an order paid, as orders does. */
    async completeOrder(order: OrderCreated, more: Partial<OrderCompleted> = {}) {
      const completion = {
        id: order.id,
        version: 1,
        userId: order.userId,
        ticket: { id: order.ticket.id },
        ...more,
      };
      await publish(orderCompleted, completion);
      return completion;
    },

    /** Announces an order cancelled, as orders does. */
    async cancelOrder(order: OrderCreated, reason: CancellationReason, more: Partial<OrderCancelled> = {}) {
      const cancellation = {
        id: order.id,
        version: 1,
        userId: order.userId,
        ticket: { id: order.ticket.id },
        reason,
        ...more,
      };
      await publish(orderCancelled, cancellation);
      return cancellation;
    },

    /** Refunds an order's whole price, as payments announces it. */
    async refund(order: OrderCreated, reason = 'order_cancelled') {
      const { priceCents: amountCents, currency } = order.ticket;
      const refund = { id: randomUUID(), orderId: order.id, amountCents, currency, reason };
      await publish(paymentRefunded, refund);
      return refund;
    },

    /** Waits until the mail of a key is recorded as sent (the server's reply comes before the record). */
    sentAs: (key: string) => waitFor(async () => (await mailRow(key))?.state === 'sent'),
    /** Until the ticket replica holds this title (events of different subjects may apply in any order). */
    replicaTitled: (ticketId: string, title: string) =>
      waitFor(async () => {
        const [row] = await service.database.db
          .select({ title: ticketReplica.title })
          .from(ticketReplica)
          .where(eq(ticketReplica.id, ticketId));
        return row?.title === title;
      }),

    /** Waits until `count` mails reached `address`; then reads them. */
    receivedBy: (address: string, count = 1) =>
      waitFor(
        async () => {
          const inbox = await maildev.to(address);
          return inbox.length >= count ? inbox : undefined;
        },
        { timeoutMs: 60_000 },
      ),
  };
}

export type { Maildev };
