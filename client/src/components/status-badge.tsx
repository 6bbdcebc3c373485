import type { Order, TicketStatus } from '@/lib/api/types';
import { messages } from '@/lib/messages';

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`badge badge--${status}`}>{messages.ticketStatus[status]}</span>;
}

/** An order cancelled by its timer reads "Expired": that is what happened, from the buyer's side. */
export function orderStatusLabel(order: Pick<Order, 'status' | 'cancellationReason'>): string {
  if (order.status === 'cancelled' && order.cancellationReason === 'expired')
    return messages.orderStatus.expired;
  if (order.status === 'cancelled' && order.cancellationReason === 'rejected')
    return messages.orderStatus.rejected;
  if (order.status === 'cancelled' && order.cancellationReason === 'buyer_cancelled')
    return messages.orderStatus.buyer_cancelled;
  return messages.orderStatus[order.status];
}

export function OrderStatusBadge({ order }: { order: Pick<Order, 'status' | 'cancellationReason'> }) {
  const variant =
    order.status === 'cancelled' && order.cancellationReason === 'expired' ? 'expired' : order.status;
  return <span className={`badge badge--${variant}`}>{orderStatusLabel(order)}</span>;
}
