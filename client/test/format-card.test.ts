import { expect, test } from '@jest/globals';
import { formatCard } from '@/lib/format';

test('when a receipt names a card, then Stripe brands get their names and an unknown brand stays as given', () => {
  expect(formatCard({ brand: 'visa', last4: '4242' })).toBe('Visa ···· 4242');
  expect(formatCard({ brand: 'amex', last4: '8431' })).toBe('American Express ···· 8431');
  expect(formatCard({ brand: 'unknown', last4: '0000' })).toBe('Card ···· 0000');
  expect(formatCard({ brand: 'newbrand', last4: '1111' })).toBe('newbrand ···· 1111');
});
