import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Contract, Envelope, EventData } from '../../events/contract';
import { withCorrelationId } from '../../logging/correlation';
import { handleTraced } from '../../tracing/bus-context';
import { consumerFailures, processedEvents } from '../schema';
import type { EventHandler } from './definition';

/**
 * Applies events at most once per consumer, in the given order, in one transaction: the processed_events
 * rows and the handlers' writes commit together, so a duplicate delivery finds its row and changes nothing.
 * Each handler runs with its event's correlation id, in a span continuing its producer's trace. `redelivered` are the ids that may have failed before:
 * their failure counts go with the success (a first delivery never pays for that statement).
 */
export async function applyOnce<C extends Contract>(
  db: Db,
  consumer: string,
  envelopes: Array<Envelope<EventData<C>>>,
  handle: EventHandler<C>,
  redelivered: string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(processedEvents)
      .values(envelopes.map((e) => ({ consumer, eventId: e.id })))
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    const fresh = new Set(inserted.map((row) => row.eventId));
    for (const envelope of envelopes) {
      // Deleting marks it handled: the same event twice in one batch is applied once.
      if (!fresh.delete(envelope.id)) continue;
      await withCorrelationId(envelope.correlationId, () =>
        handleTraced(consumer, envelope, () => handle(tx, envelope.data, envelope)),
      );
    }
    if (redelivered.length > 0) {
      await tx
        .delete(consumerFailures)
        .where(and(eq(consumerFailures.consumer, consumer), inArray(consumerFailures.eventId, redelivered)));
    }
  });
}
