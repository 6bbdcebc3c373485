import { waitFor } from '@ticketing/common/testing';
import { startOtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { platformForThisFile } from '../support/platform';
import { listTicket, newUser, placeOrder } from '../support/journeys';

// The platform exporting its traces to a receiver of the test's own: real processes, started as
// production starts them, so these spans also prove that http, express and pg are patched at boot.
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
const platform = platformForThisFile(() => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  OTEL_BSP_SCHEDULE_DELAY: '100',
  // Successful requests are logged at debug level.
  LOG_LEVEL: 'debug',
}));
// Declared after the platform's: closes once the platform has stopped (and sent its last spans).
afterAll(async () => {
  await receiver?.close();
});

const SERVER = 2;
const inTrace = (traceId: string) => receiver.spans.filter((s) => s.traceId === traceId);
const find = (traceId: string, service: string, name: string) =>
  inTrace(traceId).find((s) => s.service === service && s.name === name);

test('when a buyer places an order, then its HTTP request, the outbox publish and the consumers in payments, tickets and expiration are one trace', async () => {
  const seller = await newUser(platform, 'seller');
  const buyer = await newUser(platform, 'buyer');
  const ticket = await listTicket(seller);

  await placeOrder(buyer, ticket.id);

  const request = await waitFor(() =>
    receiver.spans.find(
      (s) =>
        s.service === 'orders' &&
        s.kind === SERVER &&
        s.name === 'POST /api/orders' &&
        s.attributes['http.response.status_code'] === 201,
    ),
  );
  const traceId = request.traceId;
  const consumed = (service: string) => find(traceId, service, 'process order.created.v1');
  await waitFor(() => ['payments', 'tickets', 'expiration'].every((service) => consumed(service)));

  const publish = find(traceId, 'orders', 'publish order.created.v1')!;
  expect(publish).toBeDefined();
  for (const service of ['payments', 'tickets', 'expiration'])
    expect(consumed(service)!.parentSpanId).toBe(publish.spanId);
  // The publish descends from the request, through the spans of orders that wrote the outbox row.
  const ordersSpans = new Map(
    inTrace(traceId)
      .filter((s) => s.service === 'orders')
      .map((s) => [s.spanId, s]),
  );
  let ancestor: ReceivedSpan | undefined = publish;
  while (ancestor && ancestor.spanId !== request.spanId) ancestor = ordersSpans.get(ancestor.parentSpanId);
  expect(ancestor).toBe(request);

  // Instrumented at boot: the order's SQL in orders, the handler's SQL in payments, express routing.
  const queries = (service: string) =>
    inTrace(traceId).filter((s) => s.service === service && s.scope.includes('instrumentation-pg'));
  expect(queries('orders').length).toBeGreaterThan(0);
  expect(queries('payments').length).toBeGreaterThan(0);
  expect(inTrace(traceId).some((s) => s.scope.includes('instrumentation-express'))).toBe(true);
  // expiration scheduled the order's job in BullMQ within the same trace.
  expect(inTrace(traceId).some((s) => s.service === 'expiration' && s.scope === 'expiration')).toBe(true);
});

test('when a request is handled, then the line it logs carries its trace id', async () => {
  const buyer = await newUser(platform, 'logger');
  expect((await buyer.get('/api/orders')).status).toBe(200);
  const request = await waitFor(() =>
    receiver.spans.find((s) => s.service === 'orders' && s.kind === SERVER && s.name === 'GET /api/orders'),
  );
  const line = await waitFor(() =>
    platform
      .output()
      .split('\n')
      .find((l) => l.includes('[orders]') && l.includes('GET /api/orders →') && l.includes(request.traceId)),
  );
  expect(line).toContain(`"trace_id":"${request.traceId}"`);
});
