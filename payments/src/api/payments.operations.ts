import { jsonResponse, operation, pageQuery, pageResponse } from '@ticketing/common';
import { earningsView, paymentResult, paymentView, webhookReceipt } from './payment-view';
import { listPaymentsQuery, payOrderBody } from './payments.schemas';

// Each route of /api/payments, declared once: payments.router.ts mounts these, the OpenAPI document describes them.

export const WEBHOOK_PATH = '/webhook';

export const payOrder = operation('post /', {
  summary: "Pay an order with a card: the order's amount, never one from the client",
  access: 'signed-in',
  body: payOrderBody,
  responses: {
    201: jsonResponse('Paid, and orders accepted it: the order is complete', paymentResult),
    202: jsonResponse(
      'Charged, but orders has not answered in time: the order page shows the outcome',
      paymentResult,
    ),
    400: '`invalid_payment_method`, `amount_not_chargeable`, or invalid fields',
    402: "The card was declined (Stripe's code, e.g. `card_declined`); the order stays open",
    403: "`not_your_order`: another user's order",
    404: 'Unknown order',
    409: '`order_not_payable` (cancelled, expired, or ended while paying: refunded), `already_paid`, `payment_in_progress`',
    429: 'Too many attempts by this buyer or with this card',
    503: 'The order has not reached payments yet, or Stripe is unreachable: retry',
  },
});

export const listPayments = operation('get /', {
  summary: "The buyer's payments, newest first",
  access: 'signed-in',
  query: listPaymentsQuery,
  responses: {
    200: pageResponse('A page of payments', paymentView),
  },
});

export const sellerEarnings = operation('get /earnings', {
  summary: "The signed-in seller's sales (newest first) and totals per currency: pending, paid out, refunded",
  access: 'signed-in',
  query: pageQuery,
  responses: {
    200: jsonResponse('A page of sales with the totals of all of them', earningsView),
    400: 'Invalid cursor or limit',
  },
});

export const stripeWebhook = operation(`post ${WEBHOOK_PATH}`, {
  summary: 'Stripe webhook (payment_intent.succeeded, payment_intent.payment_failed)',
  description:
    'Called by Stripe: the raw body is a Stripe event, authenticated by its `Stripe-Signature` header ' +
    'instead of a session (no CSRF header). A payment that succeeds after its order ended is refunded.',
  access: 'public',
  responses: {
    200: jsonResponse('Received; `outcome` says what it did', webhookReceipt),
    400: '`invalid_signature`',
  },
});
