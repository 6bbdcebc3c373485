/**
 * The platform's fees, one function for every place that shows or records them (orders, payments, the web
 * client): a buyer's service fee added on top of the ticket price, and a seller's fee deducted from what the
 * seller receives. Rates are percents with at most two decimals (10, 2.5); amounts are integer minor units.
 *
 * An order of several tickets is broken down once, on its subtotal (unit price × quantity), never per ticket.
 *
 * Rounding: each fee is the rate applied to the subtotal, rounded half up to a whole minor unit,
 * computed in integers (price × basis points, +5000, ÷10000), so 10 % of 0.05 is 0.01 and 10 % of 0.04 is
 * 0.00. Zero-decimal currencies (JPY) round to the whole yen the same way.
 */
export interface FeeRates {
  /** Added to the ticket price; the buyer pays price + this. */
  serviceFeePercent: number;
  /** Deducted from the ticket price; the seller receives price − this. */
  sellerFeePercent: number;
}

export const DEFAULT_FEE_RATES: FeeRates = { serviceFeePercent: 10, sellerFeePercent: 5 };

export interface PriceBreakdown {
  /** The seller's asking price of one ticket. */
  priceCents: number;
  quantity: number;
  /** price × quantity: what the fees are computed on. */
  subtotalCents: number;
  serviceFeeCents: number;
  /** What the buyer pays: subtotal + service fee. */
  totalCents: number;
  sellerFeeCents: number;
  /** What the seller receives: subtotal − seller fee. */
  sellerProceedsCents: number;
}

/** rate% of amount, rounded half up, in integers (no float drift: 1.005 × 100 never becomes 100.49…). */
export function percentOf(amountCents: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  return Math.floor((amountCents * basisPoints + 5_000) / 10_000);
}

export function priceBreakdown(priceCents: number, rates: FeeRates, quantity = 1): PriceBreakdown {
  const subtotalCents = priceCents * quantity;
  const serviceFeeCents = percentOf(subtotalCents, rates.serviceFeePercent);
  const sellerFeeCents = percentOf(subtotalCents, rates.sellerFeePercent);
  return {
    priceCents,
    quantity,
    subtotalCents,
    serviceFeeCents,
    totalCents: subtotalCents + serviceFeeCents,
    sellerFeeCents,
    sellerProceedsCents: subtotalCents - sellerFeeCents,
  };
}
