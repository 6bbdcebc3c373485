import { consumer, ticketReservationRejected } from '@ticketing/common';
import { rejectOrder } from '../domain/reject-order';

export const onReservationRejected = consumer(ticketReservationRejected, 'orders', (tx, data) =>
  rejectOrder(tx, data.orderId),
);
