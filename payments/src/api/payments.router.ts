import { handle, requireAuth, requireRole, userOf, type Database } from '@ticketing/common';
import { Router } from 'express';
import type { StripeClient } from '../data/stripe-client';
import type { AttemptLimit } from '../domain/attempt-limit';
import { handleStripeEvent } from '../domain/handle-stripe-event';
import { listPayments } from '../domain/list-payments';
import { payOrder } from '../domain/pay-order';
import { listAllPayments, refundByAdmin } from '../domain/refund-by-admin';
import * as admin from './admin.operations';
import { sellerEarnings } from '../domain/seller-earnings';
import { toPaymentView } from './payment-view';
import * as api from './payments.operations';
import { verifiedEvent } from './stripe-signature';

export { WEBHOOK_PATH } from './payments.operations';

export interface PaymentsRouterDeps {
  database: Database;
  stripe: StripeClient;
  webhookSecret: string;
  confirmTimeoutMs: number;
  limitAttempt: AttemptLimit;
}

export function paymentsRouter({
  database,
  stripe,
  webhookSecret,
  confirmTimeoutMs,
  limitAttempt,
}: PaymentsRouterDeps): Router {
  const router = Router();

  handle(router, api.payOrder, requireAuth, async (req, res) => {
    const { payment, confirmed } = await payOrder(database, stripe, req.body, userOf(req).id, {
      confirmTimeoutMs,
      limitAttempt,
    });
    // 202: charged, but orders has not accepted it yet (e.g. it is away); the order page shows the outcome.
    res.status(confirmed ? 201 : 202).json({ id: payment.id, status: payment.status });
  });

  handle(router, api.listPayments, requireAuth, async (req, res) => {
    const { limit, cursor, orderId } = req.query;
    const page = await listPayments(database, { userId: userOf(req).id, orderId }, limit, cursor);
    res.json({ items: page.items.map(toPaymentView), nextCursor: page.nextCursor });
  });

  handle(router, api.sellerEarnings, requireAuth, async (req, res) => {
    const { limit, cursor } = req.query;
    res.json(await sellerEarnings(database, userOf(req).id, limit, cursor));
  });

  handle(router, admin.listAllPayments, requireRole('admin'), async (req, res) => {
    const { limit, cursor, orderId } = req.query;
    const page = await listAllPayments(database, { orderId }, limit, cursor);
    res.json({ items: page.items.map(toPaymentView), nextCursor: page.nextCursor });
  });

  handle(router, admin.refundPayment, requireRole('admin'), async (req, res) => {
    res.status(202).json(toPaymentView(await refundByAdmin(database, req.params.id)));
  });

  // Authenticated by Stripe's signature instead of a session (and exempt from CSRF in app.ts).
  handle(router, api.stripeWebhook, async (req, res) => {
    const event = verifiedEvent(stripe, req.rawBody, req.get('stripe-signature'), webhookSecret);
    const outcome = await handleStripeEvent(database, event);
    res.status(200).json({ received: true, outcome });
  });

  return router;
}
