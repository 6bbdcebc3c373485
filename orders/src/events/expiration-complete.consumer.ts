import { consumer, expirationComplete } from '@ticketing/common';
import { expireOrder } from '../domain/expire-order';

export const onExpirationComplete = consumer(expirationComplete, 'orders', (tx, data) =>
  expireOrder(tx, data.orderId),
);
