import Link from 'next/link';
import { ListingTable, untouched } from '@/components/listing-table';
import { ModerateButton } from '@/components/moderate-button';
import { Pagination } from '@/components/pagination';
import type { Page, Ticket, TicketStatus } from '@/lib/api/types';
import { getMessages } from '@/lib/messages/server';

/** The console's filters: every status, or all of them (undefined). */
const FILTERS: (TicketStatus | undefined)[] = [undefined, 'available', 'reserved', 'sold', 'withdrawn'];

export const isTicketStatus = (value: string | undefined): value is TicketStatus =>
  value !== undefined && FILTERS.includes(value as TicketStatus);

/**
 * Every listing on the marketplace in every status (or one), newest first, as its seller sees it: counts,
 * moderation reasons, and Withdraw (with a reason for the seller) only where tickets would allow it.
 */
export async function AdminListings({
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
  const t = await getMessages();
  const say = t.adminPage;
  const shown = status && t.ticketStatus[status];
  return (
    <section className="stack" aria-labelledby="admin-listings">
      <h2 id="admin-listings">{say.listings}</h2>
      <nav aria-label={say.byStatus} className="actions">
        {FILTERS.map((filter) => (
          <Link
            key={filter ?? 'all'}
            href={hrefFor(filter)}
            className={filter === status ? 'button' : 'button button--secondary'}
            aria-current={filter === status ? 'true' : undefined}
          >
            {filter ? t.ticketStatus[filter] : say.all}
          </Link>
        ))}
      </nav>
      <form action="/admin" className="inline-search" role="search" aria-label={say.search}>
        {status && <input type="hidden" name="status" value={status} />}
        <label htmlFor="admin-listings-q" className="visually-hidden">
          {say.search}
        </label>
        <input
          id="admin-listings-q"
          name="q"
          type="search"
          className="input"
          maxLength={100}
          defaultValue={q}
          placeholder={say.searchPlaceholder}
        />
        <button type="submit" className="button button--secondary">
          {say.search}
        </button>
      </form>
      {page.items.length === 0 ? (
        <p className="muted" data-testid="admin-listings-empty">
          {q ? say.noneMatch(q, shown) : say.none(shown)}
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
        nextLabel={t.pagination.olderListings}
      />
    </section>
  );
}
