import { randomUUID } from 'node:crypto';
import { chargeRefusal, type Database } from '@ticketing/common';
import { orderReplicaRepository } from '../data/order-replica.repository';
import { paymentsRepository, type PaymentRow } from '../data/payments.repository';
import type { StripeClient } from '../data/stripe-client';
import type { AttemptLimit } from './attempt-limit';
import { awaitOrderOutcome } from './await-order-outcome';
import { chargeOrder } from './charge-order';
import {
  AlreadyPaidError,
  AmountNotChargeableError,
  OrderNotPayableError,
  PaymentInProgressError,
} from './errors';
import { assertPayableBy } from './order';
import { recordSucceededPayment } from './record-payment';

export interface PayOrderInput {
  orderId: string;
  paymentMethodId: string;
}

export interface PayOrderResult {
  payment: PaymentRow;
  /** true: orders completed the order with this payment. false: not heard back within the wait. */
  confirmed: boolean;
}

/**
 * Claims the order (one charge attempt at a time, only inside the reservation window), charges outside
 * any transaction, records the charge, and waits for orders' verdict: orders alone decides between this
 * payment, the expiry and the buyer's cancel. So a 201 is never refunded, and a charge that lost is
 * refunded and answered with 409.
 */
export async function payOrder(
  { db }: Pick<Database, 'db'>,
  stripe: StripeClient,
  input: PayOrderInput,
  userId: string,
  { confirmTimeoutMs, limitAttempt }: { confirmTimeoutMs: number; limitAttempt: AttemptLimit },
): Promise<PayOrderResult> {
  const order = await orderReplicaRepository.find(db, input.orderId);
  assertPayableBy(order, userId);
  const refusal = chargeRefusal(order.totalCents, order.currency);
  if (refusal) throw new AmountNotChargeableError(`This order cannot be paid by card: the amount ${refusal}`);
  if (await paymentsRepository.findActiveForOrder(db, order.id)) throw new AlreadyPaidError();
  await limitAttempt(userId, input.paymentMethodId);
  const attemptId = randomUUID();
  if (!(await orderReplicaRepository.claimCharge(db, order.id, attemptId)))
    await explainFailedClaim(db, userId, order.id);

  let payment: PaymentRow;
  try {
    const charge = await chargeOrder(stripe, order, input.paymentMethodId);
    payment = await db.transaction((tx) => recordSucceededPayment(tx, charge));
  } catch (err) {
    await orderReplicaRepository.releaseCharge(db, order.id, attemptId);
    throw err;
  }
  if (payment.status !== 'succeeded') {
    await orderReplicaRepository.releaseCharge(db, order.id, attemptId);
    if (payment.refundReason === 'duplicate') throw new AlreadyPaidError();
    throw new OrderNotPayableError('The order closed while paying; the charge is being refunded');
  }
  // A charge that paid keeps the claim: a request that lost the race finds it and answers already_paid.
  const outcome = await awaitOrderOutcome(db, order.id, confirmTimeoutMs);
  if (outcome === 'cancelled') {
    throw new OrderNotPayableError(
      'The reservation ended before the payment was accepted; the charge is being refunded',
    );
  }
  return { payment, confirmed: outcome === 'complete' };
}

/** Why the order could not be claimed: paid meanwhile, closed or expired, or another attempt in flight. */
async function explainFailedClaim(
  db: Pick<Database, 'db'>['db'],
  userId: string,
  orderId: string,
): Promise<never> {
  const order = await orderReplicaRepository.find(db, orderId);
  assertPayableBy(order, userId);
  if (await paymentsRepository.findActiveForOrder(db, orderId)) throw new AlreadyPaidError();
  throw new PaymentInProgressError();
}
