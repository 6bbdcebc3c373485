import { consumer, orderCreated } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import type { MailDeps } from '../domain/links';
import { remindReservation } from '../domain/remind-reservation';

export const onOrderCreated = (deps: MailDeps) =>
  consumer(orderCreated, 'notifications', async (tx, order) => {
    await orderReplicaRepository.saveCreated(tx, {
      id: order.id,
      userId: order.userId,
      ticketId: order.ticket.id,
    });
    await remindReservation(tx, deps, order);
  });
