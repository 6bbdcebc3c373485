import { consumer, orderCompleted } from '@ticketing/common';
import { completeOrder } from '../domain/replicate-order';

export const onOrderCompleted = consumer(orderCompleted, 'payments', (tx, data) => completeOrder(tx, data));
