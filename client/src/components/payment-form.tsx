'use client';

import { useState, type FormEvent } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError, type ApiError } from '@/lib/api/errors';
import { paymentMode, TEST_CARDS } from '@/lib/payment-mode';
import { TestCardPicker } from './test-card-picker';

interface Props {
  orderId: string;
  amount: string;
  /** The API accepted the charge: the order completes when payments' event reaches orders. */
  onPaid: () => void;
  /** The order can no longer be paid (409): it was cancelled, expired or already paid. */
  onNotPayable: (error: ApiError) => void;
}

/**
 * Collects a payment method and charges the order. The method comes from the test-card picker, or from
 * Stripe Elements once it is bundled: only `paymentMethodId` differs, the request is the same.
 */
export function PaymentForm({ orderId, amount, onPaid, onNotPayable }: Props) {
  const [method, setMethod] = useState<string>(TEST_CARDS[0].id);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await browserApi.pay(orderId, method);
      onPaid();
    } catch (err) {
      const apiError = toApiError(err);
      setBusy(false);
      if (apiError.status === 409) return onNotPayable(apiError);
      // 402: Stripe's own words ("Your card was declined."); the order stays open for another try.
      setError(apiError.status === 402 ? `${apiError.message} Try another card.` : apiError.message);
    }
  };

  if (paymentMode() === 'elements') {
    return (
      <p className="alert alert--warning" role="alert">
        Card payments need Stripe Elements, which this build does not include yet.
      </p>
    );
  }

  return (
    <form className="form" onSubmit={submit} aria-label="Payment">
      <TestCardPicker value={method} onChange={setMethod} />
      {error && (
        <p className="alert alert--error" role="alert" data-testid="payment-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Paying…' : `Pay ${amount}`}
      </button>
    </form>
  );
}
