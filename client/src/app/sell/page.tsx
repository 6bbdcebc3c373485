import Form from 'next/form';
import Link from 'next/link';
import { EventForm } from '@/components/event-form';
import { EventDate } from '@/components/locale';
import { NarrowPage } from '@/components/page-parts';
import { TicketForm } from '@/components/ticket-form';
import { requireUser, serverApi } from '@/lib/api/server';
import type { EventSummary } from '@/lib/api/types';
import { timeZones } from '@/lib/event-time';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.sell.title);

type Props = { searchParams: Promise<{ event?: string; q?: string }> };

/**
 * Selling is two steps: choose the event (find it, or create it when nobody has), then describe the
 * ticket. A ticket is always listed in an event, so buyers compare it with the other seats of that event.
 */
export default async function SellPage({ searchParams }: Props) {
  const { event: eventId, q } = await searchParams;
  const user = await requireUser(eventId ? `/sell?event=${encodeURIComponent(eventId)}` : '/sell');
  const { sell: say, errors } = await getMessages();
  if (!user.emailVerified) {
    // Listing asks for a confirmed address (tickets answers 403 email_not_verified): say so before the form.
    return (
      <NarrowPage title={say.title}>
        <div className="alert alert--error" role="alert" data-testid="sell-unverified">
          <p>{errors.byCode.email_not_verified}</p>
        </div>
      </NarrowPage>
    );
  }
  const event = eventId ? await serverApi.eventOrNull(eventId) : null;
  return (
    <NarrowPage title={say.title} lede={say.lede}>
      {event ? (
        <section className="stack" aria-labelledby="ticket-step">
          <h2 id="ticket-step">{say.ticketStep}</h2>
          <div className="card" data-testid="chosen-event">
            <p>
              <strong>{event.title}</strong>
            </p>
            <p className="muted">
              {event.venue}, {event.city} ·{' '}
              <EventDate iso={event.startsAt} timeZone={event.timeZone} withLocal={false} />
            </p>
            <Link href="/sell">{say.otherEvent}</Link>
          </div>
          <TicketForm eventId={event.id} />
        </section>
      ) : (
        <EventStep q={q?.trim()} />
      )}
    </NarrowPage>
  );
}

async function EventStep({ q }: { q?: string }) {
  const [found, { sell: say }] = await Promise.all([
    q
      ? serverApi.listEvents({ q }, 8).then(
          (page) => page.items,
          () => [],
        )
      : [],
    getMessages(),
  ]);
  return (
    <>
      <section className="stack" aria-labelledby="find-step">
        <h2 id="find-step">{say.findStep}</h2>
        <Form
          action="/sell"
          className="filters filters--single card"
          role="search"
          aria-label={say.findEvent}
        >
          <div className="field field--search">
            <label htmlFor="event-q">{say.findEvent}</label>
            <input
              id="event-q"
              name="q"
              type="search"
              className="input"
              defaultValue={q}
              placeholder={say.placeholder}
            />
          </div>
          <button type="submit" className="button filters__submit">
            {say.find}
          </button>
        </Form>
        {q && <EventChoices events={found} />}
      </section>
      <section className="stack" aria-labelledby="new-step">
        <h2 id="new-step">{say.newStep}</h2>
        <EventForm timeZones={timeZones()} />
      </section>
    </>
  );
}

async function EventChoices({ events }: { events: EventSummary[] }) {
  const { sell: say } = await getMessages();
  if (events.length === 0) return <p className="muted">{say.noMatch}</p>;
  return (
    <ul className="ticket-grid" aria-label={say.matching}>
      {events.map((e) => (
        <li key={e.id} className="card" data-testid="event-choice">
          <p>
            <strong>{e.title}</strong>
          </p>
          <p className="muted">
            {e.venue}, {e.city} · <EventDate iso={e.startsAt} timeZone={e.timeZone} withLocal={false} />
          </p>
          <Link href={`/sell?event=${e.id}`} className="button button--secondary">
            {say.sellFor(e.title)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
