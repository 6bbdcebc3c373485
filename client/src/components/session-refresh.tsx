'use client';

import { useEffect } from 'react';
import { refreshSession } from '@/lib/api/browser';
import { safeNext } from '@/lib/safe-next';
import { useMessages } from './messages';

/**
 * Refreshes the session from the browser (the refresh cookie is only sent to /api/users) and goes back.
 * A full navigation, not a client transition, so the page renders again with the new cookies.
 */
export function SessionRefresh({ next }: { next: string }) {
  const { auth: t } = useMessages();
  useEffect(() => {
    const target = safeNext(next);
    void refreshSession().then((ok) =>
      window.location.replace(ok ? target : `/signin?next=${encodeURIComponent(target)}`),
    );
  }, [next]);
  return (
    <p role="status" className="muted">
      {t.refreshing}
    </p>
  );
}
