import { batchConsumer, orderCompleted } from '@ticketing/common';
import { completeOrders } from '../domain/replicate-order';

export const onOrderCompleted = batchConsumer(orderCompleted, 'payments', (tx, events) =>
  completeOrders(
    tx,
    events.map((event) => event.data),
  ),
);
