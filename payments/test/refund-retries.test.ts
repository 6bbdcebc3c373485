import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import request from 'supertest';
import { paymentRefunded } from '@ticketing/common';
import { forThisFile, parseMetrics, waitFor } from '@ticketing/common/testing';
import { payments } from '../src/data/schema';
import { listFailedRefunds, retryFailedRefund } from '../src/domain/refund-admin';
import { paymentsOf, seedOrder, pay, startPayments } from './factories';

const h = forThisFile(() =>
  startPayments({
    REFUND_MAX_ATTEMPTS: '3',
    REFUND_POLL_INTERVAL_MS: '200',
    REFUND_BACKOFF_BASE_MS: '20',
    REFUND_BACKOFF_MAX_MS: '100',
  }),
);

/** Refunds Stripe will always refuse: their PaymentIntents do not exist there (resource_missing). */
async function hopelessRefunds(
  count: number,
  overrides: Partial<typeof payments.$inferInsert> = {},
): Promise<string[]> {
  const rows = Array.from({ length: count }, () => ({
    id: randomUUID(),
    orderId: randomUUID(),
    userId: randomUUID(),
    providerPaymentId: `pi_gone_${randomUUID().replaceAll('-', '')}`,
    amountCents: 1_000,
    currency: 'usd',
    status: 'refund_pending' as const,
    refundReason: 'order_cancelled',
    ...overrides,
  }));
  await h.service.database.db.insert(payments).values(rows);
  return rows.map((r) => r.id);
}

const rowsOf = (ids: string[]) =>
  h.service.database.db.select().from(payments).where(inArray(payments.id, ids));

describe('refund attempts', () => {
  test('when 25 refunds keep failing, then a refund queued after them still goes through, and the failing ones end refund_failed after their attempts', async () => {
    const hopeless = await hopelessRefunds(25);
    // A real charge whose order orders then cancels (the expiry won): its refund is queued behind the 25.
    const { order, buyer } = await seedOrder(h);
    h.ordersVerdict.set(order.id, 'cancel');
    expect((await pay(h, buyer, { orderId: order.id, paymentMethodId: 'pm_card_visa' })).status).toBe(409);

    await waitFor(() => h.service.recorder!.of(paymentRefunded).find((e) => e.data.orderId === order.id));
    expect(await paymentsOf(h, order.id)).toEqual([expect.objectContaining({ status: 'refunded' })]);

    const failed = await waitFor(
      async () => {
        const rows = await rowsOf(hopeless);
        return rows.every((r) => r.status === 'refund_failed') ? rows : undefined;
      },
      { timeoutMs: 20_000 },
    );
    for (const row of failed) {
      expect(row.refundAttempts).toBe(3);
      expect(row.refundLastError).toMatch(/No such payment_intent/);
    }
  });

  test('when an operator lists failed refunds and retries one, then it is pending again with fresh attempts', async () => {
    const [id] = await hopelessRefunds(1);
    await waitFor(async () => (await rowsOf([id!]))[0]!.status === 'refund_failed', { timeoutMs: 20_000 });
    expect((await listFailedRefunds(h.service.database)).map((r) => r.id)).toContain(id);

    const retried = await retryFailedRefund(h.service.database, id!);

    expect(retried).toMatchObject({ id, status: 'refund_pending', refundAttempts: 0 });
    // The worker takes it up again at once (NOTIFY) and, Stripe still refusing, gives up again.
    await waitFor(async () => {
      const [row] = await rowsOf([id!]);
      return row!.status === 'refund_failed' && row!.refundAttempts === 3;
    });
    expect(await retryFailedRefund(h.service.database, randomUUID())).toBeUndefined();
  });
});

describe('refund metrics', () => {
  const scrape = async () => parseMetrics((await request(h.service.app).get('/metrics').expect(200)).text);

  test('when a refund has been owed for two hours, then /metrics shows it pending with that age', async () => {
    // Decided two hours ago, next attempt far ahead: the worker leaves it alone while we look.
    await hopelessRefunds(1, {
      refundRequestedAt: new Date(Date.now() - 2 * 3_600_000),
      refundNextAttemptAt: new Date(Date.now() + 24 * 3_600_000),
    });
    const metrics = await waitFor(async () => {
      const scraped = await scrape();
      return scraped.value('payments_refund_oldest_pending_age_seconds')! >= 7_200 ? scraped : undefined;
    });
    expect(metrics.value('payments_refunds_pending')).toBeGreaterThanOrEqual(1);
  });

  test('when refunds end refund_failed, then /metrics counts every one of them', async () => {
    const ids = await hopelessRefunds(2);
    await waitFor(async () => (await rowsOf(ids)).every((r) => r.status === 'refund_failed'), {
      timeoutMs: 20_000,
    });
    const failed = (await listFailedRefunds(h.service.database)).length;
    expect(failed).toBeGreaterThanOrEqual(2);
    await waitFor(async () => (await scrape()).value('payments_refunds_failed') === failed);
  });
});
