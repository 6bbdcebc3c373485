import { ApiClient, confirmFromInbox, signUpOrIn } from './api-client';
import { cross, say, tick } from './output';
import { BUYERS, DEMO_PASSWORD, demoEvents, SELLERS, type EventInput } from './seed-data';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Mine {
  eventId: string;
  section: string | null;
  row: string | null;
  seat: string | null;
}

const placeOf = (
  eventId: string,
  l: { section?: string | null; row?: string | null; seat?: string | null },
) => [eventId, l.section ?? '', l.row ?? '', l.seat ?? ''].join('|');

/** Places a seller has listed already (event and seat), in any status: the seed never lists one twice. */
async function listedPlaces(client: ApiClient): Promise<Set<string>> {
  const places = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = `/api/tickets/mine?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await client.get<Page<Mine>>(query);
    if (res.status !== 200)
      throw new Error(`GET /api/tickets/mine: ${res.status} ${JSON.stringify(res.body)}`);
    for (const t of res.body.items) places.add(placeOf(t.eventId, t));
    cursor = res.body.nextCursor;
  } while (cursor);
  return places;
}

/** The upcoming event of that title in that city, made by an earlier run; else a new one. */
async function findOrCreateEvent(
  client: ApiClient,
  event: EventInput,
): Promise<{ id: string; made: boolean }> {
  const query = new URLSearchParams({ q: event.title, city: event.city, limit: '100' });
  const found = await client.get<Page<{ id: string; title: string }>>(`/api/events?${query}`);
  const same = found.status === 200 ? found.body.items.find((e) => e.title === event.title) : undefined;
  if (same) return { id: same.id, made: false };
  const res = await client.post<{ id: string }>('/api/events', event);
  if (res.status !== 201) throw new Error(`POST /api/events: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, made: true };
}

/**
 * `npm run seed`: fills a running platform with demo users, events and listings through the gateway's
 * public API only (GATEWAY_URL, default http://localhost:8080). Safe to run again.
 */
async function main(): Promise<void> {
  const base = process.env.GATEWAY_URL ?? `http://localhost:${process.env.PORT ?? 8080}`;
  const probe = await fetch(`${base}/api/events?limit=1`).catch(() => undefined);
  if (!probe?.ok) throw new Error(`no platform answers at ${base}: start it with \`npm run dev\` first`);

  const sellers = SELLERS.map((who) => ({ who, client: new ApiClient(base) }));
  // Selling asks for a confirmed address: the demo sellers confirm theirs from the local inbox.
  const inbox = process.env.INBOX_URL ?? `http://localhost:${process.env.MAILDEV_WEB_PORT ?? 1080}`;
  for (const { who, client } of sellers) {
    const user = await signUpOrIn(client, who);
    if (!user.emailVerified) await confirmFromInbox(client, who.email, inbox);
  }
  for (const who of BUYERS) await signUpOrIn(new ApiClient(base), who);
  say(tick(`${SELLERS.length} sellers and ${BUYERS.length} buyers ready`));

  const placed = await Promise.all(sellers.map(({ client }) => listedPlaces(client)));
  let events = 0;
  let created = 0;
  let kept = 0;
  for (const [n, { event, listings }] of demoEvents().entries()) {
    const { id, made } = await findOrCreateEvent(sellers[n % sellers.length]!.client, event);
    if (made) events++;
    // The listings of one event come from different sellers, as on a real resale market.
    for (const [s, listing] of listings.entries()) {
      const seller = (n + s) % sellers.length;
      if (placed[seller]!.has(placeOf(id, listing))) {
        kept++;
        continue;
      }
      const res = await sellers[seller]!.client.post('/api/tickets', { eventId: id, ...listing });
      if (res.status !== 201) throw new Error(`POST /api/tickets: ${res.status} ${JSON.stringify(res.body)}`);
      created++;
    }
  }
  say(tick(`${events} events and ${created} listings created, ${kept} listings already there`));
  say(`Open ${base} and sign in with any of these (password for all: ${DEMO_PASSWORD}):`);
  for (const who of [...SELLERS, ...BUYERS]) say(`   ${who.email.padEnd(20)} ${who.name}`);
  say('Pay with the test card pm_card_visa (pm_card_chargeDeclined to see a decline).');
}

main().catch((err: unknown) => {
  say(cross(err instanceof Error ? err.message : String(err)));
  process.exit(1);
});
