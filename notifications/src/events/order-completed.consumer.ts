import { consumer, orderCompleted } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { announceTicketSold } from '../domain/announce-ticket-sold';
import type { MailDeps } from '../domain/links';
import { reminderKey } from '../domain/remind-reservation';

export const onOrderCompleted = (deps: MailDeps) =>
  consumer(orderCompleted, 'notifications', async (tx, order) => {
    await orderReplicaRepository.saveOutcome(
      tx,
      { id: order.id, userId: order.userId, ticketId: order.ticket.id },
      'complete',
    );
    await mailsRepository.cancel(tx, reminderKey(order.id));
    await announceTicketSold(tx, deps, order);
  });
