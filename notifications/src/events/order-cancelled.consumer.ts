import { consumer, orderCancelled } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { announceTicketsBackOnSale } from '../domain/announce-tickets-back-on-sale';
import type { MailDeps } from '../domain/links';
import { reminderKey } from '../domain/remind-reservation';

export const onOrderCancelled = (deps: MailDeps) =>
  consumer(orderCancelled, 'notifications', async (tx, order) => {
    await orderReplicaRepository.saveOutcome(
      tx,
      { id: order.id, userId: order.userId, ticketId: order.ticket.id },
      'cancelled',
    );
    await mailsRepository.cancel(tx, reminderKey(order.id));
    if (order.reason === 'buyer_cancelled') await announceTicketsBackOnSale(tx, deps, order);
  });
