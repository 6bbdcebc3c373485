import { outbox, ticketReservationRejected, type Executor, type OrderCreated } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { ticketsRepository } from '../data/tickets.repository';
import { applyHoldChange, skipped, type HoldOutcome } from './order-holds';
import { reservationRefusal } from './ticket';

/**
 * order.created: the order holds its quantity of the listing, if tickets agrees. Orders reserves against
 * its replica, so the listing may have been withdrawn, taken or changed since the revision the order saw:
 * then the reservation is rejected with an event of its own and orders cancels the order. The listing's
 * state wins.
 */
export async function reserveTicket(tx: Executor, order: OrderCreated): Promise<HoldOutcome> {
  if (await orderReplicaRepository.lockById(tx, order.id)) return skipped('order already known');
  const ticket = await ticketsRepository.lockById(tx, order.ticket.id);
  const refusal = reservationRefusal(ticket, order);
  const quantity = order.quantity ?? 1;
  await orderReplicaRepository.insert(tx, {
    id: order.id,
    ticketId: order.ticket.id,
    quantity,
    status: refusal ? 'rejected' : 'created',
    version: order.version,
  });
  if (refusal || !ticket) {
    await outbox.add(tx, ticketReservationRejected, {
      orderId: order.id,
      ticketId: order.ticket.id,
      reason: refusal ?? 'unknown_ticket',
    });
    return skipped(`reservation rejected: ${refusal}`);
  }
  return applyHoldChange(tx, ticket, order.id, { reserved: ticket.reserved + quantity, sold: ticket.sold });
}
