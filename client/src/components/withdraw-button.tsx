'use client';

import { browserApi } from '@/lib/api/browser';
import { ConfirmActionButton } from './confirm-action-button';
import { useMessages } from './messages';

export function WithdrawButton({ ticketId, title }: { ticketId: string; title: string }) {
  const t = useMessages();
  return (
    <ConfirmActionButton
      action={() => browserApi.withdrawTicket(ticketId)}
      label={t.common.withdraw}
      ariaLabel={t.common.withdrawNamed(title)}
      question={t.common.withdrawQuestion(title)}
      detail={t.listings.withdrawDetail}
      className="button button--danger"
    />
  );
}
