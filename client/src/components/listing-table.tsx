import Link from 'next/link';
import type { ReactNode } from 'react';
import { EventDate, Money } from '@/components/locale';
import { TicketStatusBadge } from '@/components/status-badge';
import type { Ticket } from '@/lib/api/types';
import { messages } from '@/lib/messages';

/** Tickets' own rule for Edit and Withdraw: nothing of it held or sold, and not withdrawn already. */
export const untouched = (t: Ticket) => t.status === 'available' && !t.reserved && !t.sold;

/**
 * Listings as their seller sees them, a row each: title, event date in its zone, price, counts, status with
 * any moderation reason, and the actions the page offers for that row. The seller's list and the admin
 * console show the same facts; only the actions differ.
 */
export function ListingTable({
  items,
  caption,
  rowTestId,
  statusTestId,
  reasonTestId,
  actions,
}: {
  items: Ticket[];
  caption?: string;
  rowTestId: string;
  statusTestId?: string;
  reasonTestId?: string;
  actions: (ticket: Ticket) => ReactNode;
}) {
  return (
    <table className="table">
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Event date</th>
          <th scope="col">Price</th>
          <th scope="col">Sold / left</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((ticket) => (
          <tr key={ticket.id} data-testid={rowTestId}>
            <td>
              <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
            </td>
            <td data-label="Event">
              <EventDate iso={ticket.eventDate} timeZone={ticket.event?.timeZone} withLocal={false} />
            </td>
            <td data-label="Price">
              <Money minor={ticket.priceCents} currency={ticket.currency} />
            </td>
            <td data-label="Sold / left" data-testid="listing-counts">
              {ticket.sold ?? 0} sold · {ticket.status === 'withdrawn' ? 0 : ticket.available} left of{' '}
              {ticket.quantity}
            </td>
            <td data-label="Status" data-testid={statusTestId}>
              <TicketStatusBadge status={ticket.status} />
              {ticket.moderationReason && (
                <p className="field__error" data-testid={reasonTestId}>
                  {messages.admin.moderated(ticket.moderationReason)}
                </p>
              )}
            </td>
            <td>{actions(ticket)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
