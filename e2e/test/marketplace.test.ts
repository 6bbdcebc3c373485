import { waitFor } from '@ticketing/common/testing';
import { platformViolations } from '../support/invariants';
import { platformForThisFile } from '../support/platform';
import {
  distinctEvents,
  listTicket,
  newUser,
  orderOf,
  pay,
  paymentsOf,
  placeOrder,
  untilOrder,
  untilTicket,
  type Order,
  type Page,
  type Ticket,
} from '../support/journeys';

// Short, so the expiry journey takes seconds; the paying journeys pay well within it.
const ORDER_TTL_SECONDS = 4;
const platform = platformForThisFile({ ORDER_TTL_SECONDS: String(ORDER_TTL_SECONDS) });

describe('the marketplace, through the gateway', () => {
  it('when a buyer orders a listed ticket and pays with the test card, then the order completes, the ticket is sold and the payment is listed', async () => {
    const seller = await newUser(platform, 'seller');
    const buyer = await newUser(platform, 'buyer');
    const ticket = await listTicket(seller, 5000);

    const order = await placeOrder(buyer, ticket.id);
    const payment = await pay(buyer, order.id);

    expect((await untilOrder(buyer, order.id, 'complete')).ticket.id).toBe(ticket.id);
    const sold = await untilTicket(buyer, ticket.id, 'sold');
    expect(sold.version).toBe(2); // created 0 → reserved 1 → sold 2
    expect(await paymentsOf(buyer)).toEqual([
      expect.objectContaining({ id: payment.id, orderId: order.id, amountCents: 5500 }),
    ]);
    expect(distinctEvents(platform, 'order.completed.v1', (d) => d.id === order.id)).toBe(1);
  });

  it('when a buyer takes 2 of a listing of 4 in one order and pays, then they are charged twice the price plus one service fee on it, hold 2 e-tickets, and 2 stay on sale', async () => {
    const seller = await newUser(platform, 'seller');
    const buyer = await newUser(platform, 'pair-buyer');
    const ticket = await listTicket(seller, 3000, { quantity: 4, split: 'no-single' });

    const order = await placeOrder(buyer, ticket.id, 2);
    expect(order).toMatchObject({
      quantity: 2,
      amountCents: 6000,
      serviceFeeCents: 600,
      totalCents: 6600,
    });
    const payment = await pay(buyer, order.id);
    await untilOrder(buyer, order.id, 'complete');
    expect(await paymentsOf(buyer)).toEqual([expect.objectContaining({ id: payment.id, amountCents: 6600 })]);

    const listing = await waitFor(async () => {
      const body = (
        await buyer.get<Ticket & { available: number; allowedQuantities: number[] }>(
          `/api/tickets/${ticket.id}`,
        )
      ).body;
      return body.version === 2 ? body : undefined;
    });
    expect(listing).toMatchObject({ status: 'available', available: 2, allowedQuantities: [2] });
    const etickets = await waitFor(async () => {
      const res = await buyer.get<Page<{ code: string }>>(`/api/orders/${order.id}/etickets`);
      return res.body.items?.length ? res.body.items : undefined;
    });
    expect(new Set(etickets.map((e) => e.code)).size).toBe(2);
    const next = await newUser(platform, 'next-pair');
    await placeOrder(next, ticket.id, 2);
  });

  it('when an order is not paid within ORDER_TTL_SECONDS, then it is cancelled as expired and someone else can buy the ticket', async () => {
    const seller = await newUser(platform, 'seller');
    const slow = await newUser(platform, 'slow-buyer');
    const ticket = await listTicket(seller);

    const order = await placeOrder(slow, ticket.id);
    await untilTicket(slow, ticket.id, 'reserved');

    const expired = await untilOrder(slow, order.id, 'cancelled', (ORDER_TTL_SECONDS + 15) * 1000);
    expect(expired.cancellationReason).toBe('expired');
    await untilTicket(slow, ticket.id, 'available');

    const next = await newUser(platform, 'next-buyer');
    const second = await placeOrder(next, ticket.id);
    await pay(next, second.id);
    await untilOrder(next, second.id, 'complete');
    await untilTicket(next, ticket.id, 'sold');
  });

  it('when the buyer cancels the order, then it is cancelled and the ticket is available again', async () => {
    const seller = await newUser(platform, 'seller');
    const buyer = await newUser(platform, 'buyer');
    const ticket = await listTicket(seller);
    const order = await placeOrder(buyer, ticket.id);

    expect((await buyer.delete(`/api/orders/${order.id}`)).status).toBe(204);

    const cancelled = await orderOf(buyer, order.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'user' });
    await untilTicket(buyer, ticket.id, 'available');
    expect((await buyer.delete(`/api/orders/${order.id}`)).status).toBe(409);
  });

  it('when 30 buyers race for one ticket, then exactly one order is created and the others get 409', async () => {
    const seller = await newUser(platform, 'seller');
    const ticket = await listTicket(seller);
    const buyers = await Promise.all(Array.from({ length: 30 }, (_, i) => newUser(platform, `racer${i}`)));

    const results = await Promise.all(
      buyers.map((b) => b.post<Order>('/api/orders', { ticketId: ticket.id })),
    );

    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    await untilTicket(seller, ticket.id, 'reserved');
    const created = (d: Record<string, unknown>) => (d.ticket as { id: string }).id === ticket.id;
    expect(distinctEvents(platform, 'order.created.v1', created)).toBe(1);
  });

  it('when the buyer cancels a paid order of 2 of 3 inside its window, then its total is refunded once, the 2 tickets are back on sale and both e-tickets are void at the door', async () => {
    const seller = await newUser(platform, 'seller');
    const buyer = await newUser(platform, 'buyer');
    const ticket = await listTicket(seller, 5000, { quantity: 3 });
    const left = (n: number) =>
      waitFor(async () => {
        const { body } = await buyer.get<Ticket & { available: number }>(`/api/tickets/${ticket.id}`);
        return body.available === n ? body : undefined;
      });
    const order = await placeOrder(buyer, ticket.id, 2);
    expect(order).toMatchObject({ amountCents: 10_000, serviceFeeCents: 1_000, totalCents: 11_000 });
    const payment = await pay(buyer, order.id);
    await untilOrder(buyer, order.id, 'complete');
    await left(1);
    const etickets = await waitFor(async () => {
      const res = await buyer.get<{ items: { code: string }[] }>(`/api/orders/${order.id}/etickets`);
      return res.status === 200 && res.body.items.length === 2 ? res.body.items : undefined;
    });

    const cancelled = await buyer.post<Order>(`/api/orders/${order.id}/cancellation`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'buyer_cancelled' });
    expect((await buyer.post(`/api/orders/${order.id}/cancellation`, {})).status).toBe(200);

    const refunded = await waitFor(async () => {
      const found = (await paymentsOf(buyer)).find((p) => p.id === payment.id);
      return found?.status === 'refunded' ? found : undefined;
    });
    expect(refunded.amountCents).toBe(11_000);
    await waitFor(async () => (await orderOf(buyer, order.id)).refundedAt !== null);
    expect((await left(3)).status).toBe('available');
    for (const eticket of etickets) {
      const checkIn = await seller.post<{ result: string; reason: string }>('/api/orders/checkin', {
        code: eticket.code,
      });
      expect(checkIn.body).toMatchObject({ result: 'not_valid', reason: 'voided' });
    }
    expect(distinctEvents(platform, 'payment.refunded.v1', (d) => d.orderId === order.id)).toBe(1);

    // Back on sale, all 3: someone else buys them together (orders' replica released its hold of 2).
    const next = await newUser(platform, 'next-buyer');
    const second = await placeOrder(next, ticket.id, 3);
    await pay(next, second.id);
    await untilOrder(next, second.id, 'complete');
    await untilTicket(next, ticket.id, 'sold');
  });

  it('then the whole platform holds its invariants', async () => {
    expect(await platformViolations(platform)).toEqual([]);
  });
});
