import request from 'supertest';
import { forThisFile, signIn } from '@ticketing/common/testing';
import { createListing, LISTING_STATUSES, seedEveryStatus, startTickets, walkPages } from './factories';

const service = forThisFile(startTickets);

test('when a seller asks for their listings, then every status is included, newest first, page by page', async () => {
  const seller = signIn();
  await seedEveryStatus(service.database.db, seller.user.id, 45);
  const { ticket: newest } = await createListing(service.app, seller);
  await createListing(service.app); // someone else's

  const seen = await walkPages<{ id: string; status: string; sellerId: string; createdAt: string }>((page) =>
    request(service.app)
      .get('/api/tickets/mine')
      .query({ limit: 10, ...page })
      .set('Cookie', seller.cookie),
  );

  expect(seen).toHaveLength(46);
  expect(new Set(seen.map((t) => t.id)).size).toBe(46);
  expect(seen[0]!.id).toBe(newest.id);
  expect(seen.every((t) => t.sellerId === seller.user.id)).toBe(true);
  expect(new Set(seen.map((t) => t.status))).toEqual(new Set(LISTING_STATUSES));
  const created = seen.map((t) => t.createdAt);
  expect([...created].sort().reverse()).toEqual(created);
});

test('when nobody is signed in, then /mine answers 401 (and is not mistaken for a ticket id)', async () => {
  const res = await request(service.app).get('/api/tickets/mine');
  expect(res.status).toBe(401);
});
