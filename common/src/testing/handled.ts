import { and, eq } from 'drizzle-orm';
import { durableName, type ConsumerDefinition } from '../bus/consumer/definition';
import { processedEvents } from '../bus/schema';
import type { Db } from '../db/database';
import { waitFor } from './wait-for';

/**
 * Resolves once a consumer has committed its handling of one event (its processed_events row exists),
 * whatever the outcome was.
 */
export async function eventHandled(
  db: Db,
  by: Pick<ConsumerDefinition, 'service' | 'contract'>,
  eventId: string,
): Promise<void> {
  await waitFor(async () => {
    const rows = await db
      .select()
      .from(processedEvents)
      .where(and(eq(processedEvents.consumer, durableName(by)), eq(processedEvents.eventId, eventId)));
    return rows.length === 1;
  });
}
