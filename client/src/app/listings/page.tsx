import type { Metadata } from 'next';
import Link from 'next/link';
import { nextPageHref, Pagination } from '@/components/pagination';
import { ListingTable, untouched } from '@/components/listing-table';
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
        <ListingTable
          items={page.items}
          caption="My listings"
          rowTestId="listing-row"
          reasonTestId="moderation-reason"
          actions={(ticket) =>
            // Once part of a listing is held or sold, its terms are what those buyers paid for.
            untouched(ticket) && (
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
            )
          }
        />
      )}
      <Pagination nextHref={nextPageHref('/listings', page.nextCursor)} nextLabel="Older listings" />
    </>
  );
}
