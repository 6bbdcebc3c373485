import Link from 'next/link';
import { EventDate, Money } from '@/components/locale';
import { ModerateButton } from '@/components/moderate-button';
import { Pagination } from '@/components/pagination';
import { TicketStatusBadge } from '@/components/status-badge';
import type { Page, Ticket, TicketStatus } from '@/lib/api/types';
import { messages } from '@/lib/messages';

const FILTERS: { status?: TicketStatus; label: string }[] = [
  { label: 'All' },
  { status: 'available', label: messages.ticketStatus.available },
  { status: 'reserved', label: messages.ticketStatus.reserved },
  { status: 'sold', label: messages.ticketStatus.sold },
  { status: 'withdrawn', label: messages.ticketStatus.withdrawn },
];

export const isTicketStatus = (value: string | undefined): value is TicketStatus =>
  FILTERS.some((f) => f.status === value);

/** Tickets' own rule: a listing none of which is held or sold, and not withdrawn already. */
const withdrawable = (t: Ticket) => t.status === 'available' && !t.reserved && !t.sold;

/**
 * Every listing on the marketplace in every status (or one), newest first, as its seller sees it: counts,
 * moderation reasons, and Withdraw (with a reason for the seller) only where tickets would allow it.
 */
export function AdminListings({
  page,
  status,
  q,
  hrefFor,
}: {
  page: Page<Ticket>;
  status?: TicketStatus;
  /** The words searched for, if any: kept by the status filters and the next page. */
  q?: string;
  /** The console's address showing `status` (all when undefined) from its first page, or its next page. */
  hrefFor: (status: TicketStatus | undefined, cursor?: string) => string;
}) {
  return (
    <section className="stack" aria-labelledby="admin-listings">
      <h2 id="admin-listings">Listings</h2>
      <nav aria-label="Listings by status" className="actions">
        {FILTERS.map((filter) => (
          <Link
            key={filter.label}
            href={hrefFor(filter.status)}
            className={filter.status === status ? 'button' : 'button button--secondary'}
            aria-current={filter.status === status ? 'true' : undefined}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      <form action="/admin" className="inline-search" role="search" aria-label="Search listings">
        {status && <input type="hidden" name="status" value={status} />}
        <label htmlFor="admin-listings-q" className="visually-hidden">
          Search listings
        </label>
        <input
          id="admin-listings-q"
          name="q"
          type="search"
          className="input"
          maxLength={100}
          defaultValue={q}
          placeholder="Title or venue"
        />
        <button type="submit" className="button button--secondary">
          Search listings
        </button>
      </form>
      {page.items.length === 0 ? (
        <p className="muted" data-testid="admin-listings-empty">
          {q
            ? `No listing${status ? ` ${messages.ticketStatus[status].toLowerCase()}` : ''} matches “${q}”.`
            : `No listing ${status ? `is ${messages.ticketStatus[status].toLowerCase()}` : 'yet'}.`}
        </p>
      ) : (
        <table className="table">
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
              <tr key={ticket.id} data-testid="admin-listing">
                <td>
                  <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
                </td>
                <td data-label="Event">
                  <EventDate iso={ticket.eventDate} timeZone={ticket.event?.timeZone} withLocal={false} />
                </td>
                <td data-label="Price">
                  <Money minor={ticket.priceCents} currency={ticket.currency} />
                </td>
                <td data-label="Sold / left">
                  {ticket.sold ?? 0} sold · {ticket.available} left of {ticket.quantity}
                </td>
                <td data-label="Status" data-testid="admin-listing-status">
                  <TicketStatusBadge status={ticket.status} />
                  {ticket.moderationReason && (
                    <p className="muted">{messages.admin.moderated(ticket.moderationReason)}</p>
                  )}
                </td>
                <td>
                  {withdrawable(ticket) && <ModerateButton ticketId={ticket.id} title={ticket.title} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        nextHref={page.nextCursor ? hrefFor(status, page.nextCursor) : undefined}
        nextLabel="Older listings"
      />
    </section>
  );
}
