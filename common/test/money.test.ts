import { chargeRefusal, formatMoney } from '../src';

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
