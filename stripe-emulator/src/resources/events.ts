import type Stripe from 'stripe';
import { newId, nowSeconds } from '../ids';
import { snapshot, type EmulatorState, type RequestContext } from '../state';
import { retrieveFrom } from './retrieve';

/** The events the emulator emits, and the object each one carries. */
interface EventObjects {
  'payment_intent.created': Stripe.PaymentIntent;
  'payment_intent.succeeded': Stripe.PaymentIntent;
  'payment_intent.payment_failed': Stripe.PaymentIntent;
  'payment_intent.canceled': Stripe.PaymentIntent;
  'charge.succeeded': Stripe.Charge;
  'charge.failed': Stripe.Charge;
  'charge.refunded': Stripe.Charge;
  'refund.created': Stripe.Refund;
}

export type EmulatedEventType = keyof EventObjects;

export function emitEvent<T extends EmulatedEventType>(
  state: EmulatorState,
  ctx: RequestContext,
  type: T,
  object: EventObjects[T],
  previousAttributes?: Partial<EventObjects[T]>,
): Stripe.Event {
  const data: Stripe.Event.Data = { object: snapshot(object) };
  if (previousAttributes) data.previous_attributes = previousAttributes;
  // Stripe.Event is a union keyed by `type`; the EventObjects map above keeps type and object in step.
  const event = {
    id: newId('evt'),
    object: 'event',
    api_version: ctx.apiVersion,
    created: nowSeconds(),
    data,
    livemode: false,
    pending_webhooks: 0,
    request: { id: ctx.requestId, idempotency_key: ctx.idempotencyKey },
    type,
  } as Stripe.Event;
  state.events.set(event.id, event);
  ctx.emitted.push(event);
  return event;
}

export const retrieveEvent = retrieveFrom('event', (state) => state.events);
