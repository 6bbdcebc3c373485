import Link from 'next/link';
import { LocalDate, Money } from '@/components/locale';
import { EmptyState, PageHead, TableHead } from '@/components/page-parts';
import { nextPageHref, Pagination } from '@/components/pagination';
import { requireUser, serverApi } from '@/lib/api/server';
import type { Sale } from '@/lib/api/types';
import { getMessages, pageTitle } from '@/lib/messages/server';

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
export default async function EarningsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireUser('/earnings');
  const { cursor } = await searchParams;
  const [earnings, t] = await Promise.all([serverApi.earnings(cursor), getMessages()]);
  const say = t.earnings;
  /** A cell of money, labelled by its column on a phone. */
  const money = (label: string, minor: number, currency: string) => (
    <td data-label={label}>
      <Money minor={minor} currency={currency} />
    </td>
  );
  return (
    <>
      <PageHead title={say.title} lede={say.lede} />
      {earnings.totals.length === 0 ? (
        <EmptyState title={say.empty} hint={say.emptyHint} href="/sell" action={t.common.sellTicket} />
      ) : (
        <>
          <section aria-labelledby="totals-heading" className="stack">
            <h2 id="totals-heading">{say.totals}</h2>
            <table className="table" data-testid="earnings-totals">
              <caption className="visually-hidden">{say.totalsCaption}</caption>
              <TableHead columns={[say.currency, say.sold, say.pending, say.paidOut, say.refunded]} />
              <tbody>
                {earnings.totals.map((total) => (
                  <tr key={total.currency}>
                    <th scope="row">{total.currency.toUpperCase()}</th>
                    <td data-label={say.sold}>{total.sold}</td>
                    {money(say.pending, total.pendingCents, total.currency)}
                    {money(say.paidOut, total.paidOutCents, total.currency)}
                    {money(say.refunded, total.refundedCents, total.currency)}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="sales-heading" className="stack">
            <h2 id="sales-heading">{say.sales}</h2>
            <table className="table">
              <caption className="visually-hidden">{say.salesCaption}</caption>
              <TableHead
                columns={[t.common.paid, say.ticketPrice, say.ourFee, say.youReceive, t.common.status]}
              />
              <tbody>
                {earnings.items.map((sale) => (
                  <tr key={sale.orderId} data-testid="sale-row">
                    <td data-label={t.common.paid}>
                      <Link href={`/tickets/${sale.ticketId}`}>
                        <LocalDate iso={sale.paidAt} />
                      </Link>
                    </td>
                    {money(say.ticketPrice, sale.grossCents, sale.currency)}
                    {money(say.ourFee, sale.feeCents, sale.currency)}
                    {money(say.youReceive, sale.status === 'refunded' ? 0 : sale.netCents, sale.currency)}
                    <td data-label={t.common.status}>
                      <span className={`badge badge--${BADGE[sale.status]}`}>{say.status[sale.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <Pagination
        nextHref={nextPageHref('/earnings', earnings.nextCursor)}
        nextLabel={t.pagination.olderSales}
      />
    </>
  );
}
