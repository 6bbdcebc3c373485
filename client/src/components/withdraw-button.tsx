'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { ConfirmButton } from './confirm-button';
import { useFormAction } from './use-form-action';

export function WithdrawButton({ ticketId, title }: { ticketId: string; title: string }) {
  const router = useRouter();
  const {
    run: withdraw,
    busy,
    general: [error],
  } = useFormAction(async () => {
    try {
      await browserApi.withdrawTicket(ticketId);
    } finally {
      router.refresh();
    }
  });
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
        onConfirm={() => withdraw()}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
