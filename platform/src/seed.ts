import { ApiClient, signUpOrIn } from './api-client';
import { cross, say, tick } from './output';
import { BUYERS, DEMO_PASSWORD, demoListings, SELLERS } from './seed-data';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Titles a seller has listed already, in any status: the seed never lists the same thing twice. */
async function listedTitles(client: ApiClient): Promise<Set<string>> {
  const titles = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = `/api/tickets/mine?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await client.get<Page<{ title: string }>>(query);
    if (res.status !== 200)
      throw new Error(`GET /api/tickets/mine: ${res.status} ${JSON.stringify(res.body)}`);
    for (const t of res.body.items) titles.add(t.title);
    cursor = res.body.nextCursor;
  } while (cursor);
  return titles;
}

/**
 * `npm run seed`: fills a running platform with demo users and listings through the gateway's public API
 * only (GATEWAY_URL, default http://localhost:8080). Safe to run again.
 */
async function main(): Promise<void> {
  const base = process.env.GATEWAY_URL ?? `http://localhost:${process.env.PORT ?? 8080}`;
  const probe = await fetch(`${base}/api/tickets?limit=1`).catch(() => undefined);
  if (!probe?.ok) throw new Error(`no platform answers at ${base}: start it with \`npm run dev\` first`);

  const sellers = SELLERS.map((who) => ({ who, client: new ApiClient(base) }));
  for (const { who, client } of sellers) await signUpOrIn(client, who);
  for (const who of BUYERS) await signUpOrIn(new ApiClient(base), who);
  say(tick(`${SELLERS.length} sellers and ${BUYERS.length} buyers ready`));

  let created = 0;
  let kept = 0;
  const listings = demoListings();
  for (const [i, { client }] of sellers.entries()) {
    const mine = await listedTitles(client);
    for (const listing of listings.filter((_, n) => n % sellers.length === i)) {
      if (mine.has(listing.title)) {
        kept++;
        continue;
      }
      const res = await client.post('/api/tickets', listing);
      if (res.status !== 201) throw new Error(`POST /api/tickets: ${res.status} ${JSON.stringify(res.body)}`);
      created++;
    }
  }
  say(tick(`${created} listings created, ${kept} already there`));
  say(`Open ${base} and sign in with any of these (password for all: ${DEMO_PASSWORD}):`);
  for (const who of [...SELLERS, ...BUYERS]) say(`   ${who.email.padEnd(20)} ${who.name}`);
  say('Pay with the test card pm_card_visa (pm_card_chargeDeclined to see a decline).');
}

main().catch((err: unknown) => {
  say(cross(err instanceof Error ? err.message : String(err)));
  process.exit(1);
});
