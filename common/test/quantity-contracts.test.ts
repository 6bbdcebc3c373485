import { randomUUID } from 'node:crypto';
import { allowedQuantities, orderCreated, splitRefusal, ticketUpdated } from '../src/events';
import { ticketCreatedData } from '../src/testing/events';

describe('split rules', () => {
  test.each([
    ['any', 4, [1, 2, 3, 4]],
    ['no-single', 4, [1, 2, 4]],
    ['no-single', 2, [2]],
    ['no-single', 1, [1]],
    ['all', 3, [3]],
    ['any', 0, []],
  ] as const)('when the split is %s with %i left, then a buyer may take %p', (split, left, allowed) => {
    expect(allowedQuantities(split, left)).toEqual(allowed);
  });

  test('when more are asked than are left, then it is not enough left, whatever the split', () => {
    expect(splitRefusal('any', 2, 3)).toBe('not_enough_left');
    expect(splitRefusal('all', 2, 3)).toBe('not_enough_left');
    expect(splitRefusal('no-single', 4, 3)).toBe('split_not_allowed');
  });
});

describe('quantities in v1 contracts (additive)', () => {
  /** An order.created as it was before quantities, of a ticket at the given version or revision. */
  const orderOf = (ticket: { id: string; version?: number; revision?: number }) => ({
    id: randomUUID(),
    version: 0,
    status: 'created',
    userId: randomUUID(),
    expiresAt: new Date().toISOString(),
    ticket: { ...ticket, priceCents: 2500, currency: 'usd' },
  });

  test('when an event from before quantities arrives, then it still parses, without the new fields', () => {
    const ticket = ticketCreatedData();
    expect(ticketUpdated.schema.parse({ ...ticket, orderId: null })).not.toHaveProperty('quantity');
    const order = orderOf({ id: ticket.id, version: 3 });
    expect(orderCreated.schema.parse(order)).toMatchObject({ ticket: { version: 3 } });
  });

  test('when an order asks for 0 or 21 tickets, then the contract refuses it', () => {
    const order = orderOf({ id: randomUUID(), revision: 0 });
    expect(orderCreated.schema.safeParse({ ...order, quantity: 2 }).success).toBe(true);
    expect(orderCreated.schema.safeParse({ ...order, quantity: 0 }).success).toBe(false);
    expect(orderCreated.schema.safeParse({ ...order, quantity: 21 }).success).toBe(false);
  });
});
