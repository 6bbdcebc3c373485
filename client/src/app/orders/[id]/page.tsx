import type { ReactNode } from 'react';
import Link from 'next/link';
import { LiveOrder, LiveOrderBadge } from '@/components/live-order';
import { EventDate, LocalDate, Money } from '@/components/locale';
import { OrderPanel } from '@/components/order-panel';
import { OrderStatusBadge } from '@/components/status-badge';
import { requireUser, serverApi } from '@/lib/api/server';
import { formatCard } from '@/lib/format';
import { getMessages, pageTitle } from '@/lib/messages/server';
import { stripePublishableKey } from '@/lib/stripe-key';

export const generateMetadata = pageTitle((t) => t.orderPage.title);

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/orders/${id}`);
  const order = await serverApi.order(id);
  // An admin may read anyone's order: they see its facts, never the buyer's wording or a Pay form.
  const buyer = order.userId === user.id;
  const [zones, card, t] = await Promise.all([
    serverApi.timeZonesOf([order.ticket.id]),
    order.paidAt ? serverApi.cardThatPaid(order.id, !buyer) : null,
    getMessages(),
  ]);
  const say = t.orderPage;
  const facts = (
    <section className="card stack" aria-labelledby="ticket-heading">
      <h2 id="ticket-heading">
        <Link href={`/tickets/${order.ticket.id}`}>{order.ticket.title}</Link>
      </h2>
      <dl className="facts">
        <dt>{t.common.venue}</dt>
        <dd>{order.ticket.venue}</dd>
        <dt>{t.common.when}</dt>
        <dd>
          <EventDate iso={order.ticket.eventDate} timeZone={zones.get(order.ticket.id)} />
        </dd>
        <dt>{t.common.tickets}</dt>
        <dd data-testid="order-quantity">{order.quantity}</dd>
        <dt>{t.common.ordered}</dt>
        <dd>
          <LocalDate iso={order.createdAt} />
        </dd>
      </dl>
      <h3 id="receipt-heading">{order.paidAt ? say.receipt : t.common.price}</h3>
      <dl className="facts receipt" aria-labelledby="receipt-heading" data-testid="receipt">
        <dt>{order.quantity > 1 ? t.common.tickets : say.ticketPrice}</dt>
        <dd>
          <Money minor={order.amountCents} currency={order.currency} />
          {order.quantity > 1 && (
            <span className="muted">
              {' '}
              ({order.quantity} × <Money minor={order.priceCents} currency={order.currency} />)
            </span>
          )}
        </dd>
        <dt>{say.serviceFee}</dt>
        <dd>
          <Money minor={order.serviceFeeCents} currency={order.currency} />
        </dd>
        <dt>{t.common.total}</dt>
        <dd>
          <strong>
            <Money minor={order.totalCents} currency={order.currency} />
          </strong>
        </dd>
        {order.paidAt && (
          <>
            <dt>{t.common.paid}</dt>
            <dd>
              <LocalDate iso={order.paidAt} /> {say.by}{' '}
              <span data-testid="receipt-card">{card ? formatCard(card, say.unknownCard) : say.card}</span>
            </dd>
          </>
        )}
        {order.refundedAt && (
          <>
            <dt>{say.refunded}</dt>
            <dd>
              <LocalDate iso={order.refundedAt} />
            </dd>
          </>
        )}
        {!buyer && (
          <>
            <dt>{say.buyer}</dt>
            <dd className="mono">{order.userId}</dd>
          </>
        )}
      </dl>
    </section>
  );
  const heading = (badge: ReactNode) => (
    <div className="page-head">
      <div>
        <h1>{buyer ? say.yourOrder : say.order}</h1>
        <p className="lede">
          {say.order} <span className="mono">{order.id.slice(0, 8)}</span> · {badge}
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
          <h2 id="payment-heading">{say.payment}</h2>
          <OrderPanel publishableKey={stripePublishableKey()} timeZone={zones.get(order.ticket.id)} />
        </section>
      </div>
    </LiveOrder>
  );
}
