'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { errorText } from '@/lib/messages';

/** Reserves the ticket (creates an order) and goes to the order to pay for it. */
export function BuyButton({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const buy = async () => {
    setBusy(true);
    setError(null);
    try {
      const order = await browserApi.createOrder(ticketId);
      router.push(`/orders/${order.id}`);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 401) {
        router.push(`/signin?next=${encodeURIComponent(`/tickets/${ticketId}`)}`);
        return;
      }
      setError(errorText(apiError));
      setBusy(false);
      router.refresh();
    }
  };
  return (
    <div className="stack">
      <button type="button" className="button button--block" onClick={buy} disabled={busy}>
        {busy ? 'Reserving…' : 'Buy ticket'}
      </button>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
