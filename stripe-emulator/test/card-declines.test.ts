import Stripe from 'stripe';
import { cardPayment, rejectionOf, useEmulator } from './helpers/emulator';
import { deliveredAbout } from './helpers/webhook-receiver';

const env = useEmulator();

describe('declined cards', () => {
  it('when the card is declined, then the SDK throws StripeCardError, the PaymentIntent waits for another method, and pm_card_visa then succeeds', async () => {
    const params = cardPayment({ payment_method: 'pm_card_chargeDeclined' });

    const error = await rejectionOf(env.stripe.paymentIntents.create(params));

    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });
    const intentId = error.payment_intent?.id ?? '';
    expect(intentId).toMatch(/^pi_/);

    const declined = await env.stripe.paymentIntents.retrieve(intentId);
    expect(declined.status).toBe('requires_payment_method');
    expect(declined.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined' });
    await env.receiver.waitFor(deliveredAbout('payment_intent.payment_failed', intentId));

    const retried = await env.stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });
    expect(retried).toMatchObject({ id: intentId, status: 'succeeded', last_payment_error: null });
    await env.receiver.waitFor(deliveredAbout('payment_intent.succeeded', intentId));
  });

  it.each([
    ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc'],
  ])(
    'when paying with %s, then the decline carries code %s and decline_code %s',
    async (card, code, declineCode) => {
      const error = await rejectionOf(
        env.stripe.paymentIntents.create(cardPayment({ payment_method: card })),
      );

      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(error).toMatchObject({ code, decline_code: declineCode });
    },
  );
});
