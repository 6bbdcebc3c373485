import type { Metadata } from 'next';
import Link from 'next/link';
import { nextPageHref, Pagination } from '@/components/pagination';
import { EventDate, Money } from '@/components/locale';
import { OrderStatusBadge } from '@/components/status-badge';
import { requireUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'My orders' };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireUser('/orders');
  const { cursor } = await searchParams;
  const page = await serverApi.myOrders(cursor);
  const zones = await serverApi.timeZonesOf(page.items.map((o) => o.ticket.id));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My orders</h1>
          <p className="lede">Tickets you reserved or bought, newest first.</p>
        </div>
      </div>
      {page.items.length === 0 ? (
        <div className="card empty">
          <h2>No orders yet</h2>
          <p className="muted">When you buy a ticket, it shows up here.</p>
          <Link href="/" className="button">
            Find tickets
          </Link>
        </div>
      ) : (
        <table className="table">
          <caption className="visually-hidden">My orders</caption>
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Event date</th>
              <th scope="col">Tickets</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((order) => (
              <tr key={order.id} data-testid="order-row">
                <td>
                  <Link href={`/orders/${order.id}`}>{order.ticket.title}</Link>
                </td>
                <td data-label="Event">
                  <EventDate
                    iso={order.ticket.eventDate}
                    timeZone={zones.get(order.ticket.id)}
                    withLocal={false}
                  />
                </td>
                <td data-label="Tickets" data-testid="order-quantity">
                  {order.quantity}
                </td>
                <td data-label="Total">
                  <Money minor={order.totalCents} currency={order.currency} />
                </td>
                <td data-label="Status">
                  <OrderStatusBadge order={order} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination nextHref={nextPageHref('/orders', page.nextCursor)} nextLabel="Older orders" />
    </>
  );
}
