import { consumer, orderCancelled, type Logger } from '@ticketing/common';
import { releaseTicket } from '../domain/release-ticket';

export const onOrderCancelled = (logger: Logger) =>
  consumer(orderCancelled, 'tickets', async (tx, order) => {
    const outcome = await releaseTicket(tx, order);
    if (!outcome.applied) {
      logger.info(
        { orderId: order.id, ticketId: order.ticket.id, reason: outcome.reason },
        'ticket not released',
      );
    }
  });
