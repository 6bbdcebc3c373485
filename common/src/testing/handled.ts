import { and, eq } from 'drizzle-orm';
import { durableName, type ConsumerDefinition } from '../bus/consumer/definition';
import { processedEvents } from '../bus/schema';
import type { Database } from '../db/database';
import { waitFor } from './wait-for';

/**
 * Resolves once a consumer of the service has committed its handling of one published event (its
 * processed_events row exists), whatever the outcome was.
 */
export async function eventHandled(
  service: { database: Pick<Database, 'db'> },
  by: Pick<ConsumerDefinition, 'service' | 'contract'>,
  event: { id: string },
): Promise<void> {
  const { db } = service.database;
  await waitFor(async () => {
    const rows = await db
      .select()
      .from(processedEvents)
      .where(and(eq(processedEvents.consumer, durableName(by)), eq(processedEvents.eventId, event.id)));
    return rows.length === 1;
  });
}
