import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDate, Money } from '@/components/locale';
import { OrderPanel } from '@/components/order-panel';
import { OrderStatusBadge } from '@/components/status-badge';
import { requireUser, serverApi } from '@/lib/api/server';
import { stripePublishableKey } from '@/lib/stripe-key';

export const metadata: Metadata = { title: 'Your order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/orders/${id}`);
  const order = await serverApi.order(id);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your order</h1>
          <p className="lede">
            Order <span style={{ fontFamily: 'var(--font-mono)' }}>{order.id.slice(0, 8)}</span> ·{' '}
            <OrderStatusBadge order={order} />
          </p>
        </div>
      </div>
      <div className="detail">
        <section className="card stack" aria-labelledby="ticket-heading">
          <h2 id="ticket-heading">
            <Link href={`/tickets/${order.ticket.id}`}>{order.ticket.title}</Link>
          </h2>
          <dl className="facts">
            <dt>Venue</dt>
            <dd>{order.ticket.venue}</dd>
            <dt>When</dt>
            <dd>
              <LocalDate iso={order.ticket.eventDate} />
            </dd>
            <dt>Price</dt>
            <dd>
              <Money minor={order.priceCents} currency={order.currency} />
            </dd>
            <dt>Ordered</dt>
            <dd>
              <LocalDate iso={order.createdAt} />
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="payment-heading">
          <h2 id="payment-heading">Payment</h2>
          <OrderPanel initial={order} publishableKey={stripePublishableKey()} />
        </section>
      </div>
    </>
  );
}
