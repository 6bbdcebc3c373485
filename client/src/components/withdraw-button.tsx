'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { ConfirmButton } from './confirm-button';
import { useMessages } from './messages';
import { useFormAction } from './use-form-action';

export function WithdrawButton({ ticketId, title }: { ticketId: string; title: string }) {
  const router = useRouter();
  const t = useMessages();
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
        label={t.common.withdraw}
        ariaLabel={t.common.withdrawNamed(title)}
        question={t.common.withdrawQuestion(title)}
        detail={t.listings.withdrawDetail}
        confirmLabel={t.common.withdraw}
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
