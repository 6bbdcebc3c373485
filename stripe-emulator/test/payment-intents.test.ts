import Stripe from 'stripe';
import { cardPayment, rejectionOf, useEmulator } from './helpers/emulator';
import { deliveredAbout } from './helpers/webhook-receiver';

const env = useEmulator();

describe('creating and confirming PaymentIntents', () => {
  it('when a card payment is confirmed with pm_card_visa, then it succeeds and a payment_intent.succeeded webhook signed like Stripe arrives', async () => {
    const intent = await env.stripe.paymentIntents.create(
      cardPayment({ metadata: { order_id: 'order-visa' } }),
    );

    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 2500,
      amount_received: 2500,
      currency: 'usd',
      status: 'succeeded',
      livemode: false,
      metadata: { order_id: 'order-visa' },
      last_payment_error: null,
    });
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.latest_charge).toMatch(/^ch_/);
    expect(intent.payment_method).toMatch(/^pm_/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));

    const hook = await env.receiver.waitFor(deliveredAbout('payment_intent.succeeded', intent.id));
    const event = env.stripe.webhooks.constructEvent(hook.body, hook.signature, env.emulator.webhookSecret);
    expect(event.type).toBe('payment_intent.succeeded');
    expect(event.id).toMatch(/^evt_/);
    expect((event.data.object as Stripe.PaymentIntent).metadata.order_id).toBe('order-visa');
    expect(() =>
      env.stripe.webhooks.constructEvent(hook.body, hook.signature, 'whsec_not_the_secret'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    await expect(env.stripe.events.retrieve(event.id)).resolves.toMatchObject({
      id: event.id,
      type: event.type,
    });
  });

  it('when a PaymentIntent is created without confirm and confirmed later, then the confirmation charges it', async () => {
    const params = cardPayment({ confirm: false, payment_method: undefined });
    const created = await env.stripe.paymentIntents.create(params);
    expect(created.status).toBe('requires_payment_method');

    const confirmed = await env.stripe.paymentIntents.confirm(created.id, {
      payment_method: 'pm_card_mastercard',
    });

    expect(confirmed.status).toBe('succeeded');
    const expanded = await env.stripe.paymentIntents.retrieve(created.id, { expand: ['latest_charge'] });
    expect(expanded.latest_charge).toMatchObject({
      object: 'charge',
      status: 'succeeded',
      amount: 2500,
      payment_method_details: {
        type: 'card',
        card: { brand: 'mastercard', last4: '4444', funding: 'credit' },
      },
    });
  });

  it('when required parameters are missing or invalid, then StripeInvalidRequestError names the parameter', async () => {
    const missing = await rejectionOf(env.stripe.paymentIntents.create({ currency: 'usd' } as never));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });

    const tooSmall = await rejectionOf(env.stripe.paymentIntents.create(cardPayment({ amount: 10 })));
    expect(tooSmall).toMatchObject({
      code: 'amount_too_small',
      message: 'Amount must be at least $0.50 usd',
    });

    const unknown = await rejectionOf(
      env.stripe.paymentIntents.create({ ...cardPayment(), colour: 'red' } as never),
    );
    expect(unknown).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
  });

  it('when payment_method_types is sent, then the pinned API version refuses it and an older Stripe-Version accepts it', async () => {
    const legacy = {
      ...cardPayment({ allowed_payment_method_types: undefined }),
      payment_method_types: ['card'],
    };

    const refused = await rejectionOf(env.stripe.paymentIntents.create(legacy as never));
    expect(refused).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'payment_method_types',
    });

    const older = await env.stripe.paymentIntents.create(legacy as never, {
      apiVersion: '2025-09-30.clover',
    });
    expect(older.status).toBe('succeeded');
  });

  it('when the payment method is not one Stripe knows, then 400 resource_missing', async () => {
    const params = cardPayment({ payment_method: 'pm_card_nope' });

    const error = await rejectionOf(env.stripe.paymentIntents.create(params));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_method' });
  });

  it('when automatic payment methods may redirect and no return_url is given, then confirming is refused as Stripe does', async () => {
    const params = cardPayment({ allowed_payment_method_types: undefined });

    const error = await rejectionOf(env.stripe.paymentIntents.create(params));
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(error.message).toContain('return_url');

    const noRedirects = {
      ...params,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' as const },
    };
    await expect(env.stripe.paymentIntents.create(noRedirects)).resolves.toMatchObject({
      status: 'succeeded',
    });
  });

  it('when a PaymentIntent id does not exist, then 404 resource_missing', async () => {
    const error = await rejectionOf(env.stripe.paymentIntents.retrieve('pi_does_not_exist'));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

describe('cancelling', () => {
  it('when an unpaid PaymentIntent is cancelled, then it is canceled; a succeeded one cannot be', async () => {
    const open = await env.stripe.paymentIntents.create(cardPayment({ confirm: false }));
    const cancelled = await env.stripe.paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' });
    expect(cancelled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });

    const paid = await env.stripe.paymentIntents.create(cardPayment());
    const error = await rejectionOf(env.stripe.paymentIntents.cancel(paid.id));
    expect(error).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });
});
