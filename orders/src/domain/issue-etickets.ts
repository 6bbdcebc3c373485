import { randomUUID } from 'node:crypto';
import { orderEticketsIssued, outbox, type Executor } from '@ticketing/common';
import type { EticketRow } from '../data/schema';
import { eticketsRepository } from '../data/etickets.repository';
import type { EticketSigner } from './eticket-code';
import type { Order } from './order';

/** One pass per ticket the order bought; listings name no seat per ticket, so the pass names none either. */
const seatsOf = (order: Order): (string | null)[] => Array.from({ length: order.quantity }, () => null);

/**
 * Issues the admission passes of a paid order and announces them, in the transaction that completes it:
 * a completed order always has its e-tickets, and the email with the codes cannot go out without them.
 */
export async function issueEtickets(tx: Executor, order: Order, signer: EticketSigner, now: Date) {
  const rows: EticketRow[] = seatsOf(order).map((seat) => ({
    id: randomUUID(),
    orderId: order.id,
    userId: order.userId,
    ticketId: order.ticketId,
    seat,
    code: signer.issue(),
    issuedAt: now,
    usedAt: null,
    usedBy: null,
    voidedAt: null,
    voidReason: null,
  }));
  await eticketsRepository.insertAll(tx, rows);
  await outbox.add(tx, orderEticketsIssued, {
    orderId: order.id,
    userId: order.userId,
    ticket: { id: order.ticketId },
    issuedAt: now.toISOString(),
    etickets: rows.map(({ id, code, seat }) => ({ id, code, seat })),
  });
  return rows;
}
