import type { JsMsg } from '@nats-io/jetstream';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { consumerFailures, deadLetters } from '../schema';

export const describeError = (err: unknown): string =>
  (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2_000);

/** The bus's own count of a consumer's handler failures, and the dead letters it ends in. */
export class FailureLedger {
  constructor(
    private readonly db: Db,
    private readonly consumer: string,
  ) {}

  /** Counts one more non-transient failure of the handler on this event; answers the count so far. */
  async record(eventId: string, err: unknown): Promise<number> {
    const lastError = describeError(err);
    const [row] = await this.db
      .insert(consumerFailures)
      .values({ consumer: this.consumer, eventId, attempts: 1, lastError })
      .onConflictDoUpdate({
        target: [consumerFailures.consumer, consumerFailures.eventId],
        set: { attempts: sql`${consumerFailures.attempts} + 1`, lastError, lastFailedAt: sql`now()` },
      })
      .returning({ attempts: consumerFailures.attempts });
    return row!.attempts;
  }

  /** Keeps the message with the reason (and clears its failure count) so that it can be replayed later. */
  async deadLetter(message: JsMsg, reason: string, eventId: string | undefined, attempts: number) {
    const id = eventId ?? message.headers?.get('Nats-Msg-Id') ?? null;
    await this.db.transaction(async (tx) => {
      await tx.insert(deadLetters).values({
        consumer: this.consumer,
        subject: message.subject,
        eventId: id,
        payload: message.string(),
        reason,
        attempts,
      });
      if (eventId) {
        await tx
          .delete(consumerFailures)
          .where(and(eq(consumerFailures.consumer, this.consumer), eq(consumerFailures.eventId, eventId)));
      }
    });
  }
}
