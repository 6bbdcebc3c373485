'use client';

import { browserApi } from '@/lib/api/browser';
import { ConfirmButton } from './confirm-button';
import { Alert } from './page-parts';
import { useClock } from './use-clock';
import { useLiveOrder, useOrderChange } from './live-order';
import { EventDate } from './locale';
import { useMessages } from './messages';

/**
 * A paid order's "Cancel and refund", while its window is open: the deadline in the event's time zone, a
 * confirmation dialog, then the order as the API answers it (cancelled, refund on its way).
 */
export function CancelPaidOrder({ timeZone, amount }: { timeZone?: string; amount: string }) {
  const now = useClock();
  const { cancelPaid: t } = useMessages();
  const { order } = useLiveOrder();
  const { run: cancel, busy, problem } = useOrderChange(browserApi.cancelPaidOrder);
  if (!order.cancellableUntil || (now !== null && now * 1000 >= Date.parse(order.cancellableUntil)))
    return null;

  return (
    <div className="stack" data-testid="cancel-paid-order">
      <p>
        {t.until} <EventDate iso={order.cancellableUntil} timeZone={timeZone} withLocal={false} />
      </p>
      <Alert message={problem} />
      <ConfirmButton
        label={t.button}
        question={t.question}
        detail={t.detail(amount)}
        cancelLabel={t.keep}
        className="button button--secondary"
        disabled={busy}
        onConfirm={() => cancel()}
      />
    </div>
  );
}
