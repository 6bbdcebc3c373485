import Stripe from 'stripe';
import { cardPayment, rejectionOf, useEmulator } from './helpers/emulator';

const env = useEmulator();

describe('API keys', () => {
  it.each(['sk_live_real_key_never_here', 'pk_test_publishable', 'sk_test'])(
    'when the API key is %s, then the SDK throws StripeAuthenticationError',
    async (key) => {
      const error = await rejectionOf(env.client(key).paymentIntents.create(cardPayment()));

      expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect(error.statusCode).toBe(401);
    },
  );

  it('when no Authorization header is sent, then 401 in Stripe error shape', async () => {
    const res = await fetch(`${env.url}/v1/payment_intents/pi_x`);

    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('You did not provide an API key');
  });

  it('when the key is sent as curl -u does (Basic auth), then it is accepted', async () => {
    const auth = Buffer.from('sk_test_curl_user:').toString('base64');

    const res = await fetch(`${env.url}/v1/payment_intents/pi_x`, {
      headers: { Authorization: `Basic ${auth}` },
    });

    expect(res.status).toBe(404);
  });
});
