import Link from 'next/link';
import type { ReactNode } from 'react';
import { EventDate } from '@/components/locale';
import { TicketStatusBadge } from '@/components/status-badge';
import type { Ticket } from '@/lib/api/types';
import { getMessages } from '@/lib/messages/server';
import { MoneyCell, TableHead } from './page-parts';

/** Tickets' own rule for Edit and Withdraw: nothing of it held or sold, and not withdrawn already. */
export const untouched = (t: Ticket) => t.status === 'available' && !t.reserved && !t.sold;

/**
 * Listings as their seller sees them, a row each: title, event date in its zone, price, counts, status with
 * any moderation reason, and the actions the page offers for that row. The seller's list and the admin
 * console show the same facts; only the actions differ.
 */
export async function ListingTable({
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
  const t = await getMessages();
  const { common } = t;
  return (
    <table className="table">
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <TableHead
        columns={[common.ticket, common.eventDate, common.price, t.listingTable.soldLeft, common.status]}
        actions={common.actions}
      />
      <tbody>
        {items.map((ticket) => (
          <tr key={ticket.id} data-testid={rowTestId}>
            <td>
              <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
            </td>
            <td data-label={common.event}>
              <EventDate iso={ticket.eventDate} timeZone={ticket.event?.timeZone} withLocal={false} />
            </td>
            <MoneyCell label={common.price} minor={ticket.priceCents} currency={ticket.currency} />
            <td data-label={t.listingTable.soldLeft} data-testid="listing-counts">
              {t.listingTable.counts(
                ticket.sold ?? 0,
                ticket.status === 'withdrawn' ? 0 : ticket.available,
                ticket.quantity,
              )}
            </td>
            <td data-label={common.status} data-testid={statusTestId}>
              <TicketStatusBadge status={ticket.status} />
              {ticket.moderationReason && (
                <p className="field__error" data-testid={reasonTestId}>
                  {t.admin.moderated(ticket.moderationReason)}
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
