import { consumer, orderCreated } from '@ticketing/common';
import { replicas } from '../data/replicas.repository';
import type { MailDeps } from '../domain/links';
import { remindReservation } from '../domain/remind-reservation';

export const onOrderCreated = (deps: MailDeps) =>
  consumer(orderCreated, 'notifications', async (tx, order) => {
    await replicas.saveOrderCreated(tx, { id: order.id, userId: order.userId, ticketId: order.ticket.id });
    await remindReservation(tx, deps, order);
  });
