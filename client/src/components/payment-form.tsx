'use client';

import dynamic from 'next/dynamic';
import { useState, type FormEvent } from 'react';
import { paymentModeFor, TEST_CARDS } from '@/lib/payment-mode';
import { useMessages } from './messages';
import { CardFormLoading, PaymentFooter } from './payment-controls';
import { TestCardPicker } from './test-card-picker';
import { usePayment, type PaymentCallbacks } from './use-payment';

interface Props extends PaymentCallbacks {
  amount: string;
  /** Stripe's publishable key from the server (run time); empty → the test-mode picker. */
  publishableKey: string;
}

// Stripe's code is fetched only where a key asks for it: the test-mode page never downloads it.
const CardPaymentForm = dynamic(() => import('./card-payment-form').then((m) => m.CardPaymentForm), {
  ssr: false,
  loading: () => <CardFormLoading />,
});

/** Collects a payment method and charges the order: Stripe Elements with a key, test cards without. */
export function PaymentForm({ publishableKey, ...props }: Props) {
  if (paymentModeFor(publishableKey) === 'elements')
    return <CardPaymentForm publishableKey={publishableKey} {...props} />;
  return <TestCardPaymentForm {...props} />;
}

function TestCardPaymentForm({ amount, ...callbacks }: Omit<Props, 'publishableKey'>) {
  const [method, setMethod] = useState<string>(TEST_CARDS[0].id);
  const { pay, busy, error } = usePayment(callbacks);
  const { payment: t } = useMessages();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void pay(async () => method);
  };

  return (
    <form className="form" onSubmit={submit} aria-label={t.label}>
      <TestCardPicker value={method} onChange={setMethod} />
      <PaymentFooter error={error} busy={busy} amount={amount} />
    </form>
  );
}
