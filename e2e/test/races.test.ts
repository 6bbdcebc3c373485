import { Client } from 'pg';
import { waitFor } from '@ticketing/common/testing';
import type { ApiClient, ApiResponse } from '../../platform/src/api-client';
import { platformViolations } from '../support/invariants';
import {
  listTicket,
  newUser,
  orderOf,
  placeOrder,
  type Page,
  type Payment,
  type Ticket,
} from '../support/journeys';
import { platformForThisFile } from '../support/platform';

// Races need many tries to hit their window: each race runs ROUNDS rounds at once, each on its own listing.
const ROUNDS = 8;
const ORDER_TTL_SECONDS = 6;
const platform = platformForThisFile({
  ORDER_TTL_SECONDS: String(ORDER_TTL_SECONDS),
  PAYMENT_RATE_POINTS_PER_USER: '1000',
  PAYMENT_RATE_POINTS_PER_CARD: '100000',
});

interface OrderView {
  id: string;
  status: string;
  cancellationReason: string | null;
  priceCents: number;
  quantity: number;
  expiresAt: string;
}
type OwnerTicket = Ticket & { reserved: number; sold: number; available: number };
type PayResponse = ApiResponse<{ id?: string; errors?: { code: string }[] }>;

const pay = (buyer: ApiClient, orderId: string, paymentMethodId = 'pm_card_visa') =>
  buyer.post<PayResponse['body']>('/api/payments', { orderId, paymentMethodId });

/** Pays as soon as payments knows the order (404 until its replica has it). */
const payWhenKnown = (buyer: ApiClient, orderId: string) =>
  waitFor(async () => {
    const res = await pay(buyer, orderId);
    return res.status === 404 ? undefined : res;
  });

const paymentsOf = async (buyer: ApiClient, orderId: string) =>
  (await buyer.get<Page<Payment>>('/api/payments?limit=100')).body.items.filter((p) => p.orderId === orderId);

/** The round once nothing moves any more: the order closed, its refunds done, a sale recorded by tickets. */
async function settled(buyer: ApiClient, seller: ApiClient, orderId: string, ticketId: string) {
  return waitFor(
    async () => {
      const order = await orderOf(buyer, orderId);
      if (order.status === 'created') return undefined;
      const payments = await paymentsOf(buyer, orderId);
      if (payments.some((p) => p.status === 'refund_pending')) return undefined;
      const ticket = (await seller.get<OwnerTicket>(`/api/tickets/${ticketId}`)).body;
      // Each round's listing has this one order: settled once tickets no longer counts it as reserved.
      if (ticket.reserved > 0) return undefined;
      return { order: order as unknown as OrderView, payments, ticket };
    },
    { timeoutMs: 40_000, intervalMs: 150 },
  );
}

/** What must hold at the end of any round, whichever request won. */
async function roundViolations(
  round: string,
  buyer: ApiClient,
  seller: ApiClient,
  orderId: string,
  ticketId: string,
  paid?: PayResponse,
): Promise<string[]> {
  const { order, payments, ticket } = await settled(buyer, seller, orderId, ticketId);
  const kept = payments.filter((p) => p.status === 'succeeded');
  const v: string[] = [];
  const say = (what: string) => v.push(`${round}: ${what}`);
  if (order.status === 'complete') {
    if (ticket.status !== 'sold' || ticket.sold !== order.quantity)
      say(`complete order of ${order.quantity}, ticket ${ticket.status} with ${ticket.sold} sold`);
    if (order.priceCents !== ticket.priceCents)
      say(`paid ${order.priceCents} for a listing priced ${ticket.priceCents}`);
    if (kept.length !== 1) say(`complete order keeps ${kept.length} payments`);
  } else if (kept.length > 0) say(`cancelled (${order.cancellationReason}) order keeps a payment`);
  if (paid?.status === 201) {
    if (order.status !== 'complete') say(`buyer got 201 but the order is ${order.status}`);
    if (!kept.some((p) => p.id === paid.body.id)) say('buyer got 201 but the payment was refunded');
  }
  return v;
}

const rounds = <T>(make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: ROUNDS }, (_, i) => make(i)));

async function sellerAndBuyer(label: string, priceCents = 4200) {
  const [seller, buyer] = await Promise.all([
    newUser(platform, `${label}-s`),
    newUser(platform, `${label}-b`),
  ]);
  const ticket = await listTicket(seller, priceCents);
  return { seller, buyer, ticket };
}

/**
 * A round's order, placed and known to payments: a declined card answers 402 instead of 404, so a
 * payment that follows races with whatever the round sends beside it, not with payments' replica.
 */
async function orderPaymentsKnows(label: string) {
  const { seller, buyer, ticket } = await sellerAndBuyer(label);
  const order = await placeOrder<OrderView>(buyer, ticket.id);
  await waitFor(async () => (await pay(buyer, order.id, 'pm_card_chargeDeclined')).status === 402);
  return { seller, buyer, ticket, order };
}

describe('races, with real concurrency through the gateway', () => {
  it('when a seller withdraws a listing while a buyer reserves it, then the buyer never ends with a paid order for a withdrawn listing', async () => {
    const violations = await rounds(async (i) => {
      const { seller, buyer, ticket } = await sellerAndBuyer(`wd${i}`);
      const [ordered, withdrawn] = await Promise.all([
        buyer.post<OrderView>('/api/orders', { ticketId: ticket.id }),
        seller.delete(`/api/tickets/${ticket.id}`),
      ]);
      if (ordered.status !== 201) return [];
      const paid = await payWhenKnown(buyer, ordered.body.id);
      const v = await roundViolations(`withdraw round ${i}`, buyer, seller, ordered.body.id, ticket.id, paid);
      const order = await orderOf(buyer, ordered.body.id);
      if (withdrawn.status === 204 && order.status !== 'cancelled')
        v.push(`round ${i}: withdrawn, order ${order.status}`);
      if (
        withdrawn.status === 204 &&
        order.cancellationReason !== 'rejected' &&
        order.cancellationReason !== 'expired'
      )
        v.push(`round ${i}: withdrawn listing, order cancelled as ${order.cancellationReason}`);
      return v;
    });
    expect(violations.flat()).toEqual([]);
  });

  it('when a seller changes the price while a buyer reserves the listing, then a completed order paid the listing price', async () => {
    const violations = await rounds(async (i) => {
      const { seller, buyer, ticket } = await sellerAndBuyer(`ed${i}`, 4200);
      const [ordered] = await Promise.all([
        buyer.post<OrderView>('/api/orders', { ticketId: ticket.id }),
        seller.put(`/api/tickets/${ticket.id}`, { priceCents: 9900 }),
      ]);
      if (ordered.status !== 201) return [];
      const paid = await payWhenKnown(buyer, ordered.body.id);
      return roundViolations(`edit round ${i}`, buyer, seller, ordered.body.id, ticket.id, paid);
    });
    expect(violations.flat()).toEqual([]);
  });

  it('when a buyer pays at the moment the reservation expires, then a 201 is never refunded and a refused payment keeps no money', async () => {
    const violations = await rounds(async (i) => {
      const { seller, buyer, ticket, order } = await orderPaymentsKnows(`ex${i}`);
      // Spread the rounds over the last moments of the window and just past it.
      const at = Date.parse(order.expiresAt) - 700 + i * 110;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
      const paid = await pay(buyer, order.id);
      return roundViolations(`expiry round ${i}`, buyer, seller, order.id, ticket.id, paid);
    });
    expect(violations.flat()).toEqual([]);
  });

  it('when a buyer pays and cancels the same order at once, then the order has one outcome and money follows it', async () => {
    const violations = await rounds(async (i) => {
      const { seller, buyer, ticket, order } = await orderPaymentsKnows(`pc${i}`);
      const [paid, cancelled] = await Promise.all([
        pay(buyer, order.id),
        buyer.delete(`/api/orders/${order.id}`),
      ]);
      const v = await roundViolations(`pay/cancel round ${i}`, buyer, seller, order.id, ticket.id, paid);
      if (paid.status === 201 && cancelled.status === 204)
        v.push(`round ${i}: both the payment and the cancel succeeded`);
      return v;
    });
    expect(violations.flat()).toEqual([]);
  });

  it('when a buyer sends 10 payments with different cards at once, then exactly one charge is made and the others get 409', async () => {
    const cards = ['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex', 'pm_card_visa_debit'];
    const violations = await rounds(async (i) => {
      const { seller, buyer, ticket, order } = await orderPaymentsKnows(`pp${i}`);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, k) => pay(buyer, order.id, cards[k % cards.length])),
      );
      const v = await roundViolations(`parallel round ${i}`, buyer, seller, order.id, ticket.id);
      const created = results.filter((r) => r.status === 201);
      if (created.length !== 1) v.push(`round ${i}: ${created.length} payments answered 201`);
      const refusedCodes = results
        .filter((r) => r.status !== 201)
        .map((r) => `${r.status} ${r.body.errors?.[0]?.code}`)
        .filter((code) => code !== '409 payment_in_progress' && code !== '409 already_paid');
      if (refusedCodes.length) v.push(`round ${i}: unexpected answers ${refusedCodes.join(', ')}`);
      const charges = await chargesFor(order.id);
      if (charges !== 1) v.push(`round ${i}: ${charges} charges at the provider`);
      return v;
    });
    expect(violations.flat()).toEqual([]);
  });

  it('when 16 buyers take 1 to 3 tickets each of one listing of 8 at once and pay, then no more than 8 are sold and the rest stays on sale', async () => {
    const seller = await newUser(platform, 'qty-s');
    const ticket = await listTicket(seller, 1500, { quantity: 8 });
    const buyers = await Promise.all(Array.from({ length: 16 }, (_, i) => newUser(platform, `qty-b${i}`)));
    const ordered = await Promise.all(
      buyers.map((buyer, i) =>
        buyer.post<OrderView>('/api/orders', { ticketId: ticket.id, quantity: (i % 3) + 1 }),
      ),
    );
    expect(ordered.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const placed = ordered.flatMap((r, i) =>
      r.status === 201 ? [{ buyer: buyers[i]!, order: r.body }] : [],
    );
    const paid = await Promise.all(placed.map(({ buyer, order }) => payWhenKnown(buyer, order.id)));
    expect(paid.map((r) => r.status)).toEqual(placed.map(() => 201));
    const bought = placed.reduce((sum, { order }) => sum + order.quantity, 0);
    expect(bought).toBeLessThanOrEqual(8);
    const listing = await waitFor(async () => {
      const body = (await seller.get<OwnerTicket>(`/api/tickets/${ticket.id}`)).body;
      return body.sold === bought && body.reserved === 0 ? body : undefined;
    });
    expect(listing).toMatchObject({ available: 8 - bought, status: bought === 8 ? 'sold' : 'available' });
  });

  it('then the whole platform holds its invariants', async () => {
    expect(await platformViolations(platform)).toEqual([]);
  });
});

/** Charges the payments service recorded for the order (kept or refunded): one row per charge taken. */
async function chargesFor(orderId: string): Promise<number> {
  const client = new Client({ connectionString: platform.databaseUrl('payments') });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'select count(*) as n from payments where order_id = $1',
      [orderId],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}
