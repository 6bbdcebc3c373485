/**
 * Long because a listing's page has many states: on sale, held by you (with your order), held by another,
 * sold, withdrawn (with the moderator's reason), your own listing, and an admin's view.
 */
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
import { placeOf, type Messages } from '@/lib/messages';
import { getMessages } from '@/lib/messages/server';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ticket = await serverApi.ticket((await params).id);
  return { title: ticket.title };
}

const unavailable = (
  t: Messages,
): Record<Exclude<Ticket['status'], 'available'>, { title: string; text: string }> => ({
  reserved: { title: t.ticketPage.reserved, text: t.hold.someoneElse },
  sold: { title: t.ticketPage.sold, text: t.ticketPage.soldText },
  withdrawn: { title: t.ticketPage.withdrawn, text: t.ticketPage.withdrawnText },
});

export default async function TicketPage({ params }: Props) {
  const { id } = await params;
  const [ticket, user, t] = await Promise.all([serverApi.ticket(id), currentUser(), getMessages()]);
  const say = t.ticketPage;
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
          <dt>{t.common.venue}</dt>
          <dd>{ticket.event ? `${ticket.venue}, ${ticket.event.city}` : ticket.venue}</dd>
          <dt>{t.common.when}</dt>
          <dd>
            <EventDate iso={ticket.eventDate} timeZone={ticket.event?.timeZone} />
          </dd>
          <dt>{t.common.tickets}</dt>
          <dd data-testid="listing-quantity">
            {t.quantity.left(ticket.available, ticket.quantity)}
            {ticket.quantity > 1 && ` · ${t.splits[ticket.split]}`}
          </dd>
          {(ticket.section || ticket.row || ticket.seat) && (
            <>
              <dt>{t.common.seat}</dt>
              <dd data-testid="seat">{placeOf(t, ticket)}</dd>
            </>
          )}
        </dl>
        <p>
          <Link href={`/events/${ticket.eventId}`}>{say.allForEvent}</Link>
        </p>
        {ticket.description && <p className="prose">{ticket.description}</p>}
      </article>

      <aside className="card" aria-label={moderating ? say.moderation : say.buy}>
        <p className="big-price">
          <AllInPrice priceCents={ticket.priceCents} currency={ticket.currency} />
          {ticket.quantity > 1 && <span className="muted"> {say.each}</span>}
        </p>
        {own && (
          <p className="field__hint" data-testid="seller-proceeds">
            <SellerProceeds priceCents={ticket.priceCents} currency={ticket.currency} />
          </p>
        )}
        {own ? (
          <div className="stack">
            <p className="alert alert--info">{say.yours}</p>
            {ticket.moderationReason && (
              <p className="alert alert--error" data-testid="moderation-reason">
                {t.admin.moderated(ticket.moderationReason)}
              </p>
            )}
            {ticket.status === 'available' && !ticket.reserved && !ticket.sold ? (
              <Link href={`/tickets/${ticket.id}/edit`} className="button button--block">
                {say.edit}
              </Link>
            ) : (
              <p className="muted">{say.notEditable}</p>
            )}
            <Link href="/listings">{say.allMine}</Link>
          </div>
        ) : moderating ? (
          <div className="stack" data-testid="moderation-panel">
            <p>{say.counts(ticket.sold ?? 0, ticket.reserved ?? 0, ticket.available, ticket.quantity)}</p>
            {ticket.moderationReason && (
              <p className="alert alert--error" data-testid="moderation-reason">
                {t.admin.moderated(ticket.moderationReason)}
              </p>
            )}
            {ticket.status === 'available' && !ticket.reserved && !ticket.sold ? (
              <ModerateButton ticketId={ticket.id} title={ticket.title} />
            ) : (
              ticket.status !== 'withdrawn' && <p className="muted">{t.admin.notWithdrawable}</p>
            )}
            <Link href="/admin">{say.adminConsole}</Link>
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
              {say.signInToBuy}
            </Link>
          )
        ) : held ? (
          <div className="alert alert--info stack" data-testid="your-hold">
            <p>
              <strong>{t.hold.yours}</strong>
            </p>
            <Countdown expiresAt={held.expiresAt} />
            <Link href={`/orders/${held.id}`} className="button button--block">
              {say.goPay}
            </Link>
          </div>
        ) : (
          <div
            className={`alert ${ticket.status === 'reserved' ? 'alert--warning' : 'alert--info'}`}
            data-testid="unavailable"
          >
            <p>
              <strong>{unavailable(t)[ticket.status].title}</strong>
            </p>
            <p>{unavailable(t)[ticket.status].text}</p>
          </div>
        )}
        {!own && !moderating && ticket.status === 'available' && (
          <p className="field__hint" style={{ marginTop: 'var(--space-3)' }} data-testid="hold-policy">
            {holdSeconds === null ? say.holdShort : t.hold.beforeBuy(t.time.duration(holdSeconds))}
          </p>
        )}
        {!own && !moderating && ticket.status === 'available' && (
          <p className="field__hint" data-testid="cancellation-policy">
            {t.cancellation.policy(ticket.cancellationHours)}
          </p>
        )}
      </aside>
    </div>
  );
}
