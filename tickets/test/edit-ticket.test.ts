import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { orderCreated, ticketUpdated } from '@ticketing/common';
import { forThisFile, invalidFields, signIn, waitFor } from '@ticketing/common/testing';
import { createListing, inDays, orderFor, startTickets } from './factories';

const service = forThisFile(startTickets);

const put = (id: string, headers: Record<string, string>, body: object) =>
  request(service.app).put(`/api/tickets/${id}`).set(headers).send(body);
const remove = (id: string, headers: Record<string, string>) =>
  request(service.app).delete(`/api/tickets/${id}`).set(headers);
const updatesOf = (id: string) => service.recorder!.of(ticketUpdated).filter((e) => e.data.id === id);

async function reservedListing() {
  const listing = await createListing(service.app);
  await service.bus.publish(orderCreated, orderFor(listing.ticket.id));
  await waitFor(() => updatesOf(listing.ticket.id).some((e) => e.data.status === 'reserved'));
  return listing;
}

test('when the seller changes some fields, then only those change, the version goes up and ticket.updated says so', async () => {
  const { ticket, seller } = await createListing(service.app);

  const first = await put(ticket.id, seller.headers, { priceCents: 9_900 });
  const second = await put(ticket.id, seller.headers, { row: 'F', currency: 'GBP' });

  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ priceCents: 9_900, version: 1, revision: 1 });
  expect(second.body).toMatchObject({
    row: 'F',
    currency: 'gbp',
    priceCents: 9_900,
    version: 2,
    revision: 2,
  });
  const events = await waitFor(() => (updatesOf(ticket.id).length === 2 ? updatesOf(ticket.id) : undefined));
  expect(events.map((e) => [e.data.version, e.data.priceCents, e.data.currency])).toEqual([
    [1, 9_900, 'usd'],
    [2, 9_900, 'gbp'],
  ]);
});

test('when someone else edits a listing, then 403 and nothing changes', async () => {
  const { ticket } = await createListing(service.app);
  const res = await put(ticket.id, signIn().headers, { priceCents: 1 });
  expect(res.status).toBe(403);
  const stored = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(stored.body).toMatchObject({ priceCents: 12_500, version: 0 });
});

test('when an edit is invalid or empty, then 400 names the bad fields', async () => {
  const { ticket, seller } = await createListing(service.app);
  const bad = await put(ticket.id, seller.headers, { eventDate: inDays(2).toISOString(), priceCents: -1 });
  expect(bad.status).toBe(400);
  expect(invalidFields(bad)).toEqual(['eventDate', 'priceCents']);
  const moved = await put(ticket.id, seller.headers, { title: 'Moved show' });
  expect(moved.body.errors).toEqual([
    expect.objectContaining({ field: 'title', message: expect.stringContaining("listing's event") }),
  ]);

  const empty = await put(ticket.id, seller.headers, {});
  expect(empty.status).toBe(400);
  expect(empty.body.errors[0].message).toBe('nothing to update');
});

test('when editing or withdrawing an unknown listing, then 404; when not signed in, then 401', async () => {
  const seller = signIn();
  expect((await put(randomUUID(), seller.headers, { priceCents: 100 })).status).toBe(404);
  expect((await remove(randomUUID(), seller.headers)).status).toBe(404);
  const { ticket } = await createListing(service.app);
  const csrfOnly = { ...seller.headers, Cookie: seller.cookie.replace(/access_token=[^;]+; /, '') };
  expect((await put(ticket.id, csrfOnly, { priceCents: 100 })).status).toBe(401);
  expect((await remove(ticket.id, csrfOnly)).status).toBe(401);
});

test('when the seller withdraws a listing, then 204, it is withdrawn at the next version and can no longer be edited', async () => {
  const { ticket, seller } = await createListing(service.app);

  expect((await remove(ticket.id, seller.headers)).status).toBe(204);
  const stored = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(stored.body).toMatchObject({ status: 'withdrawn', version: 1 });
  const edit = await put(ticket.id, seller.headers, { priceCents: 100 });
  expect(edit.status).toBe(409);
  expect(edit.body.errors[0].code).toBe('ticket_not_modifiable');

  // Withdrawing again changes nothing: no new version, no second event.
  expect((await remove(ticket.id, seller.headers)).status).toBe(204);
  await waitFor(() => updatesOf(ticket.id).length === 1);
  expect((await request(service.app).get(`/api/tickets/${ticket.id}`)).body.version).toBe(1);
});

test('when another user withdraws a listing, then 403; when an admin does, then it is withdrawn', async () => {
  const { ticket } = await createListing(service.app);
  expect((await remove(ticket.id, signIn().headers)).status).toBe(403);

  expect((await remove(ticket.id, signIn({ role: 'admin' }).headers)).status).toBe(204);
  const event = await waitFor(() => updatesOf(ticket.id)[0]);
  expect(event.data).toMatchObject({ status: 'withdrawn', version: 1, orderId: null });
});

test('when an admin edits someone else listing, then 403: moderation only withdraws', async () => {
  const { ticket } = await createListing(service.app);
  expect((await put(ticket.id, signIn({ role: 'admin' }).headers, { priceCents: 1 })).status).toBe(403);
});

test('when a listing is reserved by an order, then it cannot be edited or withdrawn (409), not even by an admin', async () => {
  const { ticket, seller } = await reservedListing();

  const edit = await put(ticket.id, seller.headers, { priceCents: 100 });
  expect(edit.status).toBe(409);
  expect(edit.body.errors[0].message).toMatch(/reserved/);
  expect((await remove(ticket.id, seller.headers)).status).toBe(409);
  expect((await remove(ticket.id, signIn({ role: 'admin' }).headers)).status).toBe(409);
  const stored = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(stored.body).toMatchObject({ status: 'reserved', version: 1, priceCents: 12_500 });
});

test('when part of a listing of 4 is reserved, then it cannot be edited or withdrawn (409), though the rest is on sale', async () => {
  const { ticket, seller } = await createListing(service.app, undefined, { quantity: 4 });
  await service.bus.publish(orderCreated, orderFor(ticket.id, { quantity: 1 }));
  await waitFor(() => updatesOf(ticket.id).length === 1);

  const edit = await put(ticket.id, seller.headers, { quantity: 6 });
  expect(edit.status).toBe(409);
  expect(edit.body.errors[0].code).toBe('ticket_not_modifiable');
  expect((await remove(ticket.id, seller.headers)).status).toBe(409);
  const stored = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(stored.body).toMatchObject({ status: 'available', quantity: 4, available: 3 });
});

test('when the seller changes the quantity and split of a listing nobody holds, then they change with the terms revision', async () => {
  const { ticket, seller } = await createListing(service.app, undefined, { quantity: 2 });
  const res = await put(ticket.id, seller.headers, { quantity: 6, split: 'all' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    quantity: 6,
    split: 'all',
    available: 6,
    allowedQuantities: [6],
    revision: 1,
  });
});

test('when two edits race, then they serialize: each gets its own version', async () => {
  const { ticket, seller } = await createListing(service.app);
  const results = await Promise.all(
    [101, 102, 103, 104, 105].map((priceCents) => put(ticket.id, seller.headers, { priceCents })),
  );
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  expect(results.map((r) => r.body.version).sort()).toEqual([1, 2, 3, 4, 5]);
  const events = await waitFor(() => (updatesOf(ticket.id).length === 5 ? updatesOf(ticket.id) : undefined));
  expect(events.map((e) => e.data.version)).toEqual([1, 2, 3, 4, 5]);
});

test('when an admin withdraws a listing as moderation, then its seller sees the reason; nobody else does, and a non-admin gets 403', async () => {
  const { ticket, seller } = await createListing(service.app);
  const moderate = (headers: Record<string, string>, body: object) =>
    request(service.app).post(`/api/tickets/${ticket.id}/moderation`).set(headers).send(body);

  expect((await moderate(seller.headers, { reason: 'Duplicate listing' })).status).toBe(403);
  const admin = signIn({ role: 'admin' });
  const empty = await moderate(admin.headers, { reason: ' ' });
  expect(empty.status).toBe(400);
  expect(empty.body.errors[0]).toMatchObject({ field: 'reason' });
  expect((await moderate(admin.headers, { reason: 'Duplicate listing' })).status).toBe(204);

  const asSeller = await request(service.app).get(`/api/tickets/${ticket.id}`).set('Cookie', seller.cookie);
  expect(asSeller.body).toMatchObject({ status: 'withdrawn', moderationReason: 'Duplicate listing' });
  const asPublic = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(asPublic.body).not.toHaveProperty('moderationReason');
  await waitFor(() => updatesOf(ticket.id).find((e) => e.data.status === 'withdrawn'));
});
