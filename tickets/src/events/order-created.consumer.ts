import { consumer, orderCreated, type Logger } from '@ticketing/common';
import { reserveTicket } from '../domain/reserve-ticket';

export const onOrderCreated = (logger: Logger) =>
  consumer(orderCreated, 'tickets', async (tx, order) => {
    const outcome = await reserveTicket(tx, order);
    if (!outcome.applied) {
      logger.warn(
        { orderId: order.id, ticketId: order.ticket.id, reason: outcome.reason },
        'ticket not reserved',
      );
    }
  });
