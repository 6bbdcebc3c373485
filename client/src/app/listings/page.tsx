import Link from 'next/link';
import { ListingTable, untouched } from '@/components/listing-table';
import { EmptyState, PageHead } from '@/components/page-parts';
import { nextPageHref, Pagination } from '@/components/pagination';
import { WithdrawButton } from '@/components/withdraw-button';
import { serverApi } from '@/lib/api/server';
import { pageTitle } from '@/lib/messages/server';
import { ownListPage, type CursorParams } from '@/lib/own-list';

export const generateMetadata = pageTitle((t) => t.listings.title);

export default async function ListingsPage({ searchParams }: { searchParams: CursorParams }) {
  const [page, t] = await ownListPage('/listings', searchParams, serverApi.myTickets);
  const say = t.listings;
  return (
    <>
      <PageHead
        title={say.title}
        lede={say.lede}
        action={
          <Link href="/sell" className="button">
            {t.common.sellTicket}
          </Link>
        }
      />
      {page.items.length === 0 ? (
        <EmptyState title={say.empty} hint={say.emptyHint} href="/sell" action={t.common.sellTicket} />
      ) : (
        <ListingTable
          items={page.items}
          caption={say.title}
          rowTestId="listing-row"
          reasonTestId="moderation-reason"
          actions={(ticket) =>
            // Once part of a listing is held or sold, its terms are what those buyers paid for.
            untouched(ticket) && (
              <div className="actions">
                <Link
                  href={`/tickets/${ticket.id}/edit`}
                  className="button button--secondary"
                  aria-label={say.editNamed(ticket.title)}
                >
                  {say.edit}
                </Link>
                <WithdrawButton ticketId={ticket.id} title={ticket.title} />
              </div>
            )
          }
        />
      )}
      <Pagination
        nextHref={nextPageHref('/listings', page.nextCursor)}
        nextLabel={t.pagination.olderListings}
      />
    </>
  );
}
