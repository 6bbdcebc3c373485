'use client';

import { useId, useRef } from 'react';
import { useMessages } from './messages';

/**
 * A button that asks first, in a modal <dialog> (focus moves into it and returns, Escape cancels), instead
 * of the browser's confirm(). The dialog's button that goes ahead says what the first one said.
 */
export interface ConfirmButtonProps {
  label: string;
  ariaLabel?: string;
  question: string;
  detail?: string;
  cancelLabel?: string;
  className: string;
  disabled?: boolean;
  onConfirm: () => void;
}

export function ConfirmButton({
  label,
  ariaLabel,
  question,
  detail,
  cancelLabel,
  className,
  disabled,
  onConfirm,
}: ConfirmButtonProps) {
  const { common } = useMessages();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={ariaLabel}
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={`${id}-q`}
        aria-describedby={detail ? `${id}-d` : undefined}
      >
        <h2 id={`${id}-q`}>{question}</h2>
        {detail && <p id={`${id}-d`}>{detail}</p>}
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {label}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => dialog.current?.close()}
            autoFocus
          >
            {cancelLabel ?? common.keepIt}
          </button>
        </div>
      </dialog>
    </>
  );
}
