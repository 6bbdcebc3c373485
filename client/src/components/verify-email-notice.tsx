'use client';

import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { errorText, messages } from '@/lib/messages';

/** "Email not verified — resend": shown to a signed-in user until they follow the mailed link. */
export function VerifyEmailNotice({ email, explain = false }: { email: string; explain?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const resend = async () => {
    setBusy(true);
    try {
      await browserApi.resendVerification();
      setResult({ ok: true, text: messages.verifyEmail.resent(email) });
    } catch (err) {
      setResult({ ok: false, text: errorText(toApiError(err)) });
    }
    setBusy(false);
  };
  return (
    <div className="alert verify-notice" data-testid="verify-email-notice">
      <p>
        <strong>{messages.verifyEmail.banner}</strong> —{' '}
        <button type="button" className="button button--link" onClick={resend} disabled={busy}>
          {messages.verifyEmail.resend}
        </button>
      </p>
      {explain && <p>{messages.verifyEmail.why}</p>}
      <p role="status" className={result && !result.ok ? 'field__error' : undefined}>
        {result?.text}
      </p>
    </div>
  );
}
