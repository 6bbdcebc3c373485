import Link from 'next/link';
import type { EventSummary } from '@/lib/api/types';
import { getMessages } from '@/lib/messages/server';
import { AllInPrice } from './fees';
import { EventDate } from './locale';

/** One event on the marketplace: where, when (its own time zone), and what is on sale from what price. */
export async function EventCard({ event }: { event: EventSummary }) {
  const t = await getMessages();
  return (
    <article className="card ticket-card" data-testid="event-card">
      <h2>
        <Link href={`/events/${event.id}`}>{event.title}</Link>
      </h2>
      <p className="ticket-card__meta">
        {event.venue}, {event.city}
      </p>
      <p className="ticket-card__meta">
        <EventDate iso={event.startsAt} timeZone={event.timeZone} withLocal={false} />
      </p>
      <p className="ticket-card__price" data-testid="event-offer">
        {event.lowestPrice ? (
          <>
            {t.events.onSale(event.availableCount)}{' '}
            <AllInPrice priceCents={event.lowestPrice.priceCents} currency={event.lowestPrice.currency} />
          </>
        ) : (
          <span className="muted">{t.events.noneOnSale}</span>
        )}
      </p>
    </article>
  );
}
