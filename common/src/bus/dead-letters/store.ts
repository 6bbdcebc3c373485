import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { envelopeSchema } from '../../events/contract';
import { notifyAfterCommit } from '../../db/after-commit';
import { OUTBOX_CHANNEL } from '../outbox';
import { consumerFailures, deadLetters, outboxTable } from '../schema';

export type DeadLetter = typeof deadLetters.$inferSelect;

const open = and(isNull(deadLetters.replayedAt), isNull(deadLetters.discardedAt));

/** Dead letters waiting for a decision, oldest first; `all` includes the replayed and discarded ones. */
export const listDeadLetters = (db: Db, { all = false } = {}): Promise<DeadLetter[]> =>
  db
    .select()
    .from(deadLetters)
    .where(all ? undefined : open)
    .orderBy(asc(deadLetters.id));

export const findDeadLetter = async (db: Db, id: number): Promise<DeadLetter | undefined> =>
  (await db.select().from(deadLetters).where(eq(deadLetters.id, id)))[0];

export type ReplayResult = 'replayed' | 'not-found' | 'already-handled' | 'not-replayable';

/**
 * Sends a dead letter through the normal path again: its original envelope (same event id) goes into the
 * outbox under a new row id, so the relay publishes it with a Nats-Msg-Id JetStream has not seen. The
 * consumer that dead-lettered it never recorded it in processed_events (its transaction rolled back), so
 * it applies it once; every other consumer of the subject has it recorded and skips it. Marking the letter
 * in the same transaction makes a second replay of it impossible.
 */
export async function replayDeadLetter(db: Db, id: number, by: string): Promise<ReplayResult> {
  return db.transaction(async (tx) => {
    const [letter] = await tx.select().from(deadLetters).where(eq(deadLetters.id, id)).for('update');
    if (!letter) return 'not-found';
    if (letter.replayedAt || letter.discardedAt) return 'already-handled';
    const envelope = envelopeSchema.safeParse(parseJson(letter.payload));
    if (!envelope.success) return 'not-replayable';
    await tx
      .delete(consumerFailures)
      .where(
        and(eq(consumerFailures.consumer, letter.consumer), eq(consumerFailures.eventId, envelope.data.id)),
      );
    await tx
      .insert(outboxTable)
      .values({ id: randomUUID(), subject: envelope.data.subject, envelope: envelope.data });
    await notifyAfterCommit(tx, OUTBOX_CHANNEL);
    await tx
      .update(deadLetters)
      .set({ replayedBy: by, replayedAt: sql`now()` })
      .where(eq(deadLetters.id, id));
    return 'replayed';
  });
}

/** Records that an operator decided a dead letter needs nothing more; it leaves the open list. */
export async function discardDeadLetter(
  db: Db,
  id: number,
  by: string,
): Promise<'discarded' | 'not-found' | 'already-handled'> {
  const updated = await db
    .update(deadLetters)
    .set({ discardedBy: by, discardedAt: sql`now()` })
    .where(and(eq(deadLetters.id, id), open))
    .returning({ id: deadLetters.id });
  if (updated.length > 0) return 'discarded';
  return (await findDeadLetter(db, id)) ? 'already-handled' : 'not-found';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
