'use client';

import { CardElement, Elements, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe, StripeElementLocale } from '@stripe/stripe-js';
// `pure` injects Stripe.js only when loadStripe is called (the main entry would on import).
import { loadStripe } from '@stripe/stripe-js/pure';
import { useEffect, useState, type FormEvent } from 'react';
import { useMessages } from './messages';
import { CardFormLoading, CardFormUnavailable, PaymentFooter } from './payment-controls';
import { PaymentMethodError, usePayment, type PaymentCallbacks } from './use-payment';

interface Props extends PaymentCallbacks {
  amount: string;
  publishableKey: string;
}

/** A script that neither loads nor fails (a black-holed network) must not leave "Loading…" forever. */
const LOAD_TIMEOUT_MS = 20_000;

type StripeJs = { state: 'loading' } | { state: 'ready'; stripe: Stripe } | { state: 'failed' };

function useStripeJs(publishableKey: string): StripeJs {
  const [stripeJs, setStripeJs] = useState<StripeJs>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Stripe.js load timed out')), LOAD_TIMEOUT_MS);
    });
    Promise.race([loadStripe(publishableKey), timeout])
      .then(
        (stripe): StripeJs => (stripe ? { state: 'ready', stripe } : { state: 'failed' }),
        (): StripeJs => ({ state: 'failed' }),
      )
      .then((next) => live && setStripeJs(next))
      .finally(() => clearTimeout(timer));
    return () => {
      live = false;
    };
  }, [publishableKey]);
  return stripeJs;
}

/** Card details in Stripe's own fields; only the PaymentMethod id it creates reaches our API. */
export function CardPaymentForm({ publishableKey, ...props }: Props) {
  const stripeJs = useStripeJs(publishableKey);
  // Stripe's own fields and messages in the language of the page.
  const locale = useMessages().lang as StripeElementLocale;
  return (
    <div data-testid="card-payment">
      {stripeJs.state === 'loading' && <CardFormLoading />}
      {stripeJs.state === 'failed' && <CardFormUnavailable />}
      {stripeJs.state === 'ready' && (
        <Elements stripe={stripeJs.stripe} options={{ locale }}>
          <CardForm {...props} />
        </Elements>
      )}
    </div>
  );
}

function CardForm({ amount, ...callbacks }: Omit<Props, 'publishableKey'>) {
  const stripe = useStripe();
  const elements = useElements();
  const [complete, setComplete] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const { pay, busy, error, setError } = usePayment(callbacks);
  const { payment: t } = useMessages();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const card = elements?.getElement(CardElement);
    if (!stripe || !card) return;
    void pay(async () => {
      const result = await stripe.createPaymentMethod({ type: 'card', card });
      if (result.error) throw new PaymentMethodError(result.error.message ?? t.cardNotAccepted);
      return result.paymentMethod.id;
    });
  };

  if (unavailable) return <CardFormUnavailable />;
  return (
    <form className="form" onSubmit={submit} aria-label={t.label}>
      <div className="field" role="group" aria-labelledby="card-label">
        <span id="card-label" className="field__label">
          {t.cardDetails}
        </span>
        <CardElement
          className="input card-input"
          options={{ style: { base: { fontSize: '16px' } } }}
          onChange={(event) => {
            setComplete(event.complete);
            // Stripe.js's own words ("Your card number is incomplete."), in the same place as a decline.
            setError(event.error?.message ?? null);
          }}
          onLoadError={() => setUnavailable(true)}
        />
      </div>
      <PaymentFooter error={error} busy={busy} amount={amount} ready={complete && Boolean(stripe)} />
    </form>
  );
}
