import request, { type Response } from 'supertest';
import { forThisFile, signIn } from '@ticketing/common/testing';
import { createListing, inDays, seedTickets, startTickets } from './factories';

const service = forThisFile(startTickets);

test('when a seller asks for their listings, then every status is included, newest first, page by page', async () => {
  const seller = signIn();
  const statuses = ['available', 'reserved', 'sold', 'withdrawn'] as const;
  await seedTickets(
    service.database.db,
    Array.from({ length: 45 }, (_, i) => ({
      title: `Mine ${i}`,
      venue: 'Hall',
      eventDate: inDays(i % 2 === 0 ? 3 : -3),
      priceCents: 500,
      sellerId: seller.user.id,
      status: statuses[i % 4],
    })),
  );
  const { ticket: newest } = await createListing(service.app, seller);
  await createListing(service.app); // someone else's

  const seen: { id: string; status: string; sellerId: string; createdAt: string }[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await request(service.app)
      .get('/api/tickets/mine')
      .query(cursor ? { limit: 10, cursor } : { limit: 10 })
      .set('Cookie', seller.cookie);
    expect(res.status).toBe(200);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);

  expect(seen).toHaveLength(46);
  expect(new Set(seen.map((t) => t.id)).size).toBe(46);
  expect(seen[0]!.id).toBe(newest.id);
  expect(seen.every((t) => t.sellerId === seller.user.id)).toBe(true);
  expect(new Set(seen.map((t) => t.status))).toEqual(new Set(statuses));
  const created = seen.map((t) => t.createdAt);
  expect([...created].sort().reverse()).toEqual(created);
});

test('when nobody is signed in, then /mine answers 401 (and is not mistaken for a ticket id)', async () => {
  const res = await request(service.app).get('/api/tickets/mine');
  expect(res.status).toBe(401);
});
