import { nextPageHref, Pagination } from '@/components/pagination';
import { EventDate } from '@/components/locale';
import { EmptyState, MoneyCell, OrderTitleCell, PageHead, TableHead } from '@/components/page-parts';
import { OrderStatusBadge } from '@/components/status-badge';
import { serverApi } from '@/lib/api/server';
import { pageTitle } from '@/lib/messages/server';
import { ownListPage, type CursorParams } from '@/lib/own-list';

export const generateMetadata = pageTitle((t) => t.orders.title);

export default async function OrdersPage({ searchParams }: { searchParams: CursorParams }) {
  const [page, t] = await ownListPage('/orders', searchParams, serverApi.myOrders);
  const zones = await serverApi.timeZonesOf(page.items.map((o) => o.ticket.id));
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
                <OrderTitleCell order={order} />
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
                <MoneyCell label={t.common.total} minor={order.totalCents} currency={order.currency} />
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
