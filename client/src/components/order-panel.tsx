'use client';

import Link from 'next/link';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { errorText } from '@/lib/messages';
import { formatMoney } from '@/lib/format';
import { CancelPaidOrder } from './cancel-paid-order';
import { ConfirmButton } from './confirm-button';
import { useLiveOrder, useOrderChange } from './live-order';
import { useMessages } from './messages';
import { Alert } from './page-parts';
import { PaymentForm } from './payment-form';

/** The buyer's side of an order (inside <LiveOrder>): the payment with its countdown, and the outcome. */
export function OrderPanel({ publishableKey, timeZone }: { publishableKey: string; timeZone?: string }) {
  const t = useMessages();
  const say = t.orderPanel;
  const { order, setOrder, paid, markPaid, timeUp } = useLiveOrder();
  const [notice, setNotice] = useState<string | null>(null);
  // Whatever cancelling answers (it may have been paid or have expired meanwhile), the order read again shows it.
  const {
    run: cancel,
    busy: cancelling,
    problem,
  } = useOrderChange(async (id) => {
    await browserApi.cancelOrder(id).catch(() => undefined);
    return browserApi.order(id);
  });

  const amount = formatMoney(order.totalCents, order.currency, t.locale);
  const several = order.quantity > 1;

  if (order.status === 'complete') {
    return (
      <div className="stack">
        <div className="alert alert--success" role="status" data-testid="order-result">
          <p>
            <strong>{several ? say.paidMany(order.quantity) : say.paidOne}</strong>
          </p>
          <p>
            {say.youPaid(amount)} {several ? say.readyMany(order.quantity) : say.readyOne}
          </p>
          <p className="actions">
            <Link href="/my-tickets">{say.seeEtickets}</Link>
            <a href={`/my-tickets/${order.id}/pdf`}>{say.downloadPdf}</a>
          </p>
        </div>
        <CancelPaidOrder timeZone={timeZone} amount={amount} />
      </div>
    );
  }
  if (order.status === 'cancelled' && order.cancellationReason === 'buyer_cancelled') {
    return (
      <div className="alert alert--info" role="status" data-testid="order-result">
        <p>
          <strong>{say.cancelled(amount, Boolean(order.refundedAt))}</strong>
        </p>
        <p>
          {order.refundedAt ? say.refundedText : say.refundingText}{' '}
          {several ? say.voidMany(order.quantity) : say.voidOne}
        </p>
        <Link href="/">{say.findAnother}</Link>
      </div>
    );
  }
  if (order.status === 'cancelled') {
    const expired = order.cancellationReason === 'expired';
    if (order.cancellationReason === 'rejected') {
      return (
        <div className="alert alert--warning" role="status" data-testid="order-result">
          <p>
            <strong>{say.rejectedTitle}</strong>
          </p>
          <p>{say.rejectedText}</p>
          <Link href="/">{say.findAnother}</Link>
        </div>
      );
    }
    return (
      <div className="alert alert--warning" role="status" data-testid="order-result">
        <p>
          <strong>{expired ? say.expiredTitle : say.cancelledTitle}</strong>
        </p>
        <p>{expired ? say.expiredText : say.cancelledText}</p>
        <Link href={`/tickets/${order.ticket.id}`}>{say.viewTicket}</Link>
      </div>
    );
  }
  if (paid) {
    return (
      <p className="alert alert--info" role="status" data-testid="order-result">
        {say.confirming}
      </p>
    );
  }
  if (timeUp) {
    return (
      <p className="alert alert--warning" role="status" data-testid="order-result">
        {say.timeUp}
      </p>
    );
  }
  return (
    <div className="stack">
      <Alert message={notice} tone="warning" />
      <Alert message={problem} />
      <PaymentForm
        orderId={order.id}
        amount={amount}
        publishableKey={publishableKey}
        onPaid={markPaid}
        onNotPayable={(error) => {
          setNotice(errorText(t, error));
          void browserApi.order(order.id).then(setOrder, () => undefined);
        }}
      />
      <ConfirmButton
        label={say.cancelReservation}
        question={say.cancelQuestion}
        detail={say.cancelDetail}
        cancelLabel={say.keepReservation}
        className="button button--link"
        disabled={cancelling}
        onConfirm={() => cancel()}
      />
    </div>
  );
}
