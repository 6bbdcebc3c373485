import { randomUUID } from 'node:crypto';
import { fuzzClientFaults, notClientErrors, signIn } from '@ticketing/common/testing';
import { startOrders, type OrdersTestService } from './factories';

let service: OrdersTestService;

beforeAll(async () => {
  service = await startOrders();
});

afterAll(() => service.close());

test('when every route gets each class of malformed request, then every answer is a 4xx JSON error', async () => {
  const answers = await fuzzClientFaults(service.app, {
    headers: signIn().headers,
    bodyRoutes: [{ method: 'POST', path: '/api/orders', body: { ticketId: randomUUID() } }],
    idPaths: ['/api/orders/:id'],
    listPaths: ['/api/orders'],
  });
  expect(notClientErrors(answers)).toEqual([]);
});
