import { batchConsumer, orderCreated } from '@ticketing/common';
import { applyOrdersCreated } from '../domain/replicate-order';

export const onOrderCreated = batchConsumer(orderCreated, 'payments', (tx, events) =>
  applyOrdersCreated(
    tx,
    events.map((event) => event.data),
  ),
);
