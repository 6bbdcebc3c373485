import { batchConsumer, orderCompleted } from '@ticketing/common';
import { applyOrdersCompleted } from '../domain/replicate-order';

export const onOrderCompleted = batchConsumer(orderCompleted, 'payments', (tx, events) =>
  applyOrdersCompleted(
    tx,
    events.map((event) => event.data),
  ),
);
