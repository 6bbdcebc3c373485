import type { Metadata } from 'next';
import Link from 'next/link';
import { BuyButton } from '@/components/buy-button';
import { AllInPrice, SellerProceeds } from '@/components/fees';
import { EventDate } from '@/components/locale';
import { TicketStatusBadge } from '@/components/status-badge';
import { Countdown } from '@/components/countdown';
import { ModerateButton } from '@/components/moderate-button';
import { currentUser, serverApi } from '@/lib/api/server';
import type { Ticket } from '@/lib/api/types';
import { durationText } from '@/lib/format';
import { messages } from '@/lib/messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ticket = await serverApi.ticket((await params).id);
  return { title: ticket.title };
}

const UNAVAILABLE: Record<Exclude<Ticket['status'], 'available'>, { title: string; text: string }> = {
  reserved: { title: 'Reserved', text: messages.hold.someoneElse },
  sold: { title: 'Sold', text: 'This ticket has been sold.' },
  withdrawn: { title: 'No longer on sale', text: 'The seller has withdrawn this listing.' },
};

export default async function TicketPage({ params }: Props) {
  const { id } = await params;
  const [ticket, user] = await Promise.all([serverApi.ticket(id), currentUser()]);
  const own = user?.id === ticket.sellerId;
  // An admin reads someone's listing to moderate it: its facts, never a Buy button or a buyer's wording.
  const moderating = !own && user?.role === 'admin';
  const [held, holdSeconds] = await Promise.all([
    user && !own && !moderating && ticket.status === 'reserved' ? serverApi.myOpenOrderFor(ticket.id) : null,
    !own && !moderating && ticket.status === 'available' ? serverApi.holdSeconds() : null,
  ]);

  return (
    <div className="detail">
      <article className="card stack">
        <div className="actions">
          <TicketStatusBadge status={ticket.status} />
        </div>
        <h1>{ticket.title}</h1>
        <dl className="facts">
          <dt>Venue</dt>
          <dd>{ticket.event ? `${ticket.venue}, ${ticket.event.city}` : ticket.venue}</dd>
          <dt>When</dt>
          <dd>
            <EventDate iso={ticket.eventDate} timeZone={ticket.event?.timeZone} />
          </dd>
          <dt>Tickets</dt>
          <dd data-testid="listing-quantity">
            {messages.quantity.left(ticket.available, ticket.quantity)}
            {ticket.quantity > 1 && ` · ${messages.splits[ticket.split]}`}
          </dd>
          {(ticket.section || ticket.row || ticket.seat) && (
            <>
              <dt>Seat</dt>
              <dd data-testid="seat">
                {[
                  ticket.section && `Section ${ticket.section}`,
                  ticket.row && `Row ${ticket.row}`,
                  ticket.seat && `Seat ${ticket.seat}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </dd>
            </>
          )}
        </dl>
        <p>
          <Link href={`/events/${ticket.eventId}`}>All tickets for this event</Link>
        </p>
        {ticket.description && <p className="prose">{ticket.description}</p>}
      </article>

      <aside className="card" aria-label={moderating ? 'Moderation' : 'Buy'}>
        <p className="big-price">
          <AllInPrice priceCents={ticket.priceCents} currency={ticket.currency} />
          {ticket.quantity > 1 && <span className="muted"> each</span>}
        </p>
        {own && (
          <p className="field__hint" data-testid="seller-proceeds">
            <SellerProceeds priceCents={ticket.priceCents} currency={ticket.currency} />
          </p>
        )}
        {own ? (
          <div className="stack">
            <p className="alert alert--info">This is your listing.</p>
            {ticket.moderationReason && (
              <p className="alert alert--error" data-testid="moderation-reason">
                {messages.admin.moderated(ticket.moderationReason)}
              </p>
            )}
            {ticket.status === 'available' && !ticket.reserved && !ticket.sold ? (
              <Link href={`/tickets/${ticket.id}/edit`} className="button button--block">
                Edit listing
              </Link>
            ) : (
              <p className="muted">
                A listing reserved or sold (even in part) or withdrawn cannot be edited.
              </p>
            )}
            <Link href="/listings">All my listings</Link>
          </div>
        ) : moderating ? (
          <div className="stack" data-testid="moderation-panel">
            <p>
              {ticket.sold ?? 0} sold, {ticket.reserved ?? 0} reserved, {ticket.available} left of{' '}
              {ticket.quantity}.
            </p>
            {ticket.moderationReason && (
              <p className="alert alert--error" data-testid="moderation-reason">
                {messages.admin.moderated(ticket.moderationReason)}
              </p>
            )}
            {ticket.status === 'available' && !ticket.reserved && !ticket.sold ? (
              <ModerateButton ticketId={ticket.id} title={ticket.title} />
            ) : (
              ticket.status !== 'withdrawn' && <p className="muted">{messages.admin.notWithdrawable}</p>
            )}
            <Link href="/admin">Admin console</Link>
          </div>
        ) : ticket.status === 'available' ? (
          user ? (
            <BuyButton
              ticketId={ticket.id}
              priceCents={ticket.priceCents}
              currency={ticket.currency}
              allowedQuantities={ticket.allowedQuantities}
            />
          ) : (
            <Link
              href={`/signin?next=${encodeURIComponent(`/tickets/${ticket.id}`)}`}
              className="button button--block"
            >
              Sign in to buy
            </Link>
          )
        ) : held ? (
          <div className="alert alert--info stack" data-testid="your-hold">
            <p>
              <strong>{messages.hold.yours}</strong>
            </p>
            <Countdown expiresAt={held.expiresAt} />
            <Link href={`/orders/${held.id}`} className="button button--block">
              Go to your order and pay
            </Link>
          </div>
        ) : (
          <div
            className={`alert ${ticket.status === 'reserved' ? 'alert--warning' : 'alert--info'}`}
            data-testid="unavailable"
          >
            <p>
              <strong>{UNAVAILABLE[ticket.status].title}</strong>
            </p>
            <p>{UNAVAILABLE[ticket.status].text}</p>
          </div>
        )}
        {!own && !moderating && ticket.status === 'available' && (
          <p className="field__hint" style={{ marginTop: 'var(--space-3)' }} data-testid="hold-policy">
            {holdSeconds === null
              ? 'Buying holds the ticket for you for a short time while you pay.'
              : messages.hold.beforeBuy(durationText(holdSeconds))}
          </p>
        )}
        {!own && !moderating && ticket.status === 'available' && (
          <p className="field__hint" data-testid="cancellation-policy">
            {messages.cancellation.policy(ticket.cancellationHours)}
          </p>
        )}
      </aside>
    </div>
  );
}
