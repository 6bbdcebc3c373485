import { waitFor } from '@ticketing/common/testing';
import { platformViolations } from '../support/invariants';
import { startPlatform, type Platform } from '../support/platform';
import {
  distinctEvents,
  listTicket,
  newUser,
  pay,
  untilOrder,
  untilTicket,
  type Order,
  type Page,
  type Payment,
} from '../support/journeys';

// A platform of its own: killing orders must not disturb the other files' journeys.
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({ ORDER_TTL_SECONDS: '120' });
}, 150_000);

afterAll(async () => {
  await platform?.stop();
}, 60_000);

const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

it('when the orders service is killed mid-journey and restarted, then the purchase completes and nothing is applied twice', async () => {
  const seller = await newUser(platform, 'seller');
  const buyer = await newUser(platform, 'buyer');
  const ticket = await listTicket(seller, 7300);
  const ordered = await buyer.post<Order>('/api/orders', { ticketId: ticket.id });
  expect(ordered.status).toBe(201);
  await untilTicket(buyer, ticket.id, 'reserved');

  // SIGKILL: no graceful shutdown, whatever it was doing is cut off.
  const killed = platform.pids().orders!;
  process.kill(killed, 'SIGKILL');
  await waitFor(() => gone(killed));
  const whileDown = await buyer.get(`/api/orders/${ordered.body.id}`);
  expect(whileDown.status).toBe(503);
  expect(whileDown.body).toEqual({ errors: [expect.objectContaining({ code: 'upstream_unavailable' })] });

  // payments has its own replica of the order: the buyer can pay while orders is down. Unless orders is
  // back within PAYMENT_CONFIRM_TIMEOUT_MS to accept the charge, the answer is 202 (charged, being confirmed).
  const payment = await pay(buyer, ordered.body.id, [201, 202]);

  // The runner restarts orders; it picks up payment.created from JetStream where it left off.
  const restarted = await waitFor(() => {
    const pid = platform.pids().orders;
    return pid && pid !== killed ? pid : undefined;
  });
  expect(gone(restarted)).toBe(false);
  await untilOrder(buyer, ordered.body.id, 'complete', 30_000);
  const sold = await untilTicket(buyer, ticket.id, 'sold');

  expect(sold.version).toBe(2); // reserved once, sold once: no replayed update bumped it again
  const orders = await buyer.get<Page<Order>>('/api/orders');
  expect(orders.body.items.filter((o) => o.ticket.id === ticket.id)).toHaveLength(1);
  const payments = await buyer.get<Page<Payment>>('/api/payments');
  expect(payments.body.items).toEqual([expect.objectContaining({ id: payment.id, amountCents: 8030 })]);
  const forTicket = (d: Record<string, unknown>) => (d.ticket as { id: string }).id === ticket.id;
  const forOrder = (d: Record<string, unknown>) => d.orderId === ordered.body.id || d.id === ordered.body.id;
  expect(distinctEvents(platform, 'order.created.v1', forTicket)).toBe(1);
  expect(distinctEvents(platform, 'payment.created.v1', forOrder)).toBe(1);
  await waitFor(() => distinctEvents(platform, 'order.completed.v1', forOrder) === 1);
  expect(distinctEvents(platform, 'order.cancelled.v1', forOrder)).toBe(0);
}, 90_000);

it('then the whole platform holds its invariants', async () => {
  expect(await platformViolations(platform)).toEqual([]);
});
