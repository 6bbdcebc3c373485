import { consumer, orderCancelled } from '@ticketing/common';
import { announceTicketsBackOnSale } from '../domain/announce-tickets-back-on-sale';
import type { MailDeps } from '../domain/links';
import { endReservation } from '../domain/remind-reservation';

export const onOrderCancelled = (deps: MailDeps) =>
  consumer(orderCancelled, 'notifications', async (tx, order) => {
    await endReservation(tx, order, 'cancelled');
    if (order.reason === 'buyer_cancelled') await announceTicketsBackOnSale(tx, deps, order);
  });
