import Link from 'next/link';
import { ListingTable, untouched } from '@/components/listing-table';
import { ModerateButton } from '@/components/moderate-button';
import { Pagination } from '@/components/pagination';
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
        <ListingTable
          items={page.items}
          rowTestId="admin-listing"
          statusTestId="admin-listing-status"
          actions={(ticket) =>
            untouched(ticket) && <ModerateButton ticketId={ticket.id} title={ticket.title} />
          }
        />
      )}
      <Pagination
        nextHref={page.nextCursor ? hrefFor(status, page.nextCursor) : undefined}
        nextLabel="Older listings"
      />
    </section>
  );
}
