'use client';

import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { useMessages } from './messages';
import { useFormAction } from './use-form-action';

/** "Email not verified — resend": shown to a signed-in user until they follow the mailed link. */
export function VerifyEmailNotice({ email, explain = false }: { email: string; explain?: boolean }) {
  const { verifyEmail: t } = useMessages();
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
        <strong>{t.banner}</strong> —{' '}
        <button type="button" className="button button--link" onClick={() => resend()} disabled={busy}>
          {t.resend}
        </button>
      </p>
      {explain && <p>{t.why}</p>}
      <p role="status" className={error ? 'field__error' : undefined}>
        {error ?? (sent ? t.resent(email) : null)}
      </p>
    </div>
  );
}
