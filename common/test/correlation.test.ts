import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import request from 'supertest';
import { consumer, createServiceApp, expirationComplete, outbox, ticketCreated } from '../src';
import {
  anonymousCsrf,
  busHarnessForThisFile,
  captureLogs,
  waitFor,
  ticketCreatedData,
} from '../src/testing';

// One purchase, followed by its request id: the HTTP request that listed a ticket, the event it emitted,
// the consumer that handled it in another service, and the event that consumer emitted in turn.
const tickets = captureLogs('tickets');
const orders = captureLogs('orders');
const ctx = busHarnessForThisFile('correlation', { logger: tickets.logger, record: true });

const listing = ticketCreatedData;

beforeAll(async () => {
  const onTicketCreated = consumer(ticketCreated, 'orders', async (tx, ticket) => {
    orders.logger.info({ ticketId: ticket.id }, 'ticket added to the replica');
    await outbox.add(tx, expirationComplete, { orderId: ticket.id });
  });
  await ctx.consume(onTicketCreated, { logger: orders.logger });
});

/** Lists a ticket through a tickets app whose route is reduced to its transaction: the row and its event. */
const listWithRequestId = (requestId: string) => {
  const routes = Router().post('/', async (_req, res) => {
    const ticket = listing();
    await ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, ticket));
    res.status(201).json(ticket);
  });
  const app = createServiceApp({
    name: 'tickets',
    logger: tickets.logger,
    routes: { '/api/tickets': routes },
    secureCookies: false,
  });
  return request(app).post('/api/tickets').set(anonymousCsrf()).set('x-request-id', requestId);
};

test('when a request with x-request-id emits an event, then its consumer logs and re-emits that id', async () => {
  const requestId = `purchase-${randomUUID()}`;
  const res = await listWithRequestId(requestId);
  expect(res.status).toBe(201);

  const created = await waitFor(() => ctx.recorder.of(ticketCreated).find((e) => e.data.id === res.body.id));
  expect(created.correlationId).toBe(requestId);
  const handledLine = await waitFor(() => orders.lines.find((l) => l.msg === 'ticket added to the replica'));
  expect(handledLine).toMatchObject({ service: 'orders', correlationId: requestId, ticketId: res.body.id });
  const emitted = await waitFor(() =>
    ctx.recorder.of(expirationComplete).find((e) => e.data.orderId === res.body.id),
  );
  expect(emitted.correlationId).toBe(requestId);
  expect(orders.lines).toContainEqual(
    expect.objectContaining({ msg: 'event handled', correlationId: requestId }),
  );
});

test('when a request has no usable x-request-id, then a fresh id is used and still travels with the event', async () => {
  const res = await listWithRequestId('bad id!');
  const generated = res.headers['x-request-id'];
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  const created = await waitFor(() => ctx.recorder.of(ticketCreated).find((e) => e.data.id === res.body.id));
  expect(created.correlationId).toBe(generated);
});
