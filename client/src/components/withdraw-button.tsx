'use client';

import { browserApi } from '@/lib/api/browser';
import { ConfirmActionButton } from './confirm-action-button';

export function WithdrawButton({ ticketId, title }: { ticketId: string; title: string }) {
  return (
    <ConfirmActionButton
      action={() => browserApi.withdrawTicket(ticketId)}
      label="Withdraw"
      ariaLabel={`Withdraw ${title}`}
      question={`Withdraw “${title}” from sale?`}
      detail="Buyers will no longer see it. This cannot be undone."
      confirmLabel="Withdraw"
      className="button button--danger"
    />
  );
}
