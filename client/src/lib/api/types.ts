/** The shapes the client reads from the API (docs/api.md; the services' READMEs). */

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
}

export type TicketStatus = 'available' | 'reserved' | 'sold' | 'withdrawn';

export interface Ticket {
  id: string;
  title: string;
  venue: string;
  eventDate: string;
  priceCents: number;
  currency: string;
  description: string;
  sellerId: string;
  status: TicketStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Only the seller (and admins) see which order holds the ticket. */
  orderId?: string | null;
}

export type OrderStatus = 'created' | 'complete' | 'cancelled';

export interface Order {
  id: string;
  status: OrderStatus;
  userId: string;
  expiresAt: string;
  priceCents: number;
  currency: string;
  cancellationReason: 'user' | 'expired' | 'rejected' | null;
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
  event: { ticketId: string; title: string; venue: string; eventDate: string };
}

/** What the door is told about a scanned code. */
export interface CheckInResult {
  result: 'admitted' | 'already_used' | 'not_valid';
  reason: 'unknown' | 'voided' | null;
  usedAt: string | null;
  eticket: { id: string; seat: string | null; event: Eticket['event'] } | null;
}
