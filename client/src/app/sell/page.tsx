import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { EventForm } from '@/components/event-form';
import { EventDate } from '@/components/locale';
import { TicketForm } from '@/components/ticket-form';
import { requireUser, serverApi } from '@/lib/api/server';
import type { EventSummary } from '@/lib/api/types';
import { timeZones } from '@/lib/event-time';
import { messages } from '@/lib/messages';

export const metadata: Metadata = { title: 'Sell a ticket' };

type Props = { searchParams: Promise<{ event?: string; q?: string }> };

/**
 * Selling is two steps: choose the event (find it, or create it when nobody has), then describe the
 * ticket. A ticket is always listed in an event, so buyers compare it with the other seats of that event.
 */
export default async function SellPage({ searchParams }: Props) {
  const { event: eventId, q } = await searchParams;
  const user = await requireUser(eventId ? `/sell?event=${encodeURIComponent(eventId)}` : '/sell');
  if (!user.emailVerified) return <UnverifiedSeller />;
  const event = eventId ? await serverApi.eventOrNull(eventId) : null;
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Sell a ticket</h1>
          <p className="lede">Buyers pay through Stripe; the ticket is reserved for them while they pay.</p>
        </div>
      </div>
      {event ? (
        <section className="stack" aria-labelledby="ticket-step">
          <h2 id="ticket-step">2. Your ticket</h2>
          <div className="card" data-testid="chosen-event">
            <p>
              <strong>{event.title}</strong>
            </p>
            <p className="muted">
              {event.venue}, {event.city} ·{' '}
              <EventDate iso={event.startsAt} timeZone={event.timeZone} withLocal={false} />
            </p>
            <Link href="/sell">Choose another event</Link>
          </div>
          <TicketForm eventId={event.id} />
        </section>
      ) : (
        <EventStep q={q?.trim()} />
      )}
    </div>
  );
}

async function EventStep({ q }: { q?: string }) {
  const found = q ? ((await serverApi.listEvents({ q }, 8).catch(() => null))?.items ?? []) : [];
  return (
    <>
      <section className="stack" aria-labelledby="find-step">
        <h2 id="find-step">1. Which event is your ticket for?</h2>
        <Form action="/sell" className="filters card" role="search" aria-label="Find the event">
          <div className="field field--search">
            <label htmlFor="event-q">Find the event</label>
            <input
              id="event-q"
              name="q"
              type="search"
              className="input"
              defaultValue={q}
              placeholder="Artist, event or venue"
            />
          </div>
          <button type="submit" className="button filters__submit">
            Find
          </button>
        </Form>
        {q && <EventChoices events={found} />}
      </section>
      <section className="stack" aria-labelledby="new-step">
        <h2 id="new-step">Not on the marketplace yet? Create the event</h2>
        <EventForm timeZones={timeZones()} />
      </section>
    </>
  );
}

function EventChoices({ events }: { events: EventSummary[] }) {
  if (events.length === 0) return <p className="muted">No event matches. Create it below.</p>;
  return (
    <ul className="ticket-grid" aria-label="Matching events">
      {events.map((e) => (
        <li key={e.id} className="card" data-testid="event-choice">
          <p>
            <strong>{e.title}</strong>
          </p>
          <p className="muted">
            {e.venue}, {e.city} · <EventDate iso={e.startsAt} timeZone={e.timeZone} withLocal={false} />
          </p>
          <Link href={`/sell?event=${e.id}`} className="button button--secondary">
            Sell a ticket for {e.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Listing asks for a confirmed address (tickets answers 403 email_not_verified): say so before the form. */
function UnverifiedSeller() {
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Sell a ticket</h1>
        </div>
      </div>
      <div className="alert alert--error" role="alert" data-testid="sell-unverified">
        <p>{messages.errors.byCode.email_not_verified}</p>
      </div>
    </div>
  );
}
