import type { OrderReplicaRow } from '../data/order-replica.repository';
import type { PaymentRow } from '../data/payments.repository';

/** A charge the provider reports as succeeded, for one of our orders. */
export interface SucceededCharge {
  providerPaymentId: string;
  orderId: string;
  amountCents: number;
  currency: string;
  /** The card charged, when the provider's answer told it (the API answer does; a webhook does not). */
  card?: CardUsed;
}

/** A card as a receipt names it: the provider's brand (`visa`, `mastercard`…) and last four digits. */
export interface CardUsed {
  brand: string;
  last4: string;
}

export type RefundReason = 'order_cancelled' | 'duplicate' | 'amount_mismatch' | 'admin_refund';

export type Settlement = { status: 'succeeded' } | { status: 'refund_pending'; reason: RefundReason };

/**
 * What a succeeded charge means for its order. Money that cannot pay the order (it is cancelled, already
 * paid, or the amount is not the order's total) is refunded rather than kept.
 */
export function settle(
  order: OrderReplicaRow,
  charge: SucceededCharge,
  active: PaymentRow | undefined,
): Settlement {
  if (charge.amountCents !== order.totalCents || charge.currency.toLowerCase() !== order.currency) {
    return { status: 'refund_pending', reason: 'amount_mismatch' };
  }
  if (active) return { status: 'refund_pending', reason: 'duplicate' };
  if (order.status === 'cancelled') return { status: 'refund_pending', reason: 'order_cancelled' };
  return { status: 'succeeded' };
}
