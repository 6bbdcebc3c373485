import type { OrderRow } from '../data/orders.repository';
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
export function settle(order: OrderRow, charge: SucceededCharge, active: PaymentRow | undefined): Settlement {
  if (charge.amountCents !== order.totalCents || charge.currency.toLowerCase() !== order.currency) {
    return { status: 'refund_pending', reason: 'amount_mismatch' };
  }
  if (active) return { status: 'refund_pending', reason: 'duplicate' };
  if (order.status === 'cancelled') return { status: 'refund_pending', reason: 'order_cancelled' };
  return { status: 'succeeded' };
}

export interface PaymentView {
  id: string;
  orderId: string;
  amountCents: number;
  currency: string;
  status: PaymentRow['status'];
  provider: 'stripe';
  providerPaymentId: string;
  createdAt: string;
  refundedAt: string | null;
  card: CardUsed | null;
}

export const toPaymentView = (row: PaymentRow): PaymentView => ({
  id: row.id,
  orderId: row.orderId,
  amountCents: row.amountCents,
  currency: row.currency,
  status: row.status,
  provider: row.provider,
  providerPaymentId: row.providerPaymentId,
  createdAt: row.createdAt.toISOString(),
  refundedAt: row.refundedAt?.toISOString() ?? null,
  card: row.cardBrand && row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null,
});
