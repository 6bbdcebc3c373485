'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    // Signed out either way: a failed call leaves a session that expires on its own.
    await browserApi.signOut().catch(() => undefined);
    router.push('/');
    router.refresh();
  };
  return (
    <button type="button" className="button--link button" onClick={signOut} disabled={busy}>
      {label}
    </button>
  );
}
