import { orderCancelled, orderCompleted, orderCreated } from '@ticketing/common';
import { eventHandled, forThisFile, signIn, waitFor } from '@ticketing/common/testing';
import { onOrderCompleted } from '../src/events/order-completed.consumer';
import { orderData, replicaOf, startPayments } from './factories';

const h = forThisFile(startPayments);

describe('orders replica', () => {
  test('when order.created arrives, then the replica holds the price, currency, buyer and version 0', async () => {
    const order = orderData({ ticket: { id: orderData().ticket.id, priceCents: 7_700, currency: 'GBP' } });

    await h.service.bus.publish(orderCreated, order);

    const row = await waitFor(() => replicaOf(h, order.id));
    expect(row).toMatchObject({
      userId: order.userId,
      ticketId: order.ticket.id,
      status: 'created',
      priceCents: 7_700,
      currency: 'gbp',
      version: 0,
    });
  });

  test('when order.cancelled arrives before order.created, then it is applied once its predecessor is', async () => {
    const order = orderData({ userId: signIn().user.id });

    await h.service.bus.publish(orderCancelled, {
      id: order.id,
      version: 1,
      userId: order.userId,
      ticket: { id: order.ticket.id },
      reason: 'user',
    });
    await h.service.bus.publish(orderCreated, order);

    await waitFor(async () => (await replicaOf(h, order.id))?.status === 'cancelled');
    expect(await replicaOf(h, order.id)).toMatchObject({ status: 'cancelled', version: 1 });
  });

  test('when an order.completed of an old version arrives again, then it changes nothing', async () => {
    const order = orderData();
    await h.service.bus.publish(orderCreated, order);
    await waitFor(() => replicaOf(h, order.id));
    const completed = { id: order.id, version: 1, userId: order.userId, ticket: { id: order.ticket.id } };
    await h.service.bus.publish(orderCompleted, completed);
    await waitFor(async () => (await replicaOf(h, order.id))?.status === 'complete');

    const stale = await h.service.bus.publish(orderCompleted, { ...completed, version: 0 });
    await eventHandled(h.service, onOrderCompleted, stale);

    expect(await replicaOf(h, order.id)).toMatchObject({ status: 'complete', version: 1 });
  });
});
