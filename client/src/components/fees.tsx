'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_FEE_RATES, priceBreakdown, type FeeRates } from '@ticketing/common/money';
import { formatMoney } from '@/lib/format';
import { useMessages } from './messages';

/**
 * The platform's fee rates (orders' policy, read once by the root layout) for every price on the page,
 * broken down by common's one fee function: the same numbers orders records and payments charges.
 */
const FeeRatesContext = createContext<FeeRates>(DEFAULT_FEE_RATES);

export function FeeRatesProvider({ rates, children }: { rates: FeeRates; children: ReactNode }) {
  return <FeeRatesContext.Provider value={rates}>{children}</FeeRatesContext.Provider>;
}

export const useFeeRates = () => useContext(FeeRatesContext);

/** What a buyer pays for a listing: the all-in price, with the fee it includes ("$55.00 incl. $5.00 fee"). */
export function AllInPrice({ priceCents, currency }: { priceCents: number; currency: string }) {
  const { locale, common } = useMessages();
  const { totalCents, serviceFeeCents } = priceBreakdown(priceCents, useFeeRates());
  return (
    <span className="price" data-testid="all-in-price">
      {formatMoney(totalCents, currency, locale)}{' '}
      <span className="muted price__fee">
        {common.inclFee(formatMoney(serviceFeeCents, currency, locale))}
      </span>
    </span>
  );
}

/** The all-in price as text (for labels). */
export function useAllInText(priceCents: number, currency: string): string {
  const { locale } = useMessages();
  return formatMoney(priceBreakdown(priceCents, useFeeRates()).totalCents, currency, locale);
}

/** What the seller receives for a price, live in the listing form. */
export function SellerProceeds({ priceCents, currency }: { priceCents: number | null; currency: string }) {
  const { locale, fees: t } = useMessages();
  const rates = useFeeRates();
  if (priceCents === null || priceCents <= 0) {
    return <span className="muted">{t.enterPrice}</span>;
  }
  const { sellerProceedsCents, sellerFeeCents, totalCents } = priceBreakdown(priceCents, rates);
  return (
    <span>
      {t.youReceive} <strong>{formatMoney(sellerProceedsCents, currency, locale)}</strong>{' '}
      {t.afterFee(formatMoney(sellerFeeCents, currency, locale), rates.sellerFeePercent)}{' '}
      {t.buyersPay(formatMoney(totalCents, currency, locale))}
    </span>
  );
}
