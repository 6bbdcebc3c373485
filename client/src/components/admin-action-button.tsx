'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { errorText } from '@/lib/messages';
import { ConfirmButton } from './confirm-button';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await actions[action](id);
    } catch (err) {
      setError(errorText(toApiError(err)));
    }
    setBusy(false);
    router.refresh();
  };
  return (
    <>
      <ConfirmButton
        label={label}
        ariaLabel={ariaLabel}
        question={question}
        detail={detail}
        confirmLabel={label}
        cancelLabel="Cancel"
        className={danger ? 'button button--danger' : 'button button--secondary'}
        disabled={busy}
        onConfirm={() => void run()}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
