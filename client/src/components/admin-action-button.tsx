'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { ConfirmButton } from './confirm-button';
import { useMessages } from './messages';
import { useFormAction } from './use-form-action';

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
  const router = useRouter();
  const t = useMessages();
  const {
    run,
    busy,
    general: [error],
  } = useFormAction(async () => {
    try {
      await actions[action](id);
    } finally {
      router.refresh();
    }
  });
  return (
    <>
      <ConfirmButton
        label={label}
        ariaLabel={ariaLabel}
        question={question}
        detail={detail}
        confirmLabel={label}
        cancelLabel={t.common.cancel}
        className={danger ? 'button button--danger' : 'button button--secondary'}
        disabled={busy}
        onConfirm={() => run()}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
