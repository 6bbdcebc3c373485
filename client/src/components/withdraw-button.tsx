'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';

export function WithdrawButton({ ticketId, title }: { ticketId: string; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    if (!window.confirm(`Withdraw “${title}” from sale?`)) return;
    setBusy(true);
    setError(null);
    try {
      await browserApi.withdrawTicket(ticketId);
    } catch (err) {
      const apiError = toApiError(err);
      setError(
        apiError.status === 409 ? 'It is reserved or sold now, so it cannot be withdrawn.' : apiError.message,
      );
    }
    setBusy(false);
    router.refresh();
  };
  return (
    <>
      <button
        type="button"
        className="button button--danger"
        onClick={withdraw}
        disabled={busy}
        aria-label={`Withdraw ${title}`}
      >
        Withdraw
      </button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
