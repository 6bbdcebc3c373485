import Link from 'next/link';
import type { Ticket } from '@/lib/api/types';
import { EventDate, Money } from './locale';

export function TicketCard({ ticket }: { ticket: Ticket }) {
  return (
    <article className="card ticket-card" data-testid="ticket-card">
      <h2>
        <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
      </h2>
      <p className="ticket-card__meta">{ticket.venue}</p>
      <p className="ticket-card__meta">
        <EventDate iso={ticket.eventDate} withLocal={false} />
      </p>
      <p className="ticket-card__price">
        <Money minor={ticket.priceCents} currency={ticket.currency} />
      </p>
    </article>
  );
}
