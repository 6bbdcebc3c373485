import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventDate, LocalDate, Money } from '@/components/locale';
import { Pagination } from '@/components/pagination';
import { OrderStatusBadge } from '@/components/status-badge';
import { WithdrawButton } from '@/components/withdraw-button';
import { requireUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Admin' };

type Params = { listings?: string; orders?: string };

const more = (params: Params, key: keyof Params, cursor: string | null) =>
  cursor ? `/admin?${new URLSearchParams({ ...params, [key]: cursor }).toString()}` : undefined;

/**
 * The admin console: every listing on sale, with withdraw, and every order. An admin reads orders; the
 * order page shows them its facts, never a buyer's wording or a Pay form.
 */
export default async function AdminPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser('/admin');
  if (user.role !== 'admin') notFound();
  const params = await searchParams;
  const [listings, orders] = await Promise.all([
    serverApi.listTickets({ cursor: params.listings }),
    serverApi.allOrders(params.orders),
  ]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Admin</h1>
          <p className="lede">Listings on sale and every order on the marketplace.</p>
        </div>
      </div>
      <section className="stack" aria-labelledby="admin-listings">
        <h2 id="admin-listings">Listings on sale</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Event date</th>
              <th scope="col">Price</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listings.items.map((ticket) => (
              <tr key={ticket.id} data-testid="admin-listing">
                <td>
                  <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
                </td>
                <td data-label="Event">
                  <EventDate iso={ticket.eventDate} timeZone={ticket.event?.timeZone} withLocal={false} />
                </td>
                <td data-label="Price">
                  <Money minor={ticket.priceCents} currency={ticket.currency} />
                </td>
                <td>
                  <WithdrawButton ticketId={ticket.id} title={ticket.title} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination nextHref={more(params, 'listings', listings.nextCursor)} nextLabel="More listings" />
      </section>
      <section className="stack" aria-labelledby="admin-orders" style={{ marginTop: 'var(--space-6)' }}>
        <h2 id="admin-orders">All orders</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Ordered</th>
              <th scope="col">Buyer</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.items.map((order) => (
              <tr key={order.id} data-testid="admin-order">
                <td>
                  <Link href={`/orders/${order.id}`}>{order.ticket.title}</Link>
                </td>
                <td data-label="Ordered">
                  <LocalDate iso={order.createdAt} />
                </td>
                <td data-label="Buyer" className="mono">
                  {order.userId.slice(0, 8)}
                </td>
                <td data-label="Total">
                  <Money minor={order.amountCents} currency={order.currency} />
                  {order.quantity > 1 && <span className="muted"> ({order.quantity} tickets)</span>}
                </td>
                <td data-label="Status">
                  <OrderStatusBadge order={order} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination nextHref={more(params, 'orders', orders.nextCursor)} nextLabel="Older orders" />
      </section>
    </>
  );
}
