import { notifyAfterCommit } from '../db/after-commit';
import type { Executor } from '../db/database';
import type { Contract, Envelope, EventData } from '../events/contract';
import { createEnvelope, type EnvelopeOptions } from '../events/envelope';
import { currentTraceContext } from '../tracing/bus-context';
import { outboxTable } from './schema';

export const OUTBOX_CHANNEL = 'outbox';

export const outbox = {
  /**
   * Records an event inside the caller's transaction: it is published if and only if the transaction
   * commits. The relay is woken after the commit (in this process, or by a NOTIFY sent on its own for a
   * relay elsewhere; common/src/db/after-commit.ts), never by a NOTIFY inside the transaction, which
   * would serialize every producing commit on the server. The active trace context goes
   * with the row, so the event's consumers continue this trace.
   */
  async add<C extends Contract>(
    tx: Executor,
    contract: C,
    data: EventData<C>,
    options: EnvelopeOptions = {},
  ): Promise<Envelope<EventData<C>>> {
    const envelope = createEnvelope(contract, data, options);
    await tx
      .insert(outboxTable)
      .values({ id: envelope.id, subject: contract.subject, envelope, traceContext: currentTraceContext() });
    await notifyAfterCommit(tx, OUTBOX_CHANNEL);
    return envelope;
  },
};
