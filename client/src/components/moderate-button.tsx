'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef } from 'react';
import { browserApi } from '@/lib/api/browser';
import { useMessages } from './messages';
import { useFormAction } from './use-form-action';

/**
 * An admin withdraws someone's listing: a modal dialog asks for the reason its seller will read
 * ("Withdrawn by moderation: …"); focus starts in the reason, Escape or "Keep it" cancels.
 */
export function ModerateButton({ ticketId, title }: { ticketId: string; title: string }) {
  const router = useRouter();
  const t = useMessages();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const {
    onSubmit,
    busy,
    general: [error],
  } = useFormAction(async (form) => {
    const reason = String(form.get('reason') ?? '').trim();
    if (reason.length < 3) return { general: [t.admin.reasonRequired] };
    await browserApi.moderateTicket(ticketId, reason);
    dialog.current?.close();
    router.refresh();
  });
  return (
    <>
      <button
        type="button"
        className="button button--danger"
        aria-label={t.common.withdrawNamed(title)}
        onClick={() => dialog.current?.showModal()}
      >
        {t.common.withdraw}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-q`}>
        <form className="stack" onSubmit={onSubmit} noValidate>
          <h2 id={`${id}-q`}>{t.common.withdrawQuestion(title)}</h2>
          <p>{t.admin.moderationDetail}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t.adminPage.reason}</label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={3}
              maxLength={300}
              required
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error && (
              <p id={`${id}-error`} className="field__error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              {t.common.withdraw}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => dialog.current?.close()}
            >
              {t.common.keepIt}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
