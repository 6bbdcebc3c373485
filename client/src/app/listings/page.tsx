import type { Metadata } from 'next';
import Link from 'next/link';
import { nextPageHref, Pagination } from '@/components/pagination';
import { EventDate, Money } from '@/components/locale';
import { TicketStatusBadge } from '@/components/status-badge';
import { messages } from '@/lib/messages';
import { WithdrawButton } from '@/components/withdraw-button';
import { requireUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'My listings' };

export default async function ListingsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireUser('/listings');
  const { cursor } = await searchParams;
  const page = await serverApi.myTickets(cursor);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>My listings</h1>
          <p className="lede">Every ticket you listed, in every state.</p>
        </div>
        <Link href="/sell" className="button">
          Sell a ticket
        </Link>
      </div>
      {page.items.length === 0 ? (
        <div className="card empty">
          <h2>You have not listed a ticket yet</h2>
          <p className="muted">Cannot go? Sell your ticket to someone who can.</p>
          <Link href="/sell" className="button">
            Sell a ticket
          </Link>
        </div>
      ) : (
        <table className="table">
          <caption className="visually-hidden">My listings</caption>
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
            {page.items.map((ticket) => (
              <tr key={ticket.id} data-testid="listing-row">
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
                <td data-label="Status">
                  <TicketStatusBadge status={ticket.status} />
                  {ticket.moderationReason && (
                    <p className="field__error" data-testid="moderation-reason">
                      {messages.admin.moderated(ticket.moderationReason)}
                    </p>
                  )}
                </td>
                <td>
                  {/* Once part of a listing is held or sold, its terms are what those buyers paid for. */}
                  {ticket.status === 'available' && !ticket.reserved && !ticket.sold && (
                    <div className="actions">
                      <Link
                        href={`/tickets/${ticket.id}/edit`}
                        className="button button--secondary"
                        aria-label={`Edit ${ticket.title}`}
                      >
                        Edit
                      </Link>
                      <WithdrawButton ticketId={ticket.id} title={ticket.title} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination nextHref={nextPageHref('/listings', page.nextCursor)} nextLabel="Older listings" />
    </>
  );
}
