import { consumer, orderCreated } from '@ticketing/common';
import { addOrder } from '../domain/replicate-order';

export const onOrderCreated = consumer(orderCreated, 'payments', (tx, data) => addOrder(tx, data));
