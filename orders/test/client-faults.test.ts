import { randomUUID } from 'node:crypto';
import { forThisFile, fuzzClientFaults, notClientErrors, signIn } from '@ticketing/common/testing';
import { startOrders } from './factories';

const service = forThisFile(startOrders);

test('when every route gets each class of malformed request, then every answer is a 4xx JSON error', async () => {
  const answers = await fuzzClientFaults(service.app, {
    headers: signIn().headers,
    bodyRoutes: [
      { method: 'POST', path: '/api/orders', body: { ticketId: randomUUID() } },
      { method: 'POST', path: '/api/orders/checkin', body: { code: 'a-scanned-code' }, textFields: ['code'] },
    ],
    idPaths: [
      '/api/orders/:id',
      '/api/orders/:id/etickets',
      '/api/orders/:id/etickets/pdf',
      '/api/orders/etickets/:id/qr.svg',
      '/api/orders/etickets/:id/qr.png',
    ],
    listPaths: ['/api/orders', '/api/orders/etickets'],
  });
  expect(notClientErrors(answers)).toEqual([]);
});
