import type { Metadata } from 'next';
import Link from 'next/link';
import { priceBreakdown } from '@ticketing/common/money';
import { AllInPrice } from '@/components/fees';
import { EventDate } from '@/components/locale';
import { TableHead } from '@/components/page-parts';
import { serverApi } from '@/lib/api/server';
import type { Ticket } from '@/lib/api/types';
import { formatMoney } from '@/lib/format';
import { placeOf } from '@/lib/messages';
import { getMessages } from '@/lib/messages/server';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await serverApi.event((await params).id);
  return { title: event.title };
}

/** One event and its listings, cheapest first, to compare seats and prices before opening one to buy. */
export default async function EventPage({ params }: Props) {
  const [event, feeRates, t] = await Promise.all([
    serverApi.event((await params).id),
    serverApi.feeRates(),
    getMessages(),
  ]);
  const say = t.eventPage;
  const category = event.category as keyof typeof t.events.categories | null;
  const allIn = (ticket: Ticket) =>
    formatMoney(priceBreakdown(ticket.priceCents, feeRates).totalCents, ticket.currency, t.locale);
  return (
    <>
      <article className="card stack event-head">
        {event.imageUrl && (
          // A seller's image from anywhere: a plain img, not next/image (whose hosts are configured).
          <img src={event.imageUrl} alt="" className="event-head__image" />
        )}
        <h1>{event.title}</h1>
        <dl className="facts">
          <dt>{t.common.venue}</dt>
          <dd>
            {event.venue}, {event.city}
          </dd>
          <dt>{t.common.when}</dt>
          <dd>
            <EventDate iso={event.startsAt} timeZone={event.timeZone} />
          </dd>
          {category && (
            <>
              <dt>{say.category}</dt>
              <dd>{t.events.categories[category] ?? category}</dd>
            </>
          )}
        </dl>
        <p>
          <Link href={`/sell?event=${event.id}`} className="button button--secondary">
            {say.sellForEvent}
          </Link>
        </p>
      </article>

      <section aria-labelledby="listings-heading" className="stack">
        <h2 id="listings-heading">
          {event.availableCount === 0 ? t.events.noneOnSale : say.onSale(event.availableCount)}
        </h2>
        {event.listings.length > 0 && (
          <table className="table">
            <caption className="visually-hidden">{say.caption(event.title)}</caption>
            <TableHead columns={[t.common.price, t.common.seat, t.common.tickets]} actions={say.open} />
            <tbody>
              {event.listings.map((ticket) => {
                const place = placeOf(t, ticket) || '—';
                const left = t.quantity.left(ticket.available, ticket.quantity);
                return (
                  <tr key={ticket.id} data-testid="event-listing">
                    <td data-label={t.common.price}>
                      <AllInPrice priceCents={ticket.priceCents} currency={ticket.currency} />
                    </td>
                    <td data-label={t.common.seat}>{place}</td>
                    <td data-label={t.common.tickets} data-testid="listing-left">
                      {left}
                      {ticket.quantity > 1 && <span className="muted"> · {t.splits[ticket.split]}</span>}
                    </td>
                    <td>
                      <Link
                        href={`/tickets/${ticket.id}`}
                        aria-label={say.viewTicketLabel(allIn(ticket), place, left)}
                      >
                        {say.viewTicket}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
