import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import {
  createEnvelope,
  orderCancelled,
  orderCompleted,
  orderCreated,
  ticketUpdated,
} from '@ticketing/common';
import { startTestService, waitFor, type TestService } from '@ticketing/common/testing';
import { ticketsService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { closedOrders } from '../src/data/schema';
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
/** Resolves once a cancellation or completion of `orderId` has been handled (its transaction committed). */
const closureRecorded = (orderId: string) =>
  waitFor(
    async () =>
      (await service.database.db.select().from(closedOrders).where(eq(closedOrders.orderId, orderId))).length,
  );

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

test('when a different order is cancelled, then the ticket stays reserved by its own order', async () => {
  const { ticket } = await createListing(service.app);
  await service.bus!.publish(orderCreated, orderFor(ticket.id));
  await nthUpdate(ticket.id, 1);
  const stranger = randomUUID();

  await service.bus!.publish(orderCancelled, cancellation(stranger, ticket.id));
  await closureRecorded(stranger);

  expect(updatesOf(ticket.id)).toHaveLength(1);
  expect(await stored(ticket.id)).toMatchObject({ status: 'reserved', version: 1 });
});

test('when an order arrives for a withdrawn or already reserved ticket, then the ticket is left as it was', async () => {
  const { ticket: withdrawn, seller } = await createListing(service.app);
  await request(service.app).delete(`/api/tickets/${withdrawn.id}`).set(seller.headers).expect(204);
  const { ticket: taken } = await createListing(service.app);
  const holder = orderFor(taken.id);
  await service.bus!.publish(orderCreated, holder);
  await nthUpdate(taken.id, 1);

  await service.bus!.publish(orderCreated, orderFor(withdrawn.id));
  await service.bus!.publish(orderCreated, orderFor(taken.id));
  const { ticket: marker } = await createListing(service.app);
  await service.bus!.publish(orderCreated, orderFor(marker.id));
  await nthUpdate(marker.id, 1);

  expect(await stored(withdrawn.id)).toMatchObject({ status: 'withdrawn', version: 1 });
  expect(updatesOf(taken.id)).toHaveLength(1);
  expect(await stored(taken.id)).toMatchObject({ status: 'reserved', version: 1 });
});

test('when a cancellation overtakes its order.created, then the late order does not reserve the ticket', async () => {
  const { ticket } = await createListing(service.app);
  const order = orderFor(ticket.id);
  await service.bus!.publish(orderCancelled, cancellation(order.id, ticket.id));
  await closureRecorded(order.id);

  await service.bus!.publish(orderCreated, order);
  const { ticket: marker } = await createListing(service.app);
  await service.bus!.publish(orderCreated, orderFor(marker.id));
  await nthUpdate(marker.id, 1);

  expect(updatesOf(ticket.id)).toHaveLength(0);
  expect(await stored(ticket.id)).toMatchObject({ status: 'available', version: 0 });
});

test('when order.completed comes from an order that does not hold the ticket, then it is not sold', async () => {
  const { ticket } = await createListing(service.app);
  const holder = orderFor(ticket.id);
  await service.bus!.publish(orderCreated, holder);
  await nthUpdate(ticket.id, 1);
  const other = randomUUID();

  await service.bus!.publish(orderCompleted, {
    id: other,
    version: 1,
    userId: randomUUID(),
    ticket: { id: ticket.id },
  });
  await closureRecorded(other);

  expect(updatesOf(ticket.id)).toHaveLength(1);
  expect(await stored(ticket.id)).toMatchObject({ status: 'reserved', version: 1 });
});
