import type { Metadata } from 'next';
import Link from 'next/link';
import { priceBreakdown } from '@ticketing/common/money';
import { AllInPrice } from '@/components/fees';
import { EventDate } from '@/components/locale';
import { serverApi } from '@/lib/api/server';
import type { Ticket } from '@/lib/api/types';
import { formatMoney } from '@/lib/format';
import { messages } from '@/lib/messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await serverApi.event((await params).id);
  return { title: event.title };
}

/** "Section Balcony · Row D · Seat 4", or a dash when the seller did not say. */
const placeOf = (t: Ticket) =>
  [t.section && `Section ${t.section}`, t.row && `Row ${t.row}`, t.seat && `Seat ${t.seat}`]
    .filter(Boolean)
    .join(' · ') || '—';

/** One event and its listings, cheapest first, to compare seats and prices before opening one to buy. */
export default async function EventPage({ params }: Props) {
  const [event, feeRates] = await Promise.all([serverApi.event((await params).id), serverApi.feeRates()]);
  const category = event.category as keyof typeof messages.events.categories | null;
  return (
    <>
      <article className="card stack event-head">
        {event.imageUrl && (
          // A seller's image from anywhere: a plain img, not next/image (whose hosts are configured).
          <img src={event.imageUrl} alt="" className="event-head__image" />
        )}
        <h1>{event.title}</h1>
        <dl className="facts">
          <dt>Venue</dt>
          <dd>
            {event.venue}, {event.city}
          </dd>
          <dt>When</dt>
          <dd>
            <EventDate iso={event.startsAt} timeZone={event.timeZone} />
          </dd>
          {category && (
            <>
              <dt>Category</dt>
              <dd>{messages.events.categories[category] ?? category}</dd>
            </>
          )}
        </dl>
        <p>
          <Link href={`/sell?event=${event.id}`} className="button button--secondary">
            Sell a ticket for this event
          </Link>
        </p>
      </article>

      <section aria-labelledby="listings-heading" className="stack">
        <h2 id="listings-heading">
          {event.availableCount === 0
            ? messages.events.noneOnSale
            : `${event.availableCount} ${event.availableCount === 1 ? 'ticket' : 'tickets'} on sale, lowest price first`}
        </h2>
        {event.listings.length > 0 && (
          <table className="table">
            <caption className="visually-hidden">Tickets for {event.title}, lowest price first</caption>
            <thead>
              <tr>
                <th scope="col">Price</th>
                <th scope="col">Seat</th>
                <th scope="col">Tickets</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {event.listings.map((ticket) => (
                <tr key={ticket.id} data-testid="event-listing">
                  <td data-label="Price">
                    <AllInPrice priceCents={ticket.priceCents} currency={ticket.currency} />
                  </td>
                  <td data-label="Seat">{placeOf(ticket)}</td>
                  <td data-label="Tickets" data-testid="listing-left">
                    {messages.quantity.left(ticket.available, ticket.quantity)}
                    {ticket.quantity > 1 && <span className="muted"> · {messages.splits[ticket.split]}</span>}
                  </td>
                  <td>
                    <Link
                      href={`/tickets/${ticket.id}`}
                      aria-label={`View ticket, ${formatMoney(priceBreakdown(ticket.priceCents, feeRates).totalCents, ticket.currency, messages.locale)} all-in, ${placeOf(ticket)}, ${messages.quantity.left(ticket.available, ticket.quantity)}`}
                    >
                      View ticket
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
