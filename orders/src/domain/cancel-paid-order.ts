import type { CurrentUser, Db } from '@ticketing/common';
import { eticketsRepository } from '../data/etickets.repository';
import { ordersRepository, type OrderWithTicket } from '../data/orders.repository';
import { recordCancellation } from './cancel-order';
import { OrderNotFoundError } from './errors';
import { assertBuyerCancellable, EticketUsedError, isOwnedBy, NotYourOrderError } from './order';

/**
 * The buyer (or an admin) cancels a paid order inside its cancellation window: in one transaction the
 * order becomes cancelled (`buyer_cancelled`), its e-tickets are voided and order.cancelled is recorded;
 * payments refunds the charge and tickets puts the ticket back on sale when they hear of it. A repeated
 * request answers with the cancelled order. An open (unpaid) order is simply cancelled, as DELETE does.
 */
export async function cancelPaidOrder(
  db: Db,
  orderId: string,
  viewer: CurrentUser,
): Promise<OrderWithTicket> {
  return db.transaction(async (tx) => {
    const order = await ordersRepository.lockById(tx, orderId);
    if (!order) throw new OrderNotFoundError();
    if (!isOwnedBy(order, viewer.id) && viewer.role !== 'admin') throw new NotYourOrderError();
    if (order.status === 'created') await recordCancellation(tx, order, 'user');
    if (order.status === 'complete') {
      const now = new Date();
      assertBuyerCancellable(order, now);
      // Voiding first closes the race with a scanner: an admission that committed before shows up here as
      // used_at (and rolls this back); one that comes after finds the e-ticket voided and admits no one.
      const voided = await eticketsRepository.voidOfOrder(tx, order.id, 'cancelled by the buyer', now);
      if (voided.some((e) => e.usedAt)) throw new EticketUsedError();
      await recordCancellation(tx, order, 'buyer_cancelled');
    }
    return (await ordersRepository.findWithTicket(tx, orderId))!;
  });
}
