'use client';

import { browserApi } from '@/lib/api/browser';
import { ConfirmActionButton } from './confirm-action-button';
import { useMessages } from './messages';

const actions = {
  refund: (id: string) => browserApi.refundPayment(id),
  lock: (id: string) => browserApi.lockUser(id),
  unlock: (id: string) => browserApi.unlockUser(id),
};

/** One admin action on one row (refund a payment, lock or unlock a user), asked first in a dialog. */
export function AdminActionButton({
  action,
  id,
  label,
  ariaLabel,
  question,
  detail,
  danger = true,
}: {
  action: keyof typeof actions;
  id: string;
  label: string;
  ariaLabel: string;
  question: string;
  detail: string;
  danger?: boolean;
}) {
  const t = useMessages();
  return (
    <ConfirmActionButton
      action={() => actions[action](id)}
      label={label}
      ariaLabel={ariaLabel}
      question={question}
      detail={detail}
      cancelLabel={t.common.cancel}
      className={danger ? 'button button--danger' : 'button button--secondary'}
    />
  );
}
