'use client';

import { Countdown } from './countdown';
import { usePayDeadline } from './live-order';
import { useMessages } from './messages';
import { Alert } from './page-parts';

/**
 * What both payment forms end with: the latest problem, then the Pay button with the time left beside it
 * (on a phone this bar stays at the bottom of the screen while the form is in view).
 */
export function PaymentFooter({
  error,
  busy,
  amount,
  ready = true,
}: {
  error: string | null;
  busy: boolean;
  amount: string;
  /** False until a card can be charged (Stripe Elements: the card details are complete). */
  ready?: boolean;
}) {
  const deadline = usePayDeadline();
  const { payment: t } = useMessages();
  return (
    <>
      <Alert message={error} testId="payment-error" />
      <div className="pay-bar">
        {deadline && <Countdown expiresAt={deadline} />}
        <button type="submit" className="button pay-bar__button" disabled={busy || !ready}>
          {busy ? t.paying : t.pay(amount)}
        </button>
      </div>
    </>
  );
}

export function CardFormLoading() {
  const { payment: t } = useMessages();
  return (
    <p className="muted" role="status">
      {t.loading}
    </p>
  );
}

/** Stripe.js (or its card iframe) did not load: say so plainly rather than show a form that cannot work. */
export function CardFormUnavailable() {
  const { payment: t } = useMessages();
  return <Alert message={t.unavailable} testId="card-form-unavailable" />;
}
