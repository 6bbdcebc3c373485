import { consumer, orderCompleted, type Logger } from '@ticketing/common';
import { sellTicket } from '../domain/sell-ticket';

export const onOrderCompleted = (logger: Logger) =>
  consumer(orderCompleted, 'tickets', async (tx, order) => {
    const outcome = await sellTicket(tx, order);
    if (!outcome.applied) {
      logger.warn(
        { orderId: order.id, ticketId: order.ticket.id, reason: outcome.reason },
        'ticket not sold',
      );
    }
  });
