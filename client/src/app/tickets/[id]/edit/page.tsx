import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NarrowPage } from '@/components/page-parts';
import { TicketForm } from '@/components/ticket-form';
import { requireUser, serverApi } from '@/lib/api/server';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.editPage.title);

export default async function EditTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/tickets/${id}/edit`);
  const ticket = await serverApi.ticket(id);
  if (ticket.sellerId !== user.id) redirect(`/tickets/${id}`);
  const t = await getMessages();
  return (
    <NarrowPage title={t.editPage.title} lede={<Link href={`/tickets/${id}`}>{ticket.title}</Link>}>
      {ticket.status === 'available' ? (
        <TicketForm ticket={ticket} />
      ) : (
        <p className="alert alert--warning">
          {t.editPage.notEditable(t.ticketStatus[ticket.status].toLowerCase())}
        </p>
      )}
    </NarrowPage>
  );
}
