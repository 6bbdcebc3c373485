import { consumer, orderCompleted } from '@ticketing/common';
import { announceTicketSold } from '../domain/announce-ticket-sold';
import type { MailDeps } from '../domain/links';
import { endReservation } from '../domain/remind-reservation';

export const onOrderCompleted = (deps: MailDeps) =>
  consumer(orderCompleted, 'notifications', async (tx, order) => {
    await endReservation(tx, order, 'complete');
    await announceTicketSold(tx, deps, order);
  });
