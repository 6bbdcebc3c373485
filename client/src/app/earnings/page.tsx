import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalDate, Money } from '@/components/locale';
import { nextPageHref, Pagination } from '@/components/pagination';
import { requireUser, serverApi } from '@/lib/api/server';
import type { Sale } from '@/lib/api/types';

export const metadata: Metadata = { title: 'Earnings' };

const STATUS: Record<Sale['status'], string> = {
  pending: 'Pending',
  paid_out: 'Paid out',
  refunded: 'Refunded to the buyer',
};

/**
 * The seller's money: totals per currency (never added across currencies), then each sale with its
 * price, our fee and what the seller receives. Pending until the event starts, then paid out.
 */
export default async function EarningsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireUser('/earnings');
  const { cursor } = await searchParams;
  const earnings = await serverApi.earnings(cursor);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Earnings</h1>
          <p className="lede">
            What your sold tickets bring you, after our seller fee. A sale is pending until its event starts
            (buyers may cancel until then, within your window), then paid out.
          </p>
        </div>
      </div>
      {earnings.totals.length === 0 ? (
        <div className="card empty">
          <h2>No sales yet</h2>
          <p className="muted">When a buyer pays for one of your tickets, it shows up here.</p>
          <Link href="/sell" className="button">
            Sell a ticket
          </Link>
        </div>
      ) : (
        <>
          <section aria-labelledby="totals-heading" className="stack">
            <h2 id="totals-heading">Totals</h2>
            <table className="table" data-testid="earnings-totals">
              <caption className="visually-hidden">Totals per currency</caption>
              <thead>
                <tr>
                  <th scope="col">Currency</th>
                  <th scope="col">Sold</th>
                  <th scope="col">Pending</th>
                  <th scope="col">Paid out</th>
                  <th scope="col">Refunded</th>
                </tr>
              </thead>
              <tbody>
                {earnings.totals.map((t) => (
                  <tr key={t.currency}>
                    <th scope="row">{t.currency.toUpperCase()}</th>
                    <td data-label="Sold">{t.sold}</td>
                    <td data-label="Pending">
                      <Money minor={t.pendingCents} currency={t.currency} />
                    </td>
                    <td data-label="Paid out">
                      <Money minor={t.paidOutCents} currency={t.currency} />
                    </td>
                    <td data-label="Refunded">
                      <Money minor={t.refundedCents} currency={t.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="sales-heading" className="stack">
            <h2 id="sales-heading">Sales</h2>
            <table className="table">
              <caption className="visually-hidden">Sales, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Paid</th>
                  <th scope="col">Ticket price</th>
                  <th scope="col">Our fee</th>
                  <th scope="col">You receive</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {earnings.items.map((sale) => (
                  <tr key={sale.orderId} data-testid="sale-row">
                    <td data-label="Paid">
                      <Link href={`/tickets/${sale.ticketId}`}>
                        <LocalDate iso={sale.paidAt} />
                      </Link>
                    </td>
                    <td data-label="Ticket price">
                      <Money minor={sale.grossCents} currency={sale.currency} />
                    </td>
                    <td data-label="Our fee">
                      <Money minor={sale.feeCents} currency={sale.currency} />
                    </td>
                    <td data-label="You receive">
                      <Money
                        minor={sale.status === 'refunded' ? 0 : sale.netCents}
                        currency={sale.currency}
                      />
                    </td>
                    <td data-label="Status">
                      <span
                        className={`badge badge--${sale.status === 'refunded' ? 'cancelled' : sale.status === 'paid_out' ? 'complete' : 'created'}`}
                      >
                        {STATUS[sale.status]}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <Pagination nextHref={nextPageHref('/earnings', earnings.nextCursor)} nextLabel="Older sales" />
    </>
  );
}
