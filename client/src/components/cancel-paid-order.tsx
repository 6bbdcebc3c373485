'use client';

import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { ConfirmButton } from './confirm-button';
import { useClock } from './use-clock';
import { useLiveOrder } from './live-order';
import { EventDate } from './locale';
import { useMessages } from './messages';
import { useFormAction } from './use-form-action';

/**
 * A paid order's "Cancel and refund", while its window is open: the deadline in the event's time zone, a
 * confirmation dialog, then the order as the API answers it (cancelled, refund on its way).
 */
export function CancelPaidOrder({ timeZone, amount }: { timeZone?: string; amount: string }) {
  const router = useRouter();
  const now = useClock();
  const { cancelPaid: t } = useMessages();
  const { order, setOrder } = useLiveOrder();
  const {
    run: cancel,
    busy,
    general: [problem],
  } = useFormAction(async () => {
    setOrder(await browserApi.cancelPaidOrder(order.id));
    router.refresh();
  });
  if (!order.cancellableUntil || (now !== null && now * 1000 >= Date.parse(order.cancellableUntil)))
    return null;

  return (
    <div className="stack" data-testid="cancel-paid-order">
      <p>
        {t.until} <EventDate iso={order.cancellableUntil} timeZone={timeZone} withLocal={false} />
      </p>
      {problem && (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
      <ConfirmButton
        label={t.button}
        question={t.question}
        detail={t.detail(amount)}
        confirmLabel={t.button}
        cancelLabel={t.keep}
        className="button button--secondary"
        disabled={busy}
        onConfirm={() => cancel()}
      />
    </div>
  );
}
