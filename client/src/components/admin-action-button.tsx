'use client';

import { browserApi } from '@/lib/api/browser';
import { ConfirmActionButton } from './confirm-action-button';
import { useMessages } from './messages';

const actions = {
  refund: (id: string) => browserApi.refundPayment(id),
  lock: (id: string) => browserApi.lockUser(id),
  unlock: (id: string) => browserApi.unlockUser(id),
};

/**
 * One admin action on one row (refund a payment, lock or unlock a user), asked first in a dialog; its
 * words come from the catalogue's entry for the action, naming `subject` (the order, the account).
 */
export function AdminActionButton({
  action,
  id,
  subject,
  danger = true,
}: {
  action: keyof typeof actions;
  id: string;
  subject: string;
  danger?: boolean;
}) {
  const t = useMessages();
  const words = t.adminPage[action];
  return (
    <ConfirmActionButton
      action={() => actions[action](id)}
      label={words.label}
      ariaLabel={words.named(subject)}
      question={words.question(subject)}
      detail={words.detail}
      cancelLabel={t.common.cancel}
      className={danger ? 'button button--danger' : 'button button--secondary'}
    />
  );
}
