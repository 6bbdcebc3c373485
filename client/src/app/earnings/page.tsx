import Link from 'next/link';
import { LocalDate } from '@/components/locale';
import { EmptyState, MoneyCell, PageHead, TableHead, TableSection } from '@/components/page-parts';
import { nextPageHref, Pagination } from '@/components/pagination';
import { serverApi } from '@/lib/api/server';
import type { Sale } from '@/lib/api/types';
import { pageTitle } from '@/lib/messages/server';
import { ownListPage, type CursorParams } from '@/lib/own-list';

export const generateMetadata = pageTitle((t) => t.earnings.title);

const BADGE: Record<Sale['status'], string> = {
  pending: 'created',
  paid_out: 'complete',
  refunded: 'cancelled',
};

/**
 * The seller's money: totals per currency (never added across currencies), then each sale with its
 * price, our fee and what the seller receives. Pending until the event starts, then paid out.
 */
export default async function EarningsPage({ searchParams }: { searchParams: CursorParams }) {
  const [earnings, t] = await ownListPage('/earnings', searchParams, serverApi.earnings);
  const say = t.earnings;
  return (
    <>
      <PageHead title={say.title} lede={say.lede} />
      {earnings.totals.length === 0 ? (
        <EmptyState title={say.empty} hint={say.emptyHint} href="/sell" action={t.common.sellTicket} />
      ) : (
        <>
          <TableSection
            id="totals-heading"
            title={say.totals}
            caption={say.totalsCaption}
            testId="earnings-totals"
            head={<TableHead columns={[say.currency, say.sold, say.pending, say.paidOut, say.refunded]} />}
          >
            {earnings.totals.map((total) => (
              <tr key={total.currency}>
                <th scope="row">{total.currency.toUpperCase()}</th>
                <td data-label={say.sold}>{total.sold}</td>
                <MoneyCell label={say.pending} minor={total.pendingCents} currency={total.currency} />
                <MoneyCell label={say.paidOut} minor={total.paidOutCents} currency={total.currency} />
                <MoneyCell label={say.refunded} minor={total.refundedCents} currency={total.currency} />
              </tr>
            ))}
          </TableSection>
          <TableSection
            id="sales-heading"
            title={say.sales}
            caption={say.salesCaption}
            head={
              <TableHead
                columns={[t.common.paid, say.ticketPrice, say.ourFee, say.youReceive, t.common.status]}
              />
            }
          >
            {earnings.items.map((sale) => (
              <tr key={sale.orderId} data-testid="sale-row">
                <td data-label={t.common.paid}>
                  <Link href={`/tickets/${sale.ticketId}`}>
                    <LocalDate iso={sale.paidAt} />
                  </Link>
                </td>
                <MoneyCell label={say.ticketPrice} minor={sale.grossCents} currency={sale.currency} />
                <MoneyCell label={say.ourFee} minor={sale.feeCents} currency={sale.currency} />
                <MoneyCell
                  label={say.youReceive}
                  minor={sale.status === 'refunded' ? 0 : sale.netCents}
                  currency={sale.currency}
                />
                <td data-label={t.common.status}>
                  <span className={`badge badge--${BADGE[sale.status]}`}>{say.status[sale.status]}</span>
                </td>
              </tr>
            ))}
          </TableSection>
        </>
      )}
      <Pagination
        nextHref={nextPageHref('/earnings', earnings.nextCursor)}
        nextLabel={t.pagination.olderSales}
      />
    </>
  );
}
