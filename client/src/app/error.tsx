'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="card empty narrow" role="alert">
      <h1>Something went wrong</h1>
      <p className="muted">We could not load this page. It is probably temporary.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
