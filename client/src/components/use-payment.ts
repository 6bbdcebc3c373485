'use client';

import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { hasCode, toApiError, type ApiError } from '@/lib/api/errors';
import { errorText } from '@/lib/messages';
import { useMessages } from './messages';

export interface PaymentCallbacks {
  orderId: string;
  /** The API accepted the charge: the order completes when payments' event reaches orders. */
  onPaid: () => void;
  /** The order can no longer be paid (409): it was cancelled, expired or already paid. */
  onNotPayable: (error: ApiError) => void;
}

/** The card was refused before reaching us (Stripe.js validation): its message is shown as it is. */
export class PaymentMethodError extends Error {}

/**
 * The one charge flow of both payment forms: obtain a PaymentMethod id (a test card's, or one Stripe.js
 * created), send it to `POST /api/payments`, and turn the answer into what the buyer sees.
 */
export function usePayment({ orderId, onPaid, onNotPayable }: PaymentCallbacks) {
  const t = useMessages();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pay = async (paymentMethodId: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      await browserApi.pay(orderId, await paymentMethodId());
      onPaid();
    } catch (err) {
      setBusy(false);
      if (err instanceof PaymentMethodError) return setError(err.message);
      const apiError = toApiError(err);
      // A 409 but payment_in_progress: another payment for this order (another tab, a double click) is
      // still being processed, and the order may still be paid.
      if (apiError.status === 409 && !hasCode(apiError, 'payment_in_progress')) return onNotPayable(apiError);
      // 402: the card was refused; the order stays open for another try.
      setError(errorText(t, apiError));
    }
  };

  return { pay, busy, error, setError };
}
