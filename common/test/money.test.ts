import { cancellationDeadline, chargeRefusal, formatMoney, percentOf, priceBreakdown } from '../src';

describe('chargeRefusal (what Stripe accepts as one charge)', () => {
  test.each([
    [50, 'usd'],
    [99_999_999, 'usd'],
    [30, 'gbp'],
    [50, 'jpy'],
    [1_500, 'CZK'],
  ])('when %i %s is asked, then it is chargeable', (amount, currency) => {
    expect(chargeRefusal(amount, currency)).toBeUndefined();
  });

  test.each([
    [49, 'usd', 'must be at least USD 0.50, the smallest charge in USD'],
    [100_000_000, 'usd', 'must be at most USD 999,999.99'],
    [49, 'jpy', 'must be at least JPY 50, the smallest charge in JPY'],
    [1_000, 'xyz', 'currency XYZ is not accepted'],
    [10.5, 'eur', 'must be a whole number of minor units (cents)'],
  ])('when %s %s is asked, then it is refused: %s', (amount, currency, reason) => {
    expect(chargeRefusal(amount, currency)).toContain(reason);
  });

  test('when a zero-decimal amount is shown, then it has no decimals', () => {
    expect(formatMoney(5_000, 'jpy')).toBe('JPY 5,000');
    expect(formatMoney(5_000, 'usd')).toBe('USD 50.00');
  });
});

describe('priceBreakdown (the one fee function: orders, payments and the client use it)', () => {
  const rates = { serviceFeePercent: 10, sellerFeePercent: 5 };

  test('when a price is broken down, then total = price + service fee and the seller receives price − seller fee', () => {
    expect(priceBreakdown(5_000, rates)).toEqual({
      priceCents: 5_000,
      quantity: 1,
      subtotalCents: 5_000,
      serviceFeeCents: 500,
      totalCents: 5_500,
      sellerFeeCents: 250,
      sellerProceedsCents: 4_750,
    });
  });

  test('when several tickets are bought, then the fees are computed once on price × quantity (not per ticket)', () => {
    // 3 × 5 = 15 → 10 % is 1.5 → 2; per ticket it would be 3 × round(0.5) = 3.
    expect(priceBreakdown(5, rates, 3)).toEqual({
      priceCents: 5,
      quantity: 3,
      subtotalCents: 15,
      serviceFeeCents: 2,
      totalCents: 17,
      sellerFeeCents: 1,
      sellerProceedsCents: 14,
    });
  });

  test.each([
    [5, 10, 1], // 0.5 rounds half up
    [4, 10, 0], // 0.4 rounds down
    [12_345, 10, 1_235], // 1234.5 → 1235
    [4_999, 5, 250], // 249.95 → 250
    [1_001, 2.5, 25], // 25.025 → 25
    [99_999_999, 50, 50_000_000], // the largest price, in integers without drift
    [1_005, 1, 10], // 10.05 → 10 (a float 1.005 × 100 would drift)
    [300, 0, 0],
  ])(
    'when %i minor units meet %s %%, then the fee is %i (half up, whole minor units)',
    (amount, percent, fee) => {
      expect(percentOf(amount, percent)).toBe(fee);
    },
  );

  test('when a zero-decimal currency is priced, then fees are whole units too', () => {
    expect(priceBreakdown(1_234, rates)).toMatchObject({
      serviceFeeCents: 123,
      sellerFeeCents: 62,
      totalCents: 1_357,
    });
  });
});

describe('cancellationDeadline', () => {
  test('when a window is set, then the deadline is that many hours before the event; 0 means none', () => {
    const start = new Date('2031-03-14T19:00:00Z');
    expect(cancellationDeadline(start, 48)?.toISOString()).toBe('2031-03-12T19:00:00.000Z');
    expect(cancellationDeadline(start, 0)).toBeNull();
  });
});
