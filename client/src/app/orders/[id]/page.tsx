import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { LiveOrder, LiveOrderBadge } from '@/components/live-order';
import { EventDate, LocalDate, Money } from '@/components/locale';
import { OrderPanel } from '@/components/order-panel';
import { OrderStatusBadge } from '@/components/status-badge';
import { requireUser, serverApi } from '@/lib/api/server';
import { formatCard } from '@/lib/format';
import { stripePublishableKey } from '@/lib/stripe-key';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/orders/${id}`);
  const order = await serverApi.order(id);
  // An admin may read anyone's order: they see its facts, never the buyer's wording or a Pay form.
  const buyer = order.userId === user.id;
  const [zones, card] = await Promise.all([
    serverApi.timeZonesOf([order.ticket.id]),
    order.paidAt ? serverApi.cardThatPaid(order.id, !buyer) : null,
  ]);
  const facts = (
    <section className="card stack" aria-labelledby="ticket-heading">
      <h2 id="ticket-heading">
        <Link href={`/tickets/${order.ticket.id}`}>{order.ticket.title}</Link>
      </h2>
      <dl className="facts">
        <dt>Venue</dt>
        <dd>{order.ticket.venue}</dd>
        <dt>When</dt>
        <dd>
          <EventDate iso={order.ticket.eventDate} timeZone={zones.get(order.ticket.id)} />
        </dd>
        <dt>Tickets</dt>
        <dd data-testid="order-quantity">{order.quantity}</dd>
        <dt>Ordered</dt>
        <dd>
          <LocalDate iso={order.createdAt} />
        </dd>
      </dl>
      <h3 id="receipt-heading">{order.paidAt ? 'Receipt' : 'Price'}</h3>
      <dl className="facts receipt" aria-labelledby="receipt-heading" data-testid="receipt">
        <dt>{order.quantity > 1 ? 'Tickets' : 'Ticket price'}</dt>
        <dd>
          <Money minor={order.amountCents} currency={order.currency} />
          {order.quantity > 1 && (
            <span className="muted">
              {' '}
              ({order.quantity} × <Money minor={order.priceCents} currency={order.currency} />)
            </span>
          )}
        </dd>
        <dt>Service fee</dt>
        <dd>
          <Money minor={order.serviceFeeCents} currency={order.currency} />
        </dd>
        <dt>Total</dt>
        <dd>
          <strong>
            <Money minor={order.totalCents} currency={order.currency} />
          </strong>
        </dd>
        {order.paidAt && (
          <>
            <dt>Paid</dt>
            <dd>
              <LocalDate iso={order.paidAt} /> by{' '}
              <span data-testid="receipt-card">{card ? formatCard(card) : 'card'}</span>
            </dd>
          </>
        )}
        {order.refundedAt && (
          <>
            <dt>Refunded</dt>
            <dd>
              <LocalDate iso={order.refundedAt} />
            </dd>
          </>
        )}
        {!buyer && (
          <>
            <dt>Buyer</dt>
            <dd className="mono">{order.userId}</dd>
          </>
        )}
      </dl>
    </section>
  );
  const heading = (badge: ReactNode) => (
    <div className="page-head">
      <div>
        <h1>{buyer ? 'Your order' : 'Order'}</h1>
        <p className="lede">
          Order <span className="mono">{order.id.slice(0, 8)}</span> · {badge}
        </p>
      </div>
    </div>
  );
  if (!buyer) {
    return (
      <>
        {heading(<OrderStatusBadge order={order} />)}
        <div className="detail">{facts}</div>
      </>
    );
  }
  return (
    <LiveOrder initial={order}>
      {heading(<LiveOrderBadge />)}
      <div className="detail">
        {facts}
        <section className="card detail__action" aria-labelledby="payment-heading">
          <h2 id="payment-heading">Payment</h2>
          <OrderPanel publishableKey={stripePublishableKey()} timeZone={zones.get(order.ticket.id)} />
        </section>
      </div>
    </LiveOrder>
  );
}
