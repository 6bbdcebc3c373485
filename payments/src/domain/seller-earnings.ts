import { toPage, type Database, type Keyset, type Page } from '@ticketing/common';
import { earningsRepository, type SaleRow, type SaleTotalsRow } from '../data/earnings.repository';

/**
 * The payout rule: a sale is `pending` until its event starts (the buyer may still cancel within the
 * listing's window, which closes before the start), then `paid_out`: what the seller is owed from then
 * on. It is computed when read, not moved by a job (this platform transfers no money to sellers yet: a
 * payout provider would be the job that marks it). A sale the buyer cancelled is `refunded`: the seller
 * receives nothing. Seller amounts: gross = the tickets' price (price × quantity), fee = the seller fee, net = gross − fee.
 */
export type EarningState = SaleTotalsRow['state'];

export function earningState(sale: Pick<SaleRow, 'refunded' | 'eventDate'>, now: Date): EarningState {
  if (sale.refunded) return 'refunded';
  return sale.eventDate && sale.eventDate <= now ? 'paid_out' : 'pending';
}

/** One sale as its seller sees it (api/payment-view.ts documents it as `Sale`). */
export type Sale = ReturnType<typeof toSale>;

/**
 * Per currency (amounts in different currencies are never added): the seller's net of sales pending and
 * paid out, and the ticket price of sales refunded to their buyers.
 */
export interface CurrencyTotals {
  currency: string;
  /** Tickets sold (not orders). */
  sold: number;
  pendingCents: number;
  paidOutCents: number;
  refundedCents: number;
}

export interface Earnings extends Page<Sale> {
  totals: CurrencyTotals[];
}

export async function sellerEarnings(
  { db }: Pick<Database, 'db'>,
  sellerId: string,
  limit: number,
  after?: Keyset,
  now = new Date(),
): Promise<Earnings> {
  const [rows, sums] = await Promise.all([
    earningsRepository.salesOf(db, sellerId, limit + 1, after),
    earningsRepository.totalsOf(db, sellerId, now),
  ]);
  const page = toPage(rows, limit, (row) => ({ at: row.paidAt, id: row.paymentId }));
  return {
    items: page.items.map((sale) => toSale(sale, now)),
    nextCursor: page.nextCursor,
    totals: totalsByCurrency(sums),
  };
}

const toSale = (sale: SaleRow, now: Date) => ({
  orderId: sale.orderId,
  ticketId: sale.ticketId,
  paidAt: sale.paidAt.toISOString(),
  eventDate: sale.eventDate?.toISOString() ?? null,
  currency: sale.currency,
  quantity: sale.quantity,
  grossCents: sale.priceCents,
  feeCents: sale.sellerFeeCents,
  netCents: sale.priceCents - sale.sellerFeeCents,
  status: earningState(sale, now),
});

function totalsByCurrency(sums: SaleTotalsRow[]): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const sum of sums) {
    const totals = byCurrency.get(sum.currency) ?? {
      currency: sum.currency,
      sold: 0,
      pendingCents: 0,
      paidOutCents: 0,
      refundedCents: 0,
    };
    const net = sum.grossCents - sum.feeCents;
    if (sum.state === 'refunded') totals.refundedCents += sum.grossCents;
    else {
      totals.sold += sum.tickets;
      if (sum.state === 'pending') totals.pendingCents += net;
      else totals.paidOutCents += net;
    }
    byCurrency.set(sum.currency, totals);
  }
  return [...byCurrency.values()];
}
