import Link from 'next/link';
import { nextPageHref, Pagination } from '@/components/pagination';
import { EventDate, Money } from '@/components/locale';
import { EmptyState, PageHead, TableHead } from '@/components/page-parts';
import { OrderStatusBadge } from '@/components/status-badge';
import { requireUser, serverApi } from '@/lib/api/server';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.orders.title);

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireUser('/orders');
  const { cursor } = await searchParams;
  const page = await serverApi.myOrders(cursor);
  const [zones, t] = await Promise.all([
    serverApi.timeZonesOf(page.items.map((o) => o.ticket.id)),
    getMessages(),
  ]);
  const say = t.orders;
  return (
    <>
      <PageHead title={say.title} lede={say.lede} />
      {page.items.length === 0 ? (
        <EmptyState title={say.empty} hint={say.emptyHint} href="/" action={t.common.findTickets} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{say.title}</caption>
          <TableHead
            columns={[t.common.ticket, t.common.eventDate, t.common.tickets, t.common.total, t.common.status]}
          />
          <tbody>
            {page.items.map((order) => (
              <tr key={order.id} data-testid="order-row">
                <td>
                  <Link href={`/orders/${order.id}`}>{order.ticket.title}</Link>
                </td>
                <td data-label={t.common.event}>
                  <EventDate
                    iso={order.ticket.eventDate}
                    timeZone={zones.get(order.ticket.id)}
                    withLocal={false}
                  />
                </td>
                <td data-label={t.common.tickets} data-testid="order-quantity">
                  {order.quantity}
                </td>
                <td data-label={t.common.total}>
                  <Money minor={order.totalCents} currency={order.currency} />
                </td>
                <td data-label={t.common.status}>
                  <OrderStatusBadge order={order} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination nextHref={nextPageHref('/orders', page.nextCursor)} nextLabel={t.pagination.olderOrders} />
    </>
  );
}
