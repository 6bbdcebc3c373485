import { randomUUID } from 'node:crypto';
import { fuzzClientFaults, notClientErrors, signIn } from '@ticketing/common/testing';
import { startPayments, type PaymentsHarness } from './factories';

let harness: PaymentsHarness;

beforeAll(async () => {
  harness = await startPayments();
});

afterAll(() => harness.close());

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
