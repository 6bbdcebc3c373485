import type { Route } from './http/router';
import { retrieveCharge } from './resources/charges';
import { retrieveEvent } from './resources/events';
import { retrievePaymentMethod } from './resources/payment-methods';
import { listPaymentIntents } from './resources/payment-intent-list';
import {
  cancelPaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  retrievePaymentIntent,
} from './resources/payment-intents';
import { createRefund, retrieveRefund } from './resources/refunds';
import type { Handler } from './state';

/** The subset of Stripe's v1 API the payments service uses (plus charge retrieval for debugging). */
export const apiRoutes: Route<Handler>[] = [
  { method: 'POST', path: '/v1/payment_intents', handler: createPaymentIntent },
  { method: 'GET', path: '/v1/payment_intents', handler: listPaymentIntents },
  { method: 'GET', path: '/v1/payment_intents/:id', handler: retrievePaymentIntent },
  { method: 'POST', path: '/v1/payment_intents/:id/confirm', handler: confirmPaymentIntent },
  { method: 'POST', path: '/v1/payment_intents/:id/cancel', handler: cancelPaymentIntent },
  { method: 'GET', path: '/v1/payment_methods/:id', handler: retrievePaymentMethod },
  { method: 'POST', path: '/v1/refunds', handler: createRefund },
  { method: 'GET', path: '/v1/refunds/:id', handler: retrieveRefund },
  { method: 'GET', path: '/v1/charges/:id', handler: retrieveCharge },
  { method: 'GET', path: '/v1/events/:id', handler: retrieveEvent },
];
