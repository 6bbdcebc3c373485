'use client';

import { useMessages } from '@/components/messages';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { errorPage: t } = useMessages();
  return (
    <div className="card empty narrow" role="alert">
      <h1>{t.title}</h1>
      <p className="muted">{t.text}</p>
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
