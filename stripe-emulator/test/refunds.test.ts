import Stripe from 'stripe';
import { cardPayment, rejectionOf, useEmulator } from './helpers/emulator';
import { deliveredAbout } from './helpers/webhook-receiver';

const env = useEmulator();

describe('refunds', () => {
  it('when a succeeded PaymentIntent is refunded, then a refund object comes back and a signed charge.refunded webhook arrives', async () => {
    const intent = await env.stripe.paymentIntents.create(
      cardPayment({ metadata: { order_id: 'order-refund' } }),
    );

    const refund = await env.stripe.refunds.create({
      payment_intent: intent.id,
      reason: 'requested_by_customer',
      metadata: { order_id: 'order-refund' },
    });

    expect(refund).toMatchObject({
      object: 'refund',
      amount: 2500,
      currency: 'usd',
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      reason: 'requested_by_customer',
      metadata: { order_id: 'order-refund' },
    });
    expect(refund.id).toMatch(/^re_/);
    await expect(env.stripe.refunds.retrieve(refund.id)).resolves.toMatchObject({
      id: refund.id,
      amount: 2500,
    });

    const hook = await env.receiver.waitFor(deliveredAbout('charge.refunded', String(intent.latest_charge)));
    const event = env.stripe.webhooks.constructEvent(hook.body, hook.signature, env.emulator.webhookSecret);
    expect(event.data.object).toMatchObject({ object: 'charge', amount_refunded: 2500, refunded: true });
    expect(event.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    await env.receiver.waitFor(deliveredAbout('refund.created', refund.id));
  });

  it('when a payment is refunded in parts, then the total can never exceed the charge', async () => {
    const intent = await env.stripe.paymentIntents.create(cardPayment({ amount: 1000 }));

    await env.stripe.refunds.create({ payment_intent: intent.id, amount: 400 });
    const tooMuch = await rejectionOf(env.stripe.refunds.create({ payment_intent: intent.id, amount: 700 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });

    const rest = await env.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(600);
    const again = await rejectionOf(env.stripe.refunds.create({ payment_intent: intent.id }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
  });

  it('when the PaymentIntent has not succeeded, then the refund is rejected with 400', async () => {
    const unpaid = await env.stripe.paymentIntents.create(cardPayment({ confirm: false }));

    const error = await rejectionOf(env.stripe.refunds.create({ payment_intent: unpaid.id }));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe(
      `This PaymentIntent (${unpaid.id}) does not have a successful charge to refund.`,
    );
  });

  it('when the PaymentIntent does not exist, then 400 resource_missing on payment_intent', async () => {
    const error = await rejectionOf(env.stripe.refunds.create({ payment_intent: 'pi_missing' }));

    expect(error).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_intent' });
  });
});
