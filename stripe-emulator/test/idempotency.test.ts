import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { cardPayment, rejectionOf, useEmulator } from './helpers/emulator';

const env = useEmulator();

describe('idempotency keys', () => {
  it('when the same create request is sent twice with one Idempotency-Key, then the stored PaymentIntent is replayed and only one is created', async () => {
    const orderId = randomUUID();
    const params = cardPayment({ metadata: { order_id: orderId } });
    const idempotencyKey = `order-${orderId}`;

    const first = await env.stripe.paymentIntents.create(params, { idempotencyKey });
    const second = await env.stripe.paymentIntents.create(params, { idempotencyKey });

    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    const created = env.emulator.events
      .list()
      .filter((event) => event.type === 'payment_intent.created')
      .filter((event) => (event.data.object as Stripe.PaymentIntent).metadata.order_id === orderId);
    expect(created).toHaveLength(1);
  });

  it('when an Idempotency-Key is reused with a different body, then StripeIdempotencyError', async () => {
    const idempotencyKey = `order-${randomUUID()}`;
    await env.stripe.paymentIntents.create(cardPayment(), { idempotencyKey });

    const error = await rejectionOf(
      env.stripe.paymentIntents.create(cardPayment({ amount: 9900 }), { idempotencyKey }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
  });

  it('when a declined request is retried with its Idempotency-Key, then the same decline is replayed', async () => {
    const idempotencyKey = `order-${randomUUID()}`;
    const params = cardPayment({ payment_method: 'pm_card_chargeDeclined' });

    const first = await rejectionOf(env.stripe.paymentIntents.create(params, { idempotencyKey }));
    const second = await rejectionOf(env.stripe.paymentIntents.create(params, { idempotencyKey }));

    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id);
  });

  it('when a request failed validation, then retrying it with the same key runs it again', async () => {
    const idempotencyKey = `order-${randomUUID()}`;

    await rejectionOf(
      env.stripe.paymentIntents.create(cardPayment({ payment_method: 'pm_nope' }), { idempotencyKey }),
    );
    const fixed = await env.stripe.paymentIntents.create(cardPayment(), { idempotencyKey });

    expect(fixed.status).toBe('succeeded');
  });

  it('when another API key uses the same Idempotency-Key, then it gets its own PaymentIntent', async () => {
    const idempotencyKey = `order-${randomUUID()}`;

    const mine = await env.stripe.paymentIntents.create(cardPayment(), { idempotencyKey });
    const other = env.client('sk_test_another_account');
    const theirs = await other.paymentIntents.create(cardPayment(), { idempotencyKey });

    expect(theirs.id).not.toBe(mine.id);
  });
});
