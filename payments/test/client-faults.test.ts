import { randomUUID } from 'node:crypto';
import { forThisFile, fuzzClientFaults, notClientErrors, signIn } from '@ticketing/common/testing';
import { startPayments } from './factories';

const harness = forThisFile(startPayments);

test('when every route gets each class of malformed request, then every answer is a 4xx JSON error', async () => {
  const answers = await fuzzClientFaults(harness.service.app, {
    headers: signIn().headers,
    bodyRoutes: [
      {
        method: 'POST',
        path: '/api/payments',
        body: { orderId: randomUUID(), paymentMethodId: 'pm_card_visa' },
      },
      { method: 'POST', path: '/api/payments/webhook', body: { type: 'payment_intent.succeeded' } },
    ],
    idPaths: [],
    listPaths: ['/api/payments'],
  });
  expect(notClientErrors(answers)).toEqual([]);
});
