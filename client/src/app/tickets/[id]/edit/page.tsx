import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { TicketForm } from '@/components/ticket-form';
import { requireUser, serverApi } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Edit listing' };

export default async function EditTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/tickets/${id}/edit`);
  const ticket = await serverApi.ticket(id);
  if (ticket.sellerId !== user.id) redirect(`/tickets/${id}`);
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Edit listing</h1>
          <p className="lede">
            <Link href={`/tickets/${id}`}>{ticket.title}</Link>
          </p>
        </div>
      </div>
      {ticket.status === 'available' ? (
        <TicketForm ticket={ticket} />
      ) : (
        <p className="alert alert--warning">This listing is {ticket.status} and can no longer be edited.</p>
      )}
    </div>
  );
}
