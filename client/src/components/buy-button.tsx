'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { formatMoney } from '@/lib/format';
import { priceBreakdown } from '@ticketing/common/money';
import { useFeeRates } from './fees';
import { Field } from './field';
import { useMessages } from './messages';
import { Alert } from './page-parts';
import { LEAVING, useFormAction } from './use-form-action';

interface Props {
  ticketId: string;
  priceCents: number;
  currency: string;
  /** How many the buyer may take now, in the seller's split (from the listing). */
  allowedQuantities: number[];
}

/**
 * Reserves the chosen number of tickets (one order, one hold) and goes to the order to pay for them. The
 * total is shown before the click; the API checks the number again against what is left.
 */
export function BuyButton({ ticketId, priceCents, currency, allowedQuantities }: Props) {
  const router = useRouter();
  const t = useMessages();
  const locale = t.locale;
  const choices = allowedQuantities.length > 0 ? allowedQuantities : [1];
  const [quantity, setQuantity] = useState(choices[0]!);
  const {
    run: buy,
    busy,
    general: [error],
  } = useFormAction(
    async () => {
      try {
        const order = await browserApi.createOrder(ticketId, quantity);
        router.push(`/orders/${order.id}`);
        return LEAVING;
      } catch (err) {
        // What is left has changed, or the listing has: the page shows it as it is now.
        if (toApiError(err).status !== 401) router.refresh();
        throw err;
      }
    },
    { returnTo: `/tickets/${ticketId}` },
  );
  // The order's total as orders will fix it: price × quantity + one service fee on that subtotal.
  const { totalCents, serviceFeeCents } = priceBreakdown(priceCents, useFeeRates(), quantity);
  const total = formatMoney(totalCents, currency, locale);
  return (
    <div className="stack">
      {choices.length > 1 && (
        <Field id="quantity" label={t.buy.quantity}>
          {(aria) => (
            <select
              {...aria}
              className="select"
              value={quantity}
              onChange={(e) => setQuantity(Number(e.target.value))}
            >
              {choices.map((n) => (
                <option key={n} value={n}>
                  {t.quantity.tickets(n)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <p data-testid="order-total">
        {t.buy.total} <strong>{total}</strong>
        {quantity > 1 && ` (${t.quantity.tickets(quantity)})`}{' '}
        <span className="muted">{t.common.inclFee(formatMoney(serviceFeeCents, currency, locale))}</span>
      </p>
      <button type="button" className="button button--block" onClick={() => buy()} disabled={busy}>
        {busy ? t.buy.reserving : quantity === 1 ? t.buy.buyOne : t.buy.buyMany(quantity)}
      </button>
      <Alert message={error} />
    </div>
  );
}
