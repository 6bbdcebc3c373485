import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import {
  createEnvelope,
  orderCancelled,
  orderCompleted,
  orderCreated,
  ticketReservationRejected,
  ticketUpdated,
} from '@ticketing/common';
import { forThisFile, waitFor } from '@ticketing/common/testing';
import { orderReplica } from '../src/data/schema';
import { createListing, orderFor, startTickets } from './factories';

const service = forThisFile(startTickets);

const updatesOf = (id: string) => service.recorder!.of(ticketUpdated).filter((e) => e.data.id === id);
const nthUpdate = (id: string, n: number) => waitFor(() => updatesOf(id)[n - 1]);
const stored = async (id: string) => (await request(service.app).get(`/api/tickets/${id}`)).body;
const completion = (order: { id: string; userId: string }, ticketId: string) => ({
  id: order.id,
  version: 1,
  userId: order.userId,
  ticket: { id: ticketId },
});
const cancellation = (orderId: string, ticketId: string) => ({
  id: orderId,
  version: 1,
  userId: randomUUID(),
  ticket: { id: ticketId },
  reason: 'expired' as const,
});
/** Resolves once tickets' replica shows the order in `status` (its event's transaction committed). */
const replicaShows = (orderId: string, status: string) =>
  waitFor(async () => {
    const [row] = await service.database.db.select().from(orderReplica).where(eq(orderReplica.id, orderId));
    return row?.status === status;
  });
const rejectionOf = (orderId: string) =>
  waitFor(() => service.recorder!.of(ticketReservationRejected).find((e) => e.data.orderId === orderId));

test('when orders reserve, cancel, reserve again and complete, then the ticket follows with versions 1 to 4', async () => {
  const { ticket } = await createListing(service.app);
  const first = orderFor(ticket.id);
  const second = orderFor(ticket.id);

  await service.bus.publish(orderCreated, first);
  expect((await nthUpdate(ticket.id, 1)).data).toMatchObject({
    status: 'reserved',
    orderId: first.id,
    version: 1,
  });
  await service.bus.publish(orderCancelled, cancellation(first.id, ticket.id));
  // orderId: the order whose release made this version.
  expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({
    status: 'available',
    orderId: first.id,
    version: 2,
  });
  await service.bus.publish(orderCreated, second);
  expect((await nthUpdate(ticket.id, 3)).data).toMatchObject({
    status: 'reserved',
    orderId: second.id,
    version: 3,
  });
  await service.bus.publish(orderCompleted, completion(second, ticket.id));
  expect((await nthUpdate(ticket.id, 4)).data).toMatchObject({
    status: 'sold',
    orderId: second.id,
    version: 4,
  });

  expect(await stored(ticket.id)).toMatchObject({ status: 'sold', version: 4 });
});

test('when the same order.created is delivered twice, then the second delivery changes nothing', async () => {
  const { ticket } = await createListing(service.app);
  const envelope = createEnvelope(orderCreated, orderFor(ticket.id));
  const payload = JSON.stringify(envelope);
  await service.bus.publishRaw(orderCreated.subject, envelope.id, payload);
  await nthUpdate(ticket.id, 1);
  // A new Nats-Msg-Id gets past JetStream's duplicate window, as a redelivery after it would.
  await service.bus.publishRaw(orderCreated.subject, randomUUID(), payload);
  // One consumer handles messages in order: once a later event is applied, the duplicate has been handled.
  const { ticket: marker } = await createListing(service.app);
  await service.bus.publish(orderCreated, orderFor(marker.id));
  await nthUpdate(marker.id, 1);

  expect(updatesOf(ticket.id)).toHaveLength(1);
  expect(await stored(ticket.id)).toMatchObject({ status: 'reserved', version: 1 });
});

test('when an order arrives for a withdrawn, reserved or since-changed listing, then tickets rejects it and the listing is left as it was', async () => {
  const { ticket: withdrawn, seller } = await createListing(service.app);
  await request(service.app).delete(`/api/tickets/${withdrawn.id}`).set(seller.headers).expect(204);
  const { ticket: taken } = await createListing(service.app);
  await service.bus.publish(orderCreated, orderFor(taken.id));
  await nthUpdate(taken.id, 1);
  const { ticket: edited, seller: editor } = await createListing(service.app);
  await request(service.app)
    .put(`/api/tickets/${edited.id}`)
    .set(editor.headers)
    .send({ priceCents: 999 })
    .expect(200);

  const late = [
    orderFor(withdrawn.id),
    // Revision 0 is still the taken listing's terms (a reservation is no edit): refused as unavailable.
    orderFor(taken.id, { ticket: { id: taken.id, priceCents: 12_500, currency: 'usd', revision: 0 } }),
  ];
  const stale = orderFor(edited.id, {
    ticket: { id: edited.id, priceCents: 12_500, currency: 'usd', revision: 0 },
  });
  for (const order of [...late, stale]) await service.bus.publish(orderCreated, order);

  expect((await rejectionOf(late[0]!.id)).data).toEqual({
    orderId: late[0]!.id,
    ticketId: withdrawn.id,
    reason: 'withdrawn',
  });
  expect((await rejectionOf(late[1]!.id)).data.reason).toBe('unavailable');
  expect((await rejectionOf(stale.id)).data.reason).toBe('changed');
  expect(await stored(withdrawn.id)).toMatchObject({ status: 'withdrawn', version: 1 });
  expect(await stored(taken.id)).toMatchObject({ status: 'reserved', version: 1 });
  expect(await stored(edited.id)).toMatchObject({ status: 'available', version: 1, priceCents: 999 });
});

test('when an order reserves the revision tickets holds, then it is reserved and nothing is rejected', async () => {
  const { ticket } = await createListing(service.app);
  const order = orderFor(ticket.id, {
    ticket: { id: ticket.id, priceCents: 12_500, currency: 'usd', revision: 0 },
  });
  await service.bus.publish(orderCreated, order);
  expect((await nthUpdate(ticket.id, 1)).data).toMatchObject({ status: 'reserved', orderId: order.id });
  expect(
    service.recorder!.of(ticketReservationRejected).filter((e) => e.data.orderId === order.id),
  ).toHaveLength(0);
});

test('when a cancellation overtakes its order.created, then it waits for it: reserved, then released (causal order)', async () => {
  const { ticket } = await createListing(service.app);
  const order = orderFor(ticket.id);
  await service.bus.publish(orderCancelled, cancellation(order.id, ticket.id));
  await service.bus.publish(orderCreated, order);

  expect((await nthUpdate(ticket.id, 1)).data).toMatchObject({ status: 'reserved', orderId: order.id });
  expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({ status: 'available', orderId: order.id });
  await replicaShows(order.id, 'cancelled');
});

test('when order.completed comes from an order whose reservation was rejected, then the ticket is not sold', async () => {
  const { ticket } = await createListing(service.app);
  const holder = orderFor(ticket.id);
  await service.bus.publish(orderCreated, holder);
  await nthUpdate(ticket.id, 1);
  const other = orderFor(ticket.id);
  await service.bus.publish(orderCreated, other);
  await rejectionOf(other.id);

  await service.bus.publish(orderCompleted, completion(other, ticket.id));
  await replicaShows(other.id, 'complete');

  expect(updatesOf(ticket.id)).toHaveLength(1);
  expect(await stored(ticket.id)).toMatchObject({ status: 'reserved', version: 1 });
});

test('when the buyer cancels a paid order of 2 of 3 (buyer_cancelled), then its 2 sold tickets go back on sale', async () => {
  const { ticket } = await createListing(service.app, undefined, { quantity: 3 });
  const order = orderFor(ticket.id, { quantity: 2 });
  await service.bus.publish(orderCreated, order);
  await nthUpdate(ticket.id, 1);
  await service.bus.publish(orderCompleted, completion(order, ticket.id));
  expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({ available: 1, orderId: order.id });

  await service.bus.publish(orderCancelled, {
    ...cancellation(order.id, ticket.id),
    version: 2,
    reason: 'buyer_cancelled',
  });
  expect((await nthUpdate(ticket.id, 3)).data).toMatchObject({
    status: 'available',
    available: 3,
    orderId: order.id,
    version: 3,
  });
  const [row] = await service.database.pool
    .query('select reserved, sold from tickets where id = $1', [ticket.id])
    .then((r) => r.rows);
  expect(row).toEqual({ reserved: 0, sold: 0 });
});

test('when a paid order is cancelled for another reason than its buyer, then its sold tickets stay sold', async () => {
  const { ticket } = await createListing(service.app);
  const order = orderFor(ticket.id);
  await service.bus.publish(orderCreated, order);
  await nthUpdate(ticket.id, 1);
  await service.bus.publish(orderCompleted, completion(order, ticket.id));
  expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({ status: 'sold' });
  await service.bus.publish(orderCancelled, { ...cancellation(order.id, ticket.id), version: 2 });
  await replicaShows(order.id, 'cancelled');
  expect(updatesOf(ticket.id)).toHaveLength(2);
  expect(await stored(ticket.id)).toMatchObject({ status: 'sold' });
});

describe('a listing of several tickets', () => {
  test('when orders take 2 and 2 of 4, one cancels and the other pays, then the counts and status follow and 2 are back on sale', async () => {
    const { ticket } = await createListing(service.app, undefined, { quantity: 4 });
    const terms = { id: ticket.id, priceCents: 12_500, currency: 'usd', revision: 0 };
    const first = orderFor(ticket.id, { quantity: 2, ticket: terms });
    const second = orderFor(ticket.id, { quantity: 2, ticket: terms });

    await service.bus.publish(orderCreated, first);
    expect((await nthUpdate(ticket.id, 1)).data).toMatchObject({
      status: 'available',
      quantity: 4,
      available: 2,
      revision: 0,
      orderId: first.id,
    });
    // The first reservation changed the version, not the terms: the second, placed against revision 0, holds.
    await service.bus.publish(orderCreated, second);
    expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({ status: 'reserved', available: 0 });
    await service.bus.publish(orderCancelled, cancellation(first.id, ticket.id));
    expect((await nthUpdate(ticket.id, 3)).data).toMatchObject({ status: 'available', available: 2 });
    await service.bus.publish(orderCompleted, completion(second, ticket.id));
    expect((await nthUpdate(ticket.id, 4)).data).toMatchObject({ status: 'available', available: 2 });

    expect(await stored(ticket.id)).toMatchObject({ quantity: 4, available: 2, allowedQuantities: [1, 2] });
    const [row] = await service.database.pool
      .query('select reserved, sold from tickets where id = $1', [ticket.id])
      .then((r) => r.rows);
    expect(row).toEqual({ reserved: 0, sold: 2 });
  });

  test('when the last tickets are paid, then the listing is sold out', async () => {
    const { ticket } = await createListing(service.app, undefined, { quantity: 3 });
    const orders = [orderFor(ticket.id, { quantity: 1 }), orderFor(ticket.id, { quantity: 2 })];
    for (const order of orders) await service.bus.publish(orderCreated, order);
    await nthUpdate(ticket.id, 2);
    await service.bus.publish(orderCompleted, completion(orders[0]!, ticket.id));
    expect((await nthUpdate(ticket.id, 3)).data).toMatchObject({ status: 'reserved', available: 0 });
    await service.bus.publish(orderCompleted, completion(orders[1]!, ticket.id));
    expect((await nthUpdate(ticket.id, 4)).data).toMatchObject({ status: 'sold', available: 0 });
  });

  test.each([
    ['more than are left', { quantity: 2, split: 'any' }, 3],
    ['a split that leaves one (no-single)', { quantity: 4, split: 'no-single' }, 3],
    ['part of an all-together listing', { quantity: 4, split: 'all' }, 2],
  ] as const)(
    'when an order asks for %s, then tickets rejects it as unavailable and holds nothing',
    async (_case, listing, quantity) => {
      const { ticket } = await createListing(service.app, undefined, listing);
      const order = orderFor(ticket.id, { quantity });
      await service.bus.publish(orderCreated, order);
      expect((await rejectionOf(order.id)).data.reason).toBe('unavailable');
      expect(await stored(ticket.id)).toMatchObject({ status: 'available', available: listing.quantity });
      expect(updatesOf(ticket.id)).toHaveLength(0);
    },
  );
});
