/** Long because it is one list: the shapes the client reads from the API (docs/api.md, services' READMEs). */

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  /** False until the user follows the link mailed at sign-up: until then they may buy but not sell. */
  emailVerified: boolean;
}

export type TicketStatus = 'available' | 'reserved' | 'sold' | 'withdrawn';

/** What a listing belongs to: one show, at one venue, starting at one instant in its time zone. */
export interface TicketEvent {
  id: string;
  title: string;
  venue: string;
  city: string;
  startsAt: string;
  /** IANA, e.g. Europe/Berlin: every time of the event is shown in it. */
  timeZone: string;
  category: string | null;
  imageUrl: string | null;
  createdAt: string;
}

/** An event in the list: how many tickets are on sale and the lowest price. */
export interface EventSummary extends TicketEvent {
  availableCount: number;
  lowestPrice: { priceCents: number; currency: string } | null;
}

/** An event's page: its available listings, cheapest first. */
export interface EventDetail extends TicketEvent {
  availableCount: number;
  listings: Ticket[];
}

export interface Ticket {
  id: string;
  eventId: string;
  /** The event's title, venue and start, copied onto the listing. */
  title: string;
  venue: string;
  eventDate: string;
  priceCents: number;
  currency: string;
  description: string;
  section: string | null;
  row: string | null;
  seat: string | null;
  sellerId: string;
  /** Tickets in the listing, and how they may be split: `any`, `no-single` (never leave one) or `all`. */
  quantity: number;
  split: SplitRule;
  /** Tickets neither reserved nor sold, and how many a buyer may take now. */
  available: number;
  allowedQuantities: number[];
  /** A buyer may cancel a paid order (refunded) until this many hours before the event; 0: never. */
  cancellationHours: number;
  status: TicketStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Only the seller (and admins) see which order last changed the listing, and its counts. */
  orderId?: string | null;
  reserved?: number;
  sold?: number;
  /** Why an admin withdrew it; only its seller and admins get it. */
  moderationReason?: string | null;
  /** Given with a single listing and with lists of listings, not inside an event's own page. */
  event?: TicketEvent;
}

export type SplitRule = 'any' | 'no-single' | 'all';

export type OrderStatus = 'created' | 'complete' | 'cancelled';

export interface Order {
  id: string;
  status: OrderStatus;
  userId: string;
  expiresAt: string;
  /** The price of one ticket; `amountCents` = priceCents × quantity is what the order costs. */
  priceCents: number;
  quantity: number;
  amountCents: number;
  currency: string;
  cancellationReason: 'user' | 'expired' | 'rejected' | 'buyer_cancelled' | null;
  /** Until when the buyer may cancel the paid order and be refunded; null: never. */
  cancellableUntil: string | null;
  refundedAt: string | null;
  /** The breakdown fixed when the order was placed: total = price + service fee. */
  serviceFeeCents: number;
  totalCents: number;
  paidAt: string | null;
  version: number;
  createdAt: string;
  ticket: Pick<Ticket, 'id' | 'title' | 'venue' | 'eventDate' | 'priceCents' | 'currency'>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ApiErrorEntry {
  code: string;
  message: string;
  field?: string;
}

/** An admission pass of a paid order (one per seat). `code` is its secret: shown to its buyer only. */
export interface Eticket {
  id: string;
  orderId: string;
  code: string;
  seat: string | null;
  status: 'valid' | 'used' | 'voided';
  issuedAt: string;
  usedAt: string | null;
  voidedAt: string | null;
  /** `timeZone`: the event's IANA zone, where its start is told ('UTC' when orders does not know it). */
  event: { ticketId: string; title: string; venue: string; eventDate: string; timeZone: string };
}

/** What the door is told about a scanned code. */
export interface CheckInResult {
  result: 'admitted' | 'already_used' | 'not_valid';
  reason: 'unknown' | 'voided' | null;
  usedAt: string | null;
  eticket: { id: string; seat: string | null; event: Eticket['event'] } | null;
}

/** One sale in the seller's earnings (payments): gross = the tickets' price (price × quantity), net = gross − seller fee. */
export interface Sale {
  orderId: string;
  ticketId: string;
  paidAt: string;
  eventDate: string | null;
  currency: string;
  quantity: number;
  grossCents: number;
  feeCents: number;
  netCents: number;
  status: 'pending' | 'paid_out' | 'refunded';
}

export interface Earnings extends Page<Sale> {
  /** One entry per currency: amounts in different currencies are never added. */
  totals: {
    currency: string;
    /** Tickets sold (an order of several counts each). */
    sold: number;
    pendingCents: number;
    paidOutCents: number;
    refundedCents: number;
  }[];
}

/** A payment as the admin console lists it. */
export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  currency: string;
  status: 'succeeded' | 'refund_pending' | 'refunded' | 'refund_failed';
  createdAt: string;
  refundedAt: string | null;
  /** The card charged (brand as Stripe names it: visa, mastercard…); null when payments does not know it. */
  card: { brand: string; last4: string } | null;
}

/** A user as the admin console lists it. */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  emailVerified: boolean;
  locked: boolean;
  createdAt: string;
}
