import { indexInState, listingEventColumns, orderStatus, pgEnumOf, timestamptz } from '@ticketing/common';
import { integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/** The replica of auth's users: only what a mail needs (user.registered). */
export const userReplica = pgTable('user_replica', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
});

/** The replica of tickets: what a mail says about a listing (ticket.created / ticket.updated, newest wins). */
export const ticketReplica = pgTable('ticket_replica', {
  id: uuid('id').primaryKey(),
  version: integer('version').notNull(),
  // Mails tell the event's start in its own time zone.
  ...listingEventColumns(),
  sellerId: uuid('seller_id').notNull(),
});

export const orderReplicaStatus = pgEnumOf('order_replica_status', orderStatus);

/** The replica of orders: the buyer of a refund, whether a reservation is still open (order.*). */
export const orderReplica = pgTable('order_replica', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  ticketId: uuid('ticket_id').notNull(),
  status: orderReplicaStatus('status').notNull(),
});

export const mailState = pgEnum('mail_state', [
  'pending',
  'sending',
  'sent',
  'rejected',
  'cancelled',
  'stale',
  'unconfirmed',
]);

/**
 * Every mail, from the moment a consumer decides to send it (in the event's transaction) to its outcome.
 * `key` names what it is about (`order-confirmation:<order id>`), so one thing is mailed once.
 */
export const mails = pgTable(
  'mails',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull().unique(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** Inline images: [{ filename, cid, contentType, contentBase64 }]. */
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    /** The order a reminder is about: not sent once that order is paid or cancelled. */
    orderId: uuid('order_id'),
    state: mailState('state').notNull().default('pending'),
    dueAt: timestamptz('due_at').notNull().defaultNow(),
    /** Not worth sending after this (a reminder for a reservation that has ended). */
    staleAt: timestamptz('stale_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    claimedAt: timestamptz('claimed_at'),
    sentAt: timestamptz('sent_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    indexInState('mails_due_idx', t.dueAt, t.state, 'pending'),
    indexInState('mails_sending_idx', t.claimedAt, t.state, 'sending'),
  ],
);

export interface MailAttachment {
  filename: string;
  cid: string;
  contentType: string;
  contentBase64: string;
}

export type MailRow = typeof mails.$inferSelect;
