'use client';

import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { messages } from '@/lib/messages';
import { useFormAction } from './use-form-action';

/** "Email not verified — resend": shown to a signed-in user until they follow the mailed link. */
export function VerifyEmailNotice({ email, explain = false }: { email: string; explain?: boolean }) {
  const [sent, setSent] = useState(false);
  const {
    run: resend,
    busy,
    general: [error],
  } = useFormAction(async () => {
    setSent(false);
    await browserApi.resendVerification();
    setSent(true);
  });
  return (
    <div className="alert verify-notice" data-testid="verify-email-notice">
      <p>
        <strong>{messages.verifyEmail.banner}</strong> —{' '}
        <button type="button" className="button button--link" onClick={() => resend()} disabled={busy}>
          {messages.verifyEmail.resend}
        </button>
      </p>
      {explain && <p>{messages.verifyEmail.why}</p>}
      <p role="status" className={error ? 'field__error' : undefined}>
        {error ?? (sent ? messages.verifyEmail.resent(email) : null)}
      </p>
    </div>
  );
}
