import type { Database } from '@ticketing/common';
import { ordersRepository } from '../data/orders.repository';
import { paymentsRepository, type PaymentRow } from '../data/payments.repository';
import type { StripeClient } from '../data/stripe-client';
import { chargeOrder } from './charge-order';
import { AlreadyPaidError, OrderNotPayableError } from './errors';
import { assertPayableBy } from './order';
import { recordSucceededPayment } from './record-payment';

export interface PayOrderInput {
  orderId: string;
  paymentMethodId: string;
}

/**
 * Charges outside any transaction (no lock is held while Stripe answers), then records the charge.
 * If the order was cancelled meanwhile, the charge is queued for refund and the buyer gets a 409.
 */
export async function payOrder(
  { db }: Pick<Database, 'db'>,
  stripe: StripeClient,
  input: PayOrderInput,
  userId: string,
): Promise<PaymentRow> {
  const order = await ordersRepository.find(db, input.orderId);
  assertPayableBy(order, userId);
  if (await paymentsRepository.findActiveForOrder(db, order.id)) throw new AlreadyPaidError();

  const charge = await chargeOrder(stripe, order, input.paymentMethodId);
  const payment = await db.transaction((tx) => recordSucceededPayment(tx, charge));
  if (payment.status === 'succeeded') return payment;
  if (payment.refundReason === 'duplicate') throw new AlreadyPaidError();
  throw new OrderNotPayableError('The order closed while paying; the charge is being refunded');
}
