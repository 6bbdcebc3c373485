import { paymentCreated, paymentRefunded, type OrderCreated } from '@ticketing/common';
import { forThisFile, waitFor } from '@ticketing/common/testing';
import pino from 'pino';
import { reconcilePayments } from '../src/domain/reconcile-payments';
import { chargeAtStripe, paymentsOf, replicaOf, seedOrder, startPayments } from './factories';

// No webhook endpoint: Stripe's word on a charge never reaches payments.
const h = forThisFile(() => startPayments({ RECONCILE_INTERVAL_MS: '3600000' }, { webhooks: false }));

/** A charge Stripe took whose API answer was lost (payments crashed mid-request) and whose webhook too. */
const lostCharge = (order: OrderCreated) => chargeAtStripe(h, order);

const reconcile = () =>
  reconcilePayments(
    h.service.database,
    h.stripe,
    new Date(Date.now() - 3_600_000),
    pino({ level: 'silent' }),
  );

describe('reconciliation with the provider', () => {
  test('when a charge for an open order was never heard of (lost webhook), then it is recorded and the order completes', async () => {
    const { order } = await seedOrder(h);
    const intent = await lostCharge(order);
    expect(await paymentsOf(h, order.id)).toHaveLength(0);

    const report = await reconcile();

    expect(report.recorded).toBeGreaterThanOrEqual(1);
    const [payment] = await paymentsOf(h, order.id);
    expect(payment).toMatchObject({ providerPaymentId: intent.id, status: 'succeeded' });
    await waitFor(() => h.service.recorder!.of(paymentCreated).find((e) => e.data.orderId === order.id));
    await waitFor(async () => (await replicaOf(h, order.id))?.status === 'complete');
  });

  test('when a lost charge belongs to a cancelled order, then it is refunded', async () => {
    const { order } = await seedOrder(h, { expiresAt: new Date(Date.now() + 1_000).toISOString() });
    const intent = await lostCharge(order);
    await h.service.database.db.execute(
      `update orders set status = 'cancelled', version = 1 where id = '${order.id}'`,
    );

    await reconcile();

    await waitFor(() => h.service.recorder!.of(paymentRefunded).find((e) => e.data.orderId === order.id));
    expect(await paymentsOf(h, order.id)).toEqual([
      expect.objectContaining({ providerPaymentId: intent.id, status: 'refunded' }),
    ]);
  });

  test('when reconciliation runs twice, then the second finds nothing to repair', async () => {
    const { order } = await seedOrder(h);
    await lostCharge(order);
    await reconcile();
    await waitFor(async () => (await replicaOf(h, order.id))?.status === 'complete');

    const again = await reconcile();

    expect(again).toMatchObject({ recorded: 0, refundQueued: 0, unresolved: [] });
    expect(again.examined).toBeGreaterThanOrEqual(1);
  });
});
