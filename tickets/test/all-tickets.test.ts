import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { forThisFile, signIn } from '@ticketing/common/testing';
import type { z } from 'zod';
import type { ownerTicket } from '../src/api/ticket-view';
import {
  createListing,
  inDays,
  LISTING_STATUSES,
  pagesOf,
  seedEveryStatus,
  seedTickets,
  startTickets,
  type ListQuery,
} from './factories';

const service = forThisFile(startTickets);

const admin = signIn({ role: 'admin' });

const listAll = (query: ListQuery, who = admin) =>
  request(service.app)
    .get('/api/tickets')
    .query({ all: 'true', ...query })
    .set('Cookie', who.cookie);

const walk = pagesOf<z.infer<typeof ownerTicket>>(listAll);

test('when an admin lists with all=true, then every status (past events too) comes, newest first, page by page, as its seller sees it', async () => {
  const seller = signIn();
  await seedEveryStatus(service.database.db, seller.user.id, 23);
  const { ticket: moderated } = await createListing(service.app, seller);
  const moderation = await request(service.app)
    .post(`/api/tickets/${moderated.id}/moderation`)
    .set(admin.headers)
    .send({ reason: 'Counterfeit suspected' });
  expect(moderation.status).toBe(204);

  const seen = await walk({ sellerId: seller.user.id, limit: 7 });

  expect(seen).toHaveLength(24);
  expect(new Set(seen.map((t) => t.id)).size).toBe(24);
  expect(new Set(seen.map((t) => t.status))).toEqual(new Set(LISTING_STATUSES));
  expect(seen[0]).toMatchObject({
    id: moderated.id,
    status: 'withdrawn',
    moderationReason: 'Counterfeit suspected',
  });
  const created = seen.map((t) => t.createdAt);
  expect([...created].sort().reverse()).toEqual(created);
});

test('when an admin filters by status, then only listings in that status come', async () => {
  const sellerId = randomUUID();
  await seedTickets(
    service.database.db,
    LISTING_STATUSES.flatMap((status, i) =>
      [0, 1].map((n) => ({
        title: `Filtered ${i}-${n}`,
        venue: 'Hall',
        eventDate: inDays(2 + i),
        priceCents: 900,
        sellerId,
        status,
      })),
    ),
  );
  for (const status of LISTING_STATUSES) {
    const seen = await walk({ sellerId, status, limit: 1 });
    expect(seen.map((t) => t.status)).toEqual([status, status]);
  }
});

test('when someone who is not an admin asks for all=true, then 403 (401 signed out) and no listing', async () => {
  const plain = await listAll({}, signIn());
  expect(plain.status).toBe(403);
  expect(plain.body).toEqual({ errors: [expect.objectContaining({ code: 'forbidden' })] });
  const anonymous = await request(service.app).get('/api/tickets').query({ all: 'true' });
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.items).toBeUndefined();
});

test('when the status is unknown, or given without all=true, then 400 names the status field', async () => {
  const bad = await listAll({ status: 'lost' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([expect.objectContaining({ code: 'invalid', field: 'status' })]);
  const alone = await request(service.app).get('/api/tickets').query({ status: 'sold' });
  expect(alone.status).toBe(400);
  expect(alone.body.errors).toEqual([
    expect.objectContaining({ field: 'status', message: 'needs all=true' }),
  ]);
  const notBoolean = await listAll({ all: 'yes' });
  expect(notBoolean.status).toBe(400);
  expect(notBoolean.body.errors).toEqual([expect.objectContaining({ field: 'all' })]);
});
