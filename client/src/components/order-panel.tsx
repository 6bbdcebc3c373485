'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { errorText } from '@/lib/messages';
import { formatMoney } from '@/lib/format';
import { CancelPaidOrder } from './cancel-paid-order';
import { ConfirmButton } from './confirm-button';
import { useLiveOrder } from './live-order';
import { useLocale } from './locale';
import { PaymentForm } from './payment-form';
import { useFormAction } from './use-form-action';

/** The buyer's side of an order (inside <LiveOrder>): the payment with its countdown, and the outcome. */
export function OrderPanel({ publishableKey, timeZone }: { publishableKey: string; timeZone?: string }) {
  const router = useRouter();
  const locale = useLocale();
  const { order, setOrder, paid, markPaid, timeUp } = useLiveOrder();
  const [notice, setNotice] = useState<string | null>(null);
  // Whatever cancelling answers (it may have been paid or have expired meanwhile), the order read again shows it.
  const {
    run: cancel,
    busy: cancelling,
    general: [problem],
  } = useFormAction(async () => {
    await browserApi.cancelOrder(order.id).catch(() => undefined);
    setOrder(await browserApi.order(order.id));
    router.refresh();
  });

  const amount = formatMoney(order.totalCents, order.currency, locale);
  const several = order.quantity > 1;

  if (order.status === 'complete') {
    return (
      <div className="stack">
        <div className="alert alert--success" role="status" data-testid="order-result">
          <p>
            <strong>
              {several
                ? `Payment received — the ${order.quantity} tickets are yours.`
                : 'Payment received — the ticket is yours.'}
            </strong>
          </p>
          <p>
            You paid {amount}.{' '}
            {several
              ? `Your ${order.quantity} e-tickets (one QR code per person, to show at the entrance) are ready.`
              : 'Your e-ticket (a QR code to show at the entrance) is ready.'}
          </p>
          <p className="actions">
            <Link href="/my-tickets">See my e-tickets</Link>
            <a href={`/my-tickets/${order.id}/pdf`}>Download the PDF</a>
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
          <strong>
            Cancelled — refund of {amount} {order.refundedAt ? 'refunded' : 'on its way'}
          </strong>
        </p>
        <p>
          {order.refundedAt
            ? 'The money went back to your card; your bank shows it within a few days.'
            : 'We are refunding your card now.'}{' '}
          {several
            ? `Your ${order.quantity} e-tickets are no longer valid and the tickets are back on sale.`
            : 'Your e-ticket is no longer valid and the ticket is back on sale.'}
        </p>
        <Link href="/">Find another ticket</Link>
      </div>
    );
  }
  if (order.status === 'cancelled') {
    const expired = order.cancellationReason === 'expired';
    if (order.cancellationReason === 'rejected') {
      return (
        <div className="alert alert--warning" role="status" data-testid="order-result">
          <p>
            <strong>This ticket is no longer available</strong>
          </p>
          <p>
            The seller withdrew or changed the listing before your reservation reached it, so the order was
            cancelled. If you had already paid, the money is being refunded to your card.
          </p>
          <Link href="/">Find another ticket</Link>
        </div>
      );
    }
    return (
      <div className="alert alert--warning" role="status" data-testid="order-result">
        <p>
          <strong>{expired ? 'This reservation expired' : 'This order was cancelled'}</strong>
        </p>
        <p>
          {expired ? 'It was not paid in time, so the ticket went back on sale.' : 'You were not charged.'}
        </p>
        <Link href={`/tickets/${order.ticket.id}`}>View the ticket</Link>
      </div>
    );
  }
  if (paid) {
    return (
      <p className="alert alert--info" role="status" data-testid="order-result">
        Payment accepted. Confirming your order…
      </p>
    );
  }
  if (timeUp) {
    return (
      <p className="alert alert--warning" role="status" data-testid="order-result">
        Time is up: this reservation has expired. Releasing the ticket…
      </p>
    );
  }
  return (
    <div className="stack">
      {notice && (
        <p className="alert alert--warning" role="alert">
          {notice}
        </p>
      )}
      {problem && (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
      <PaymentForm
        orderId={order.id}
        amount={amount}
        publishableKey={publishableKey}
        onPaid={markPaid}
        onNotPayable={(error) => {
          setNotice(errorText(error));
          void browserApi.order(order.id).then(setOrder, () => undefined);
        }}
      />
      <ConfirmButton
        label="Cancel reservation"
        question="Cancel this reservation?"
        detail="The ticket goes back on sale and someone else may buy it. You have not been charged."
        confirmLabel="Cancel reservation"
        cancelLabel="Keep my reservation"
        className="button button--link"
        disabled={cancelling}
        onConfirm={() => cancel()}
      />
    </div>
  );
}
