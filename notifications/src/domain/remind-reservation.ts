import type { Executor, OrderCancelled, OrderCompleted, OrderCreated } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import { orderReplicaRepository } from '../data/order-replica.repository';
import type { MailDeps } from './links';
import { ticketOrWait, userOrWait } from './recipients';
import { reservationReminder } from './templates/reservation-reminder';

export const reminderKey = (orderId: string) => `reservation-reminder:${orderId}`;

/**
 * Queues the buyer's reminder, due `reminderLeadMs` before the reservation ends and stale once it has
 * ended. Paying or cancelling first cancels it (and the sender skips a reminder whose order is no longer
 * open). A reservation already inside its last minutes gets none: the buyer is at the checkout right now.
 */
export async function remindReservation(
  tx: Executor,
  deps: MailDeps,
  order: OrderCreated,
  now = Date.now(),
): Promise<void> {
  const expiresAt = new Date(order.expiresAt);
  const dueAt = new Date(expiresAt.getTime() - deps.reminderLeadMs);
  if (order.status !== 'created' || dueAt.getTime() <= now) return;
  const buyer = await userOrWait(tx, order.userId);
  const ticket = await ticketOrWait(tx, order.ticket.id);
  const mail = reservationReminder({
    name: buyer.name,
    ticket,
    minutesLeft: Math.max(1, Math.round(deps.reminderLeadMs / 60_000)),
    expiresAt,
    orderUrl: deps.links.order(order.id),
  });
  await mailsRepository.queue(tx, {
    key: reminderKey(order.id),
    kind: 'reservation-reminder',
    recipient: buyer.email,
    ...mail,
    orderId: order.id,
    dueAt,
    staleAt: expiresAt,
  });
}

/** The order was paid or cancelled: the replica records which, and its reminder is not sent. */
export async function endReservation(
  tx: Executor,
  order: OrderCompleted | OrderCancelled,
  outcome: 'complete' | 'cancelled',
): Promise<void> {
  const { id, userId, ticket } = order;
  await orderReplicaRepository.saveOutcome(tx, { id, userId, ticketId: ticket.id }, outcome);
  await mailsRepository.cancel(tx, reminderKey(id));
}
