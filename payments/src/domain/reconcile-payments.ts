import type { Database, Executor } from '@ticketing/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { paymentsRepository } from '../data/payments.repository';
import { refundsRepository } from '../data/refunds.repository';
import type { StripeClient } from '../data/stripe-client';
import type { SucceededCharge } from './payment';
import { recordSucceededPayment } from './record-payment';

export interface ReconcileReport {
  /** Succeeded intents of ticket orders looked at. */
  examined: number;
  /** Charges we had no record of (a lost webhook and API answer): recorded now, and settled. */
  recorded: number;
  /** Kept payments of cancelled orders: queued for refund now. */
  refundQueued: number;
  /** What needs a person: one line each. */
  unresolved: string[];
}

const orderIdSchema = z.uuid();

/**
 * Compares the provider's succeeded PaymentIntents created since `since` with our payments and orders
 * (Stripe's recommended reconciliation), so a lost webhook or event cannot leave money unaccounted: an
 * unrecorded charge is recorded (which completes a payable order and refunds one that is not), a charge
 * kept for a cancelled order is refunded, and anything else that is off is reported.
 */
export async function reconcilePayments(
  { db }: Pick<Database, 'db'>,
  stripe: StripeClient,
  since: Date,
  logger: Logger,
): Promise<ReconcileReport> {
  const report: ReconcileReport = { examined: 0, recorded: 0, refundQueued: 0, unresolved: [] };
  const created = { gte: Math.floor(since.getTime() / 1000) };
  for await (const intent of stripe.paymentIntents.list({ created, limit: 100 })) {
    const orderId = orderIdSchema.safeParse(intent.metadata?.order_id);
    if (intent.status !== 'succeeded' || !orderId.success) continue;
    report.examined++;
    const charge = {
      providerPaymentId: intent.id,
      orderId: orderId.data,
      amountCents: intent.amount,
      currency: intent.currency,
    };
    const outcome = await db.transaction((tx) => reconcileCharge(tx, charge));
    if (outcome === 'recorded') report.recorded++;
    else if (outcome === 'refund_queued') report.refundQueued++;
    else if (outcome !== 'ok') report.unresolved.push(`${intent.id} (order ${orderId.data}): ${outcome}`);
  }
  if (report.recorded || report.refundQueued || report.unresolved.length)
    logger.warn(report, 'reconciliation repaired or found differences');
  return report;
}

async function reconcileCharge(tx: Executor, charge: SucceededCharge): Promise<string> {
  const order = await orderReplicaRepository.lock(tx, charge.orderId);
  if (!order) return 'order unknown to payments';
  const known = await paymentsRepository.findByProviderId(tx, charge.providerPaymentId);
  if (!known) {
    await recordSucceededPayment(tx, charge);
    return 'recorded';
  }
  if (known.status === 'refund_failed') return 'refund failed: retry it with payments-admin retry-refund';
  if (known.status !== 'succeeded') return 'ok';
  if (order.status === 'cancelled') {
    await refundsRepository.markPending(tx, known.id, 'order_cancelled');
    return 'refund_queued';
  }
  return 'ok';
}
