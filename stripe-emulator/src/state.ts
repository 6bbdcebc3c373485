import type Stripe from 'stripe';
import { BoundedMap } from './bounded-map';
import type { Params } from './params';
import type { StoredPaymentMethod } from './test-cards';

/**
 * Everything the emulator remembers, in memory. This stands in for Stripe's own servers
 * (docs/architecture.md), never for a service's data, so losing it on restart is acceptable.
 */
export class EmulatorState {
  readonly paymentIntents: BoundedMap<string, Stripe.PaymentIntent>;
  readonly charges: BoundedMap<string, Stripe.Charge>;
  readonly refunds: BoundedMap<string, Stripe.Refund>;
  readonly events: BoundedMap<string, Stripe.Event>;
  readonly paymentMethods: BoundedMap<string, StoredPaymentMethod>;

  constructor(capacity: number) {
    this.paymentIntents = new BoundedMap(capacity);
    this.charges = new BoundedMap(capacity);
    this.refunds = new BoundedMap(capacity);
    this.events = new BoundedMap(capacity);
    this.paymentMethods = new BoundedMap(capacity);
  }
}

/** One API request as the resource handlers see it. */
export interface RequestContext {
  requestId: string;
  idempotencyKey: string | null;
  apiVersion: string;
  /** Path parameters (`:id`). */
  path: Record<string, string>;
  /** Form body for POST, query string for GET. */
  params: Params;
  /** Events created while handling the request; delivered once the response is sent. */
  emitted: Stripe.Event[];
}

export type Handler = (state: EmulatorState, ctx: RequestContext) => object;

/** Responses are copies, so later changes to the stored object never leak into an earlier answer. */
export const snapshot = <T>(value: T): T => structuredClone(value);
