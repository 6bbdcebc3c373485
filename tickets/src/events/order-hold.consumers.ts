import {
  consumer,
  orderCancelled,
  orderCompleted,
  orderCreated,
  type Contract,
  type EventData,
  type Executor,
  type Logger,
} from '@ticketing/common';
import type { z } from 'zod';
import type { HoldOutcome } from '../domain/order-holds';
import { releaseTicket } from '../domain/release-ticket';
import { reserveTicket } from '../domain/reserve-ticket';
import { sellTicket } from '../domain/sell-ticket';

// The order events move an order's tickets between available, reserved and sold. An event its ticket
// cannot take (stale, an unknown ticket, an order not holding it) is acknowledged with a log line saying
// why: retrying would not change the answer.

type OrderContract = Contract<string, z.ZodType<{ id: string; ticket: { id: string } }>>;

const holdChange =
  <C extends OrderContract>(
    contract: C,
    apply: (tx: Executor, order: EventData<C>) => Promise<HoldOutcome>,
    level: 'info' | 'warn',
    notApplied: string,
  ) =>
  (logger: Logger) =>
    consumer(contract, 'tickets', async (tx, order) => {
      const outcome = await apply(tx, order);
      if (!outcome.applied) {
        logger[level]({ orderId: order.id, ticketId: order.ticket.id, reason: outcome.reason }, notApplied);
      }
    });

export const onOrderCreated = holdChange(orderCreated, reserveTicket, 'warn', 'ticket not reserved');
export const onOrderCancelled = holdChange(orderCancelled, releaseTicket, 'info', 'ticket not released');
export const onOrderCompleted = holdChange(orderCompleted, sellTicket, 'warn', 'ticket not sold');
