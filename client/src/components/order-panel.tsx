'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import type { Order } from '@/lib/api/types';
import { formatMoney } from '@/lib/format';
import { Countdown, useExpired } from './countdown';
import { useLocale } from './locale';
import { PaymentForm } from './payment-form';

const POLL_MS = 1_000;

/**
 * The buyer's side of an order: the countdown, the payment, and the outcome. Completion and expiry
 * arrive by events a moment after the fact, so the panel polls the order until it reaches its final state.
 */
export function OrderPanel({ initial, publishableKey }: { initial: Order; publishableKey: string }) {
  const router = useRouter();
  const locale = useLocale();
  const [order, setOrder] = useState(initial);
  const [paid, setPaid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const timeUp = useExpired(order.expiresAt);
  const open = order.status === 'created';
  const polling = open && (paid || timeUp);

  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => {
      browserApi
        .order(order.id)
        .then((fresh) => setOrder(fresh))
        .catch(() => undefined); // keep polling; a blip is not an answer
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [polling, order.id]);

  const cancel = async () => {
    setCancelling(true);
    await browserApi.cancelOrder(order.id).catch(() => undefined);
    setOrder(await browserApi.order(order.id));
    setCancelling(false);
    router.refresh();
  };

  const amount = formatMoney(order.priceCents, order.currency, locale);

  if (order.status === 'complete') {
    return (
      <div className="alert alert--success" role="status" data-testid="order-result">
        <p>
          <strong>Payment received — the ticket is yours.</strong>
        </p>
        <p>You paid {amount}. It is listed under your orders.</p>
        <Link href="/orders">See my orders</Link>
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
      <Countdown expiresAt={order.expiresAt} />
      {notice && (
        <p className="alert alert--warning" role="alert">
          {notice}
        </p>
      )}
      <PaymentForm
        orderId={order.id}
        amount={amount}
        publishableKey={publishableKey}
        onPaid={() => setPaid(true)}
        onNotPayable={(error) => {
          setNotice(error.message);
          void browserApi.order(order.id).then(setOrder, () => undefined);
        }}
      />
      <button type="button" className="button button--link" onClick={cancel} disabled={cancelling}>
        Cancel reservation
      </button>
    </div>
  );
}
