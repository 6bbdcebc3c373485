import { consumer, orderCancelled } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import { replicas } from '../data/replicas.repository';
import { reminderKey } from '../domain/remind-reservation';

export const onOrderCancelled = consumer(orderCancelled, 'notifications', async (tx, order) => {
  await replicas.saveOrderOutcome(
    tx,
    { id: order.id, userId: order.userId, ticketId: order.ticket.id },
    'cancelled',
  );
  await mailsRepository.cancel(tx, reminderKey(order.id));
});
