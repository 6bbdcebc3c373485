import { integer, text } from 'drizzle-orm/pg-core';
import { splitRule, ticketStatus } from '../events/shared';
import { pgEnumOf, timestamptz } from './schema-builders';

/** A listing's status and split rule, in tickets' own table and in the replicas that keep them. */
export const ticketStatusEnum = pgEnumOf('ticket_status', ticketStatus);
export const splitRuleEnum = pgEnumOf('split_rule', splitRule);

/**
 * What every copy of a listing keeps of its event, as ticket.created carries it: title, venue, start, and
 * the IANA time zone it happens in (UTC for listings announced before they carried one). Tickets' own table
 * keeps the start to the millisecond (`{ precision: 3 }`).
 */
export const listingEventColumns = (start: { precision?: 3 } = {}) => ({
  title: text('title').notNull(),
  venue: text('venue').notNull(),
  eventDate: timestamptz('event_date', start).notNull(),
  timeZone: text('time_zone').notNull().default('UTC'),
});

/** How many tickets a listing holds, and the splits they may be bought in. */
export const listingQuantityColumns = () => ({
  quantity: integer('quantity').notNull().default(1),
  split: splitRuleEnum('split').notNull().default('any'),
});
