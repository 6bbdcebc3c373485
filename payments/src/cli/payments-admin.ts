import { connectDatabase, createLogger, runCommand } from '@ticketing/common';
import { z } from 'zod';
import { loadCliConfig } from '../config';
import { createStripeClient } from '../data/stripe-client';
import { reconcilePayments } from '../domain/reconcile-payments';
import { listFailedRefunds, retryFailedRefund } from '../domain/refund-admin';

/** Exit codes: 0 done, 1 nothing to act on (unknown id, or differences left unresolved), 2 usage or config, 3 failure. */
const USAGE = `usage: npm run payments-admin -w payments -- <command>
  refunds-failed        list refunds that ran out of attempts
  retry-refund <id>     queue a failed refund (payment id) for new attempts
  reconcile             compare the provider's PaymentIntents with payments and orders, and repair`;

const say = (line: string) => void process.stdout.write(`${line}\n`);

async function main([command, ...args]: string[]): Promise<number> {
  const known = ['refunds-failed', 'retry-refund', 'reconcile'];
  const id = z.uuid().safeParse(args[0]);
  if (!command || !known.includes(command) || (command === 'retry-refund' ? !id.success : args.length > 0)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadCliConfig();
  const logger = createLogger('payments-admin', 'warn');
  const database = connectDatabase(config.DATABASE_URL, logger, { poolSize: 2 });
  try {
    if (command === 'refunds-failed') {
      const rows = await listFailedRefunds(database);
      for (const r of rows) {
        say(
          `${r.id}  order ${r.orderId}  ${r.amountCents} ${r.currency}  ${r.providerPaymentId}  after ${r.refundAttempts} attempts: ${r.refundLastError ?? ''}`,
        );
      }
      say(`${rows.length} failed refund(s).`);
      return 0;
    }
    if (command === 'retry-refund') {
      const row = await retryFailedRefund(database, id.data!);
      if (!row) {
        console.error(`No failed refund with payment id ${id.data}.`);
        return 1;
      }
      say(`Refund of payment ${row.id} queued for new attempts.`);
      return 0;
    }
    const since = new Date(Date.now() - config.RECONCILE_WINDOW_HOURS * 3_600_000);
    const report = await reconcilePayments(database, createStripeClient(config), since, logger);
    say(
      `examined ${report.examined}, recorded ${report.recorded}, refunds queued ${report.refundQueued}, unresolved ${report.unresolved.length}`,
    );
    for (const line of report.unresolved) say(`  ${line}`);
    return report.unresolved.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

runCommand('payments-admin', main);
