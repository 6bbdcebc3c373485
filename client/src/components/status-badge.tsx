'use client';

import type { Order, TicketStatus } from '@/lib/api/types';
import type { Messages } from '@/lib/messages';
import { useMessages } from './messages';

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`badge badge--${status}`}>{useMessages().ticketStatus[status]}</span>;
}

/** An order cancelled by its timer reads "Expired": that is what happened, from the buyer's side. */
export function orderStatusLabel(t: Messages, order: Pick<Order, 'status' | 'cancellationReason'>): string {
  if (order.status === 'cancelled' && order.cancellationReason === 'expired') return t.orderStatus.expired;
  if (order.status === 'cancelled' && order.cancellationReason === 'rejected') return t.orderStatus.rejected;
  if (order.status === 'cancelled' && order.cancellationReason === 'buyer_cancelled')
    return t.orderStatus.buyer_cancelled;
  return t.orderStatus[order.status];
}

export function OrderStatusBadge({ order }: { order: Pick<Order, 'status' | 'cancellationReason'> }) {
  const t = useMessages();
  const variant =
    order.status === 'cancelled' && order.cancellationReason === 'expired' ? 'expired' : order.status;
  return <span className={`badge badge--${variant}`}>{orderStatusLabel(t, order)}</span>;
}
