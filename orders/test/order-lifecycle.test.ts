import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  expirationComplete,
  orderCancelled,
  orderCompleted,
  paymentCreated,
  ticketReservationRejected,
} from '@ticketing/common';
import { eventHandled, forThisFile, signIn, waitFor } from '@ticketing/common/testing';
import { onExpirationComplete } from '../src/events/expiration-complete.consumer';
import {
  confirmReservation,
  orderEventOf,
  placeOrder,
  replicaOf,
  startOrders,
  type PlacedOrder,
} from './factories';

const service = forThisFile(startOrders);

const read = async ({ id, buyer }: PlacedOrder) =>
  (await request(service.app).get(`/api/orders/${id}`).set('Cookie', buyer.cookie).expect(200)).body;

const cancel = ({ id }: Pick<PlacedOrder, 'id'>, who = signIn()) =>
  request(service.app).delete(`/api/orders/${id}`).set(who.headers);

const pay = (order: PlacedOrder, paidAt = new Date()) =>
  service.bus.publish(paymentCreated, {
    id: randomUUID(),
    orderId: order.id,
    amountCents: order.ticket.priceCents,
    currency: order.ticket.currency,
    provider: 'stripe',
    providerPaymentId: `pi_${randomUUID().slice(0, 12)}`,
    paidAt: paidAt.toISOString(),
  });

const cancelledEvents = (id: string) => service.recorder!.of(orderCancelled).filter((e) => e.data.id === id);
const completedEvents = (id: string) => service.recorder!.of(orderCompleted).filter((e) => e.data.id === id);

describe('DELETE /api/orders/:id', () => {
  test('when the buyer cancels an open order, then 204 and order.cancelled (reason user, version 1)', async () => {
    const order = await placeOrder(service);
    expect((await cancel(order, order.buyer)).status).toBe(204);
    expect(await read(order)).toMatchObject({ status: 'cancelled', cancellationReason: 'user', version: 1 });
    const event = await waitFor(() => cancelledEvents(order.id)[0]);
    expect(event.data).toEqual({ ...orderEventOf(order, 1), reason: 'user' });
  });

  test('when the order is already cancelled, then 409', async () => {
    const order = await placeOrder(service);
    await cancel(order, order.buyer).expect(204);
    const res = await cancel(order, order.buyer);
    expect(res.status).toBe(409);
    expect(res.body.errors[0].code).toBe('order_not_cancellable');
  });

  test('when another user cancels it, then 403 and the order stays open', async () => {
    const order = await placeOrder(service);
    expect((await cancel(order)).status).toBe(403);
    expect((await read(order)).status).toBe('created');
  });

  test('when the order does not exist, then 404', async () => {
    expect((await cancel({ id: randomUUID() })).status).toBe(404);
  });
});

describe('payment.created', () => {
  test('when a payment arrives for an open order, then it waits for tickets to confirm the reservation, then it is complete and order.completed is published', async () => {
    const order = await placeOrder(service);
    const envelope = await pay(order);
    // Not yet: tickets may still reject the reservation.
    await waitFor(() => service.recorder!.of(paymentCreated).some((e) => e.id === envelope.id));
    expect((await read(order)).status).toBe('created');
    await confirmReservation(service, order);
    const event = await waitFor(() => completedEvents(order.id)[0]);
    expect(event.data).toEqual(orderEventOf(order, 1));
    expect(await read(order)).toMatchObject({ status: 'complete', version: 1 });
  });

  test('when the order is complete, then the buyer cannot cancel it (409)', async () => {
    const order = await placeOrder(service);
    await confirmReservation(service, order);
    await pay(order);
    await waitFor(async () => (await read(order)).status === 'complete');
    const res = await cancel(order, order.buyer);
    expect(res.status).toBe(409);
    expect(res.body.errors[0].message).toMatch(/paid/);
  });

  test('when a payment arrives for a cancelled order, then nothing changes', async () => {
    const order = await placeOrder(service);
    await cancel(order, order.buyer).expect(204);
    const envelope = await pay(order);
    await eventHandled(service, { service: 'orders', contract: paymentCreated }, envelope);
    expect(await read(order)).toMatchObject({ status: 'cancelled', version: 1 });
    expect(completedEvents(order.id)).toEqual([]);
  });

  test('when the charge was taken after the reservation window, then the order is cancelled as expired and not completed', async () => {
    const order = await placeOrder(service);
    await confirmReservation(service, order);
    const { expiresAt } = await read(order);
    await pay(order, new Date(Date.parse(expiresAt) + 1));
    await waitFor(() => cancelledEvents(order.id)[0]);
    expect(await read(order)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'expired',
      version: 1,
    });
    expect(completedEvents(order.id)).toEqual([]);
  });
});

describe('ticket.reservation-rejected', () => {
  test('when tickets rejects the reservation, then the order is cancelled with reason rejected, which the buyer sees', async () => {
    const order = await placeOrder(service);
    await service.bus.publish(ticketReservationRejected, {
      orderId: order.id,
      ticketId: order.ticket.id,
      reason: 'withdrawn',
    });
    const event = await waitFor(() => cancelledEvents(order.id)[0]);
    expect(event.data).toMatchObject({ reason: 'rejected', version: 1 });
    expect(await read(order)).toMatchObject({ status: 'cancelled', cancellationReason: 'rejected' });
    // Its ticket is back in the listing's count for other buyers.
    expect((await replicaOf(service, order.ticket.id))?.held).toBe(0);
  });

  test('when a payment waits for a reservation that tickets then rejects, then the order is cancelled, never completed', async () => {
    const order = await placeOrder(service);
    const payment = await pay(order);
    await service.bus.publish(ticketReservationRejected, {
      orderId: order.id,
      ticketId: order.ticket.id,
      reason: 'changed',
    });
    await eventHandled(service, { service: 'orders', contract: paymentCreated }, payment);
    expect(await read(order)).toMatchObject({ status: 'cancelled', cancellationReason: 'rejected' });
    expect(completedEvents(order.id)).toEqual([]);
  });
});

describe('expiration.complete', () => {
  test('when an open order expires, then it is cancelled with reason expired', async () => {
    const order = await placeOrder(service);
    await service.bus.publish(expirationComplete, { orderId: order.id });
    const event = await waitFor(() => cancelledEvents(order.id)[0]);
    expect(event.data).toMatchObject({ reason: 'expired', version: 1 });
    expect(await read(order)).toMatchObject({ status: 'cancelled', cancellationReason: 'expired' });
  });

  test('when a complete order expires, then it stays complete and nothing is published', async () => {
    const order = await placeOrder(service);
    await confirmReservation(service, order);
    await pay(order);
    await waitFor(async () => (await read(order)).status === 'complete');
    const envelope = await service.bus.publish(expirationComplete, { orderId: order.id });
    await eventHandled(service, onExpirationComplete, envelope);
    expect(await read(order)).toMatchObject({ status: 'complete', version: 1 });
    expect(cancelledEvents(order.id)).toEqual([]);
  });

  test('when a cancelled order expires, then it keeps its first reason and version', async () => {
    const order = await placeOrder(service);
    await cancel(order, order.buyer).expect(204);
    const envelope = await service.bus.publish(expirationComplete, { orderId: order.id });
    await eventHandled(service, onExpirationComplete, envelope);
    expect(await read(order)).toMatchObject({ status: 'cancelled', cancellationReason: 'user', version: 1 });
  });
});
