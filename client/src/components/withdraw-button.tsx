'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { errorText } from '@/lib/messages';
import { ConfirmButton } from './confirm-button';

export function WithdrawButton({ ticketId, title }: { ticketId: string; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await browserApi.withdrawTicket(ticketId);
    } catch (err) {
      setError(errorText(toApiError(err)));
    }
    setBusy(false);
    router.refresh();
  };
  return (
    <>
      <ConfirmButton
        label="Withdraw"
        ariaLabel={`Withdraw ${title}`}
        question={`Withdraw “${title}” from sale?`}
        detail="Buyers will no longer see it. This cannot be undone."
        confirmLabel="Withdraw"
        className="button button--danger"
        disabled={busy}
        onConfirm={() => void withdraw()}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
