import { backoffDelay } from '../src';

describe('backoffDelay', () => {
  test('when attempts grow, then the ceiling doubles up to the maximum and the wait is random below it', () => {
    const options = { baseMs: 100, maxMs: 1_000 };
    expect(backoffDelay(1, options, () => 1)).toBe(100);
    expect(backoffDelay(3, options, () => 1)).toBe(400);
    expect(backoffDelay(10, options, () => 1)).toBe(1_000);
    expect(backoffDelay(3, options, () => 0.5)).toBe(200);
    expect(backoffDelay(3, options, () => 0)).toBe(0);
  });

  test('when the jitter is equal, then the wait stays in the upper half of the ceiling', () => {
    const options = { baseMs: 300, maxMs: 2_000, jitter: 'equal' } as const;
    expect(backoffDelay(1, options, () => 0)).toBe(150);
    expect(backoffDelay(1, options, () => 1)).toBe(300);
    expect(backoffDelay(4, options, () => 0)).toBe(1_000);
    expect(backoffDelay(9, options, () => 0.5)).toBe(1_500);
  });
});
