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
import { startTestService, waitFor, type TestService } from '@ticketing/common/testing';
import { ticketsService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { orderReplica } from '../src/data/schema';
import { createListing, orderFor } from './factories';

let service: TestService<Config>;

beforeAll(async () => {
  service = await startTestService(ticketsService, (env) => loadServiceConfig(env));
});

afterAll(async () => {
  await service.close();
});

const updatesOf = (id: string) => service.recorder!.of(ticketUpdated).filter((e) => e.data.id === id);
const nthUpdate = (id: string, n: number) => waitFor(() => updatesOf(id)[n - 1]);
const stored = async (id: string) => (await request(service.app).get(`/api/tickets/${id}`)).body;
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

  await service.bus!.publish(orderCreated, first);
  expect((await nthUpdate(ticket.id, 1)).data).toMatchObject({
    status: 'reserved',
    orderId: first.id,
    version: 1,
  });
  await service.bus!.publish(orderCancelled, cancellation(first.id, ticket.id));
  expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({
    status: 'available',
    orderId: null,
    version: 2,
  });
  await service.bus!.publish(orderCreated, second);
  expect((await nthUpdate(ticket.id, 3)).data).toMatchObject({
    status: 'reserved',
    orderId: second.id,
    version: 3,
  });
  await service.bus!.publish(orderCompleted, {
    id: second.id,
    version: 1,
    userId: second.userId,
    ticket: { id: ticket.id },
  });
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
  await service.bus!.publishRaw(orderCreated.subject, envelope.id, payload);
  await nthUpdate(ticket.id, 1);
  // A new Nats-Msg-Id gets past JetStream's duplicate window, as a redelivery after it would.
  await service.bus!.publishRaw(orderCreated.subject, randomUUID(), payload);
  // One consumer handles messages in order: once a later event is applied, the duplicate has been handled.
  const { ticket: marker } = await createListing(service.app);
  await service.bus!.publish(orderCreated, orderFor(marker.id));
  await nthUpdate(marker.id, 1);

  expect(updatesOf(ticket.id)).toHaveLength(1);
  expect(await stored(ticket.id)).toMatchObject({ status: 'reserved', version: 1 });
});

test('when an order arrives for a withdrawn, reserved or since-changed listing, then tickets rejects it and the listing is left as it was', async () => {
  const { ticket: withdrawn, seller } = await createListing(service.app);
  await request(service.app).delete(`/api/tickets/${withdrawn.id}`).set(seller.headers).expect(204);
  const { ticket: taken } = await createListing(service.app);
  await service.bus!.publish(orderCreated, orderFor(taken.id));
  await nthUpdate(taken.id, 1);
  const { ticket: edited, seller: editor } = await createListing(service.app);
  await request(service.app)
    .put(`/api/tickets/${edited.id}`)
    .set(editor.headers)
    .send({ priceCents: 999 })
    .expect(200);

  const late = [
    orderFor(withdrawn.id),
    orderFor(taken.id, { ticket: { id: taken.id, priceCents: 12_500, currency: 'usd', version: 0 } }),
  ];
  const stale = orderFor(edited.id, {
    ticket: { id: edited.id, priceCents: 12_500, currency: 'usd', version: 0 },
  });
  for (const order of [...late, stale]) await service.bus!.publish(orderCreated, order);

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

test('when an order reserves the version tickets holds, then it is reserved and nothing is rejected', async () => {
  const { ticket } = await createListing(service.app);
  const order = orderFor(ticket.id, {
    ticket: { id: ticket.id, priceCents: 12_500, currency: 'usd', version: 0 },
  });
  await service.bus!.publish(orderCreated, order);
  expect((await nthUpdate(ticket.id, 1)).data).toMatchObject({ status: 'reserved', orderId: order.id });
  expect(
    service.recorder!.of(ticketReservationRejected).filter((e) => e.data.orderId === order.id),
  ).toHaveLength(0);
});

test('when a cancellation overtakes its order.created, then it waits for it: reserved, then released (causal order)', async () => {
  const { ticket } = await createListing(service.app);
  const order = orderFor(ticket.id);
  await service.bus!.publish(orderCancelled, cancellation(order.id, ticket.id));
  await service.bus!.publish(orderCreated, order);

  expect((await nthUpdate(ticket.id, 1)).data).toMatchObject({ status: 'reserved', orderId: order.id });
  expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({ status: 'available', orderId: null });
  await replicaShows(order.id, 'cancelled');
});

test('when order.completed comes from an order whose reservation was rejected, then the ticket is not sold', async () => {
  const { ticket } = await createListing(service.app);
  const holder = orderFor(ticket.id);
  await service.bus!.publish(orderCreated, holder);
  await nthUpdate(ticket.id, 1);
  const other = orderFor(ticket.id);
  await service.bus!.publish(orderCreated, other);
  await rejectionOf(other.id);

  await service.bus!.publish(orderCompleted, {
    id: other.id,
    version: 1,
    userId: other.userId,
    ticket: { id: ticket.id },
  });
  await replicaShows(other.id, 'complete');

  expect(updatesOf(ticket.id)).toHaveLength(1);
  expect(await stored(ticket.id)).toMatchObject({ status: 'reserved', version: 1 });
});

test('when the buyer cancels a paid order (buyer_cancelled), then the sold ticket goes back on sale', async () => {
  const { ticket } = await createListing(service.app);
  const order = orderFor(ticket.id);
  await service.bus!.publish(orderCreated, order);
  await nthUpdate(ticket.id, 1);
  await service.bus!.publish(orderCompleted, {
    id: order.id,
    version: 1,
    userId: order.userId,
    ticket: { id: ticket.id },
  });
  expect((await nthUpdate(ticket.id, 2)).data).toMatchObject({ status: 'sold', orderId: order.id });

  await service.bus!.publish(orderCancelled, {
    ...cancellation(order.id, ticket.id),
    version: 2,
    reason: 'buyer_cancelled',
  });
  expect((await nthUpdate(ticket.id, 3)).data).toMatchObject({
    status: 'available',
    orderId: null,
    version: 3,
  });
  expect(await stored(ticket.id)).toMatchObject({ status: 'available' });
});
