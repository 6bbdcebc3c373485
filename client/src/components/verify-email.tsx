'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { browserApi, refreshSession } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { errorText } from '@/lib/messages';
import { useMessages } from './messages';

/**
 * Spends the mailed token once the page is open, then renews the session (if this browser has one) so the
 * next access token says "verified" and selling works at once.
 */
export function VerifyEmail({ token, signedIn }: { token: string; signedIn: boolean }) {
  const router = useRouter();
  const t = useMessages();
  const [state, setState] = useState<{ done: boolean; error?: string }>({ done: false });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        await browserApi.verifyEmail(token);
        if (signedIn) await refreshSession();
        setState({ done: true });
        router.refresh();
      } catch (err) {
        setState({ done: true, error: errorText(t, toApiError(err)) });
      }
    })();
  }, [token, signedIn, router, t]);

  if (!state.done)
    return (
      <p role="status" className="alert">
        {t.verifyEmail.checking}
      </p>
    );
  if (state.error)
    return (
      <div className="alert alert--error" role="alert">
        <p>{state.error}</p>
      </div>
    );
  return (
    <div className="alert alert--success" role="status" data-testid="verify-email-result">
      <p>{t.verifyEmail.done}</p>
      <p>
        {signedIn ? (
          <Link href="/sell">{t.common.sellTicket}</Link>
        ) : (
          <Link href="/signin">{t.nav.signIn}</Link>
        )}
      </p>
    </div>
  );
}
