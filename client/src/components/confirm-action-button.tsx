'use client';

import { useRouter } from 'next/navigation';
import { ConfirmButton, type ConfirmButtonProps } from './confirm-button';
import { useFormAction } from './use-form-action';

/**
 * A row's action that is asked first (withdraw a listing, refund a payment, lock a user): sent through
 * useFormAction, so the button is busy meanwhile and what went wrong shows after it. The page is read again
 * either way: the row then shows what is true now.
 */
export function ConfirmActionButton({
  action,
  ...button
}: Omit<ConfirmButtonProps, 'disabled' | 'onConfirm'> & { action: () => Promise<unknown> }) {
  const router = useRouter();
  const {
    run,
    busy,
    general: [error],
  } = useFormAction(async () => {
    try {
      await action();
    } finally {
      router.refresh();
    }
  });
  return (
    <>
      <ConfirmButton {...button} disabled={busy} onConfirm={() => run()} />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
