import { consumer, paymentCreated } from '@ticketing/common';
import { completeOrder } from '../domain/complete-order';

export const onPaymentCreated = consumer(paymentCreated, 'orders', (tx, data) => completeOrder(tx, data));
