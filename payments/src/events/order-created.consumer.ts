import { batchConsumer, orderCreated } from '@ticketing/common';
import { addOrders } from '../domain/replicate-order';

export const onOrderCreated = batchConsumer(orderCreated, 'payments', (tx, events) =>
  addOrders(
    tx,
    events.map((event) => event.data),
  ),
);
