import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Contract, Envelope, EventData } from '../../events/contract';
import { consumerFailures, processedEvents } from '../schema';
import type { EventHandler } from './definition';

/**
 * Applies an event at most once per consumer: the processed_events row and the handler's writes commit
 * together, so a duplicate delivery finds the row and changes nothing. The handler runs with the event's
 * correlation id, so its log lines and the events it emits carry it on.
 */
export async function applyOnce<C extends Contract>(
  db: Db,
  consumer: string,
  envelope: Envelope<EventData<C>>,
  handle: EventHandler<C>,
  { hadFailures }: { hadFailures: boolean },
): Promise<'applied' | 'duplicate'> {
  return db.transaction(async (tx) => {
    const fresh = await tx
      .insert(processedEvents)
      .values({ consumer, eventId: envelope.id })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    if (fresh.length === 0) return 'duplicate' as const;
    await handle(tx, envelope.data, envelope);
    // Only a redelivered message can have failed before: the first delivery skips this statement.
    if (hadFailures) {
      await tx
        .delete(consumerFailures)
        .where(and(eq(consumerFailures.consumer, consumer), eq(consumerFailures.eventId, envelope.id)));
    }
    return 'applied' as const;
  });
}
