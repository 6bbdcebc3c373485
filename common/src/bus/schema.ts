import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/schema-builders';

/** Events waiting to be published; written in the same transaction as the state change. */
export const outboxTable = pgTable(
  'outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    subject: text('subject').notNull(),
    envelope: jsonb('envelope').notNull(),
    /** W3C trace context (traceparent, tracestate) of the span that wrote the event; null when untraced. */
    traceContext: jsonb('trace_context').$type<Record<string, string>>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    index('outbox_unsent_idx')
      .on(t.seq)
      .where(sql`${t.sentAt} is null`),
  ],
);

/** One row per (consumer, event) handled; written in the handler's transaction, so duplicates change nothing. */
export const processedEvents = pgTable(
  'processed_events',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    processedAt: timestamptz('processed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

/**
 * Messages that cannot be handled (invalid, or their handler failed its allowed number of times): kept
 * with the reason, never silently dropped, until an operator replays or discards them.
 */
export const deadLetters = pgTable('dead_letters', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  consumer: text('consumer').notNull(),
  subject: text('subject').notNull(),
  eventId: text('event_id'),
  payload: text('payload').notNull(),
  reason: text('reason').notNull(),
  attempts: integer('attempts').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  replayedBy: text('replayed_by'),
  replayedAt: timestamptz('replayed_at'),
  discardedBy: text('discarded_by'),
  discardedAt: timestamptz('discarded_at'),
});

/**
 * Handler failures the bus counts per (consumer, event): only the handler's own non-transient errors, never
 * an outage or a missing predecessor. Written outside the failed transaction; deleted on success.
 */
export const consumerFailures = pgTable(
  'consumer_failures',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    attempts: integer('attempts').notNull(),
    lastError: text('last_error').notNull(),
    firstFailedAt: timestamptz('first_failed_at').notNull().defaultNow(),
    lastFailedAt: timestamptz('last_failed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
