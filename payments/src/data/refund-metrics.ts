import {
  gaugeOf,
  metricSpec,
  ScrapedReading,
  type Database,
  type MetricSpec,
  type Registry,
} from '@ticketing/common';

export const REFUND_METRICS = {
  pending: metricSpec('gauge', 'payments_refunds_pending', 'Refunds decided and not carried out yet'),
  oldestPendingAge: metricSpec(
    'gauge',
    'payments_refund_oldest_pending_age_seconds',
    'Age of the oldest refund still pending, 0 when none: the money has been owed for that long',
  ),
  failed: metricSpec(
    'gauge',
    'payments_refunds_failed',
    'Refunds given up after REFUND_MAX_ATTEMPTS (refund_failed): an operator retries them (payments-admin)',
  ),
};

interface RefundState {
  pending: number;
  oldest: number;
  failed: number;
}

/**
 * The refunds owed, read at scrape time through the two partial indexes on their statuses. A refund
 * queued before refund_requested_at existed counts from its charge.
 */
export function registerRefundMetrics(registry: Registry, { pool }: Database): void {
  const reading = new ScrapedReading(
    async () =>
      (
        await pool.query<RefundState>(`
          select (select count(*) from payments where status = 'refund_pending')::int as pending,
            coalesce(extract(epoch from now() - (select min(coalesce(refund_requested_at, created_at))
              from payments where status = 'refund_pending')), 0)::float8 as oldest,
            (select count(*) from payments where status = 'refund_failed')::int as failed`)
      ).rows[0]!,
    { timeoutMs: 1_000, cacheMs: 1_000 },
  );
  const gauge = (spec: MetricSpec<never>, field: keyof RefundState) =>
    gaugeOf(spec, registry, async (g) => g.set((await reading.get())?.[field] ?? NaN));
  gauge(REFUND_METRICS.pending, 'pending');
  gauge(REFUND_METRICS.oldestPendingAge, 'oldest');
  gauge(REFUND_METRICS.failed, 'failed');
}
