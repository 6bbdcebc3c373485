'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { browserApi } from '@/lib/api/browser';
import type { Order } from '@/lib/api/types';
import { useExpired } from './countdown';
import { OrderStatusBadge } from './status-badge';
import { useFormAction } from './use-form-action';

const POLL_MS = 1_000;

interface LiveOrderState {
  order: Order;
  setOrder: (order: Order) => void;
  /** The API accepted the payment; the order completes when the event reaches orders. */
  paid: boolean;
  markPaid: () => void;
  timeUp: boolean;
}

const LiveOrderContext = createContext<LiveOrderState | null>(null);

/**
 * The one copy of an order on its page: the header's badge and the panel both read it, so they change
 * together. Completion and expiry arrive by events a moment after the fact, so while the buyer has paid
 * or the time is up (or a cancelled order awaits its refund), the order is polled until it settles.
 */
export function LiveOrder({ initial, children }: { initial: Order; children: ReactNode }) {
  const [order, setOrder] = useState(initial);
  const [paid, setPaid] = useState(false);
  const timeUp = useExpired(order.expiresAt);
  // A buyer's cancellation is refunded a moment later too: polled until the refund is recorded.
  const refundDue = order.cancellationReason === 'buyer_cancelled' && !order.refundedAt;
  const polling = (order.status === 'created' && (paid || timeUp)) || refundDue;

  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => {
      browserApi
        .order(order.id)
        .then(setOrder)
        .catch(() => undefined); // keep polling; a blip is not an answer
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [polling, order.id]);

  return (
    <LiveOrderContext.Provider value={{ order, setOrder, paid, markPaid: () => setPaid(true), timeUp }}>
      {children}
    </LiveOrderContext.Provider>
  );
}

export function useLiveOrder(): LiveOrderState {
  const state = useContext(LiveOrderContext);
  if (!state) throw new Error('useLiveOrder outside <LiveOrder>');
  return state;
}

/**
 * A button's change to the order (cancelling it): `change` answers the order as it is afterwards, which the
 * page then shows, and the server's parts of the page are read again. `problem`: what went wrong, if it did.
 */
export function useOrderChange(change: (orderId: string) => Promise<Order>) {
  const router = useRouter();
  const { order, setOrder } = useLiveOrder();
  const {
    run,
    busy,
    general: [problem],
  } = useFormAction(async () => {
    setOrder(await change(order.id));
    router.refresh();
  });
  return { run, busy, problem };
}

/** The order's deadline while it can still be paid, for the countdown beside the Pay button. */
export function usePayDeadline(): string | null {
  const state = useContext(LiveOrderContext);
  return state && state.order.status === 'created' && !state.timeUp ? state.order.expiresAt : null;
}

export function LiveOrderBadge() {
  return (
    <span data-testid="order-status">
      <OrderStatusBadge order={useLiveOrder().order} />
    </span>
  );
}
