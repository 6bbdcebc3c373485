import { waitFor } from '@ticketing/common/testing';
import { platformViolations } from '../support/invariants';
import { alive, platformForThisFile } from '../support/platform';
import {
  distinctEvents,
  listTicket,
  newUser,
  ordersOf,
  pay,
  paymentsOf,
  placeOrder,
  untilOrder,
  untilTicket,
} from '../support/journeys';

// A platform of its own: killing orders must not disturb the other files' journeys.
const platform = platformForThisFile({ ORDER_TTL_SECONDS: '120' });

it('when the orders service is killed mid-journey and restarted, then the purchase completes and nothing is applied twice', async () => {
  const seller = await newUser(platform, 'seller');
  const buyer = await newUser(platform, 'buyer');
  const ticket = await listTicket(seller, 7300);
  const order = await placeOrder(buyer, ticket.id);
  await untilTicket(buyer, ticket.id, 'reserved');

  // SIGKILL: no graceful shutdown, whatever it was doing is cut off.
  const killed = platform.pids().orders!;
  process.kill(killed, 'SIGKILL');
  await waitFor(() => !alive(killed));
  const whileDown = await buyer.get(`/api/orders/${order.id}`);
  expect(whileDown.status).toBe(503);
  expect(whileDown.body).toEqual({ errors: [expect.objectContaining({ code: 'upstream_unavailable' })] });

  // payments has its own replica of the order: the buyer can pay while orders is down. Unless orders is
  // back within PAYMENT_CONFIRM_TIMEOUT_MS to accept the charge, the answer is 202 (charged, being confirmed).
  const payment = await pay(buyer, order.id, [201, 202]);

  // The runner restarts orders; it picks up payment.created from JetStream where it left off.
  const restarted = await waitFor(() => {
    const pid = platform.pids().orders;
    return pid && pid !== killed ? pid : undefined;
  });
  expect(alive(restarted)).toBe(true);
  await untilOrder(buyer, order.id, 'complete', 30_000);
  const sold = await untilTicket(buyer, ticket.id, 'sold');

  expect(sold.version).toBe(2); // reserved once, sold once: no replayed update bumped it again
  expect((await ordersOf(buyer)).filter((o) => o.ticket.id === ticket.id)).toHaveLength(1);
  expect(await paymentsOf(buyer)).toEqual([expect.objectContaining({ id: payment.id, amountCents: 8030 })]);
  const forTicket = (d: Record<string, unknown>) => (d.ticket as { id: string }).id === ticket.id;
  const forOrder = (d: Record<string, unknown>) => d.orderId === order.id || d.id === order.id;
  expect(distinctEvents(platform, 'order.created.v1', forTicket)).toBe(1);
  expect(distinctEvents(platform, 'payment.created.v1', forOrder)).toBe(1);
  await waitFor(() => distinctEvents(platform, 'order.completed.v1', forOrder) === 1);
  expect(distinctEvents(platform, 'order.cancelled.v1', forOrder)).toBe(0);
}, 90_000);

it('then the whole platform holds its invariants', async () => {
  expect(await platformViolations(platform)).toEqual([]);
});
