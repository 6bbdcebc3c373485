import { consumer, orderCancelled } from '@ticketing/common';
import { applyOrderCancelled } from '../domain/replicate-order';

export const onOrderCancelled = consumer(orderCancelled, 'payments', (tx, data) =>
  applyOrderCancelled(tx, data),
);
