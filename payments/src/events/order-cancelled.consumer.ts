import { consumer, orderCancelled } from '@ticketing/common';
import { cancelOrder } from '../domain/replicate-order';

export const onOrderCancelled = consumer(orderCancelled, 'payments', (tx, data) => cancelOrder(tx, data));
