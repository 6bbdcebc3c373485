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
});
