import type { Order, TicketStatus } from '@/lib/api/types';

const TICKET_LABELS: Record<TicketStatus, string> = {
  available: 'Available',
  reserved: 'Reserved',
  sold: 'Sold',
  withdrawn: 'Withdrawn',
};

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`badge badge--${status}`}>{TICKET_LABELS[status]}</span>;
}

/** An order cancelled by its timer reads "Expired": that is what happened, from the buyer's side. */
export function orderStatusLabel(order: Pick<Order, 'status' | 'cancellationReason'>): string {
  if (order.status === 'complete') return 'Paid';
  if (order.status === 'created') return 'Awaiting payment';
  if (order.cancellationReason === 'rejected') return 'No longer available';
  return order.cancellationReason === 'expired' ? 'Expired' : 'Cancelled';
}

export function OrderStatusBadge({ order }: { order: Pick<Order, 'status' | 'cancellationReason'> }) {
  const variant =
    order.status === 'cancelled' && order.cancellationReason === 'expired' ? 'expired' : order.status;
  return <span className={`badge badge--${variant}`}>{orderStatusLabel(order)}</span>;
}
