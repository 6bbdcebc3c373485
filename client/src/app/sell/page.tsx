import type { Metadata } from 'next';
import { TicketForm } from '@/components/ticket-form';
import { requireUser } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Sell a ticket' };

export default async function SellPage() {
  await requireUser('/sell');
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Sell a ticket</h1>
          <p className="lede">Buyers pay through Stripe; the ticket is reserved for them while they pay.</p>
        </div>
      </div>
      <TicketForm />
    </div>
  );
}
