import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import Stripe from 'stripe';
import {
  orderCancelled,
  orderCompleted,
  orderCreated,
  paymentCreated,
  type OrderCancelled,
  type OrderCreated,
} from '@ticketing/common';
import {
  signIn,
  startTestService,
  waitFor,
  type SignedIn,
  type TestService,
} from '@ticketing/common/testing';
import { createEmulator, type Emulator } from '../../stripe-emulator/src/app';
import { silentLogger } from '../../stripe-emulator/src/logger';
import { paymentsService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { orderReplica, payments } from '../src/data/schema';

export const STRIPE_KEY = 'sk_test_payments_suite';
export const WEBHOOK_SECRET = 'whsec_payments_suite_secret';

export interface PaymentsHarness {
  service: TestService<Config>;
  emulator: Emulator;
  /** An SDK client of our own, on the same emulator and key (what the Dashboard would show). */
  stripe: Stripe;
  webhookUrl: string;
  /** How orders answers payment.created for an order: complete it (the default), cancel it, or not yet. */
  ordersVerdict: Map<string, OrdersVerdict>;
  close(): Promise<void>;
}

export type OrdersVerdict = 'complete' | 'cancel' | 'silent';

/**
 * Orders' side of the contract, so that a payment gets its verdict: on payment.created, publish
 * order.completed (or order.cancelled, as when the expiry won) with the order's next version.
 */
function answerAsOrders(service: TestService<Config>, verdicts: Map<string, OrdersVerdict>): () => void {
  const answered = new Set<string>();
  const timer = setInterval(() => {
    for (const { data } of service.recorder!.of(paymentCreated)) {
      const verdict = verdicts.get(data.orderId) ?? 'complete';
      if (answered.has(data.orderId) || verdict === 'silent') continue;
      answered.add(data.orderId);
      void (async () => {
        const [order] = await service.database.db
          .select()
          .from(orderReplica)
          .where(eq(orderReplica.id, data.orderId));
        if (!order || order.status !== 'created') return;
        const base = {
          id: order.id,
          version: order.version + 1,
          userId: order.userId,
          ticket: { id: order.ticketId },
        };
        if (verdict === 'complete') await service.bus.publish(orderCompleted, base);
        else await service.bus.publish(orderCancelled, { ...base, reason: 'expired' });
      })();
    }
  }, 20);
  return () => clearInterval(timer);
}

/**
 * Payments on a real HTTP port (Stripe must reach its webhook) and the Stripe emulator on another, each
 * knowing the other's address: the port is bound first and handed the app once the service has started.
 */
export async function startPayments(
  overrides: Record<string, string> = {},
  { webhooks = true }: { webhooks?: boolean } = {},
): Promise<PaymentsHarness> {
  const bound: { app?: Express } = {};
  const listener: RequestListener = (req, res) =>
    bound.app ? bound.app(req, res) : res.writeHead(503).end();
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payments/webhook`;
  const emulator = createEmulator({
    // Without: every webhook is lost, as when Stripe cannot reach us.
    webhookUrl: webhooks ? webhookUrl : undefined,
    webhookSecret: WEBHOOK_SECRET,
    logger: silentLogger,
    webhookRetry: { maxAttempts: 10, baseDelayMs: 25, maxDelayMs: 250, timeoutMs: 5_000 },
  });
  const { url, port } = await emulator.listen(0);
  const service = await startTestService(paymentsService, (env) => loadServiceConfig(env), {
    STRIPE_SECRET_KEY: STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: url,
    PAYMENT_CONFIRM_TIMEOUT_MS: '3000',
    // Many payments with the same test cards: limits have their own test file.
    PAYMENT_RATE_POINTS_PER_USER: '1000',
    PAYMENT_RATE_POINTS_PER_CARD: '1000',
    RATE_LIMIT_PREFIX: `payments-test-${randomUUID()}`,
    ...overrides,
  });
  bound.app = service.app;
  const ordersVerdict = new Map<string, OrdersVerdict>();
  const stopAnswering = answerAsOrders(service, ordersVerdict);
  const stripe = new Stripe(STRIPE_KEY, { host: '127.0.0.1', port, protocol: 'http' });
  return {
    service,
    emulator,
    stripe,
    webhookUrl,
    ordersVerdict,
    close: async () => {
      stopAnswering();
      await emulator.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await service.close();
    },
  };
}

export const orderData = (overrides: Partial<OrderCreated> = {}): OrderCreated => ({
  id: randomUUID(),
  version: 0,
  status: 'created',
  userId: randomUUID(),
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  ticket: { id: randomUUID(), priceCents: 2_500, currency: 'usd' },
  ...overrides,
});

/** The part of an order that sets its price: one ticket (per unit) at `priceCents` in `currency`. */
export const pricedAt = (priceCents: number, currency: string): Pick<OrderCreated, 'ticket'> => ({
  ticket: { id: randomUUID(), priceCents, currency },
});

/** order.cancelled as orders publishes it for `order` (whose userId is its buyer's). */
export const cancellationOf = (
  order: OrderCreated,
  reason: OrderCancelled['reason'],
  version = 1,
): OrderCancelled => ({
  id: order.id,
  version,
  userId: order.userId,
  ticket: { id: order.ticket.id },
  reason,
});

/** A buyer's order as orders announces it, once the payments replica has it. */
export async function seedOrder(
  h: PaymentsHarness,
  overrides: Partial<OrderCreated> = {},
): Promise<{ order: OrderCreated; buyer: SignedIn }> {
  const buyer = signIn();
  const order = orderData({ userId: buyer.user.id, ...overrides });
  await h.service.bus.publish(orderCreated, order);
  await waitFor(() => replicaOf(h, order.id));
  return { order, buyer };
}

export async function replicaOf(h: PaymentsHarness, orderId: string) {
  const [row] = await h.service.database.db.select().from(orderReplica).where(eq(orderReplica.id, orderId));
  return row;
}

export const paymentsOf = (h: PaymentsHarness, orderId: string) =>
  h.service.database.db.select().from(payments).where(eq(payments.orderId, orderId));

export const pay = (h: PaymentsHarness, buyer: SignedIn, body: object) =>
  request(h.service.app).post('/api/payments').set(buyer.headers).send(body);

/**
 * A charge made at Stripe, not through POST /api/payments (its answer was lost, another tab raced ours): only
 * Stripe's webhook or a reconciliation tells payments. It charges the order's price unless `amount` says otherwise.
 */
export const chargeAtStripe = (
  h: PaymentsHarness,
  order: { id: string; ticket: { priceCents: number; currency: string } },
  { amount = order.ticket.priceCents, paymentMethod = 'pm_card_visa' } = {},
) =>
  h.stripe.paymentIntents.create({
    amount,
    currency: order.ticket.currency,
    payment_method: paymentMethod,
    confirm: true,
    metadata: { order_id: order.id },
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
  });

/** Every PaymentIntent Stripe created for the order (each confirmation attempt is one). */
export const intentsFor = (h: PaymentsHarness, orderId: string) =>
  h.emulator.events
    .list()
    .filter((e) => e.type === 'payment_intent.created')
    .map((e) => e.data.object as Stripe.PaymentIntent)
    .filter((intent) => intent.metadata.order_id === orderId);

export const stripeEventsOf = (h: PaymentsHarness, type: string, intentId: string) =>
  h.emulator.events
    .list()
    .filter((e) => e.type === type && (e.data.object as { id: string }).id === intentId);
