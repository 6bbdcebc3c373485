import type { Executor } from '@ticketing/common';
import { stripeEvents } from './schema';

export const stripeEventsRepository = {
  /** false when the event was already applied (Stripe delivers at least once). */
  async recordOnce(tx: Executor, event: { id: string; type: string }): Promise<boolean> {
    const inserted = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    return inserted.length > 0;
  },
};
