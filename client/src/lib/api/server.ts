/** Long because serverApi is one table: every read the server components make, cached per request. */
import { DEFAULT_FEE_RATES, type FeeRates } from '@ticketing/common/money';
import axios from 'axios';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { ACCESS_COOKIE, accessTokenExpired } from '../access-token';
import { apiUrl } from './base-url';
import { toApiError } from './errors';
import type {
  AdminUser,
  CurrentUser,
  Earnings,
  Eticket,
  EventDetail,
  EventSummary,
  Order,
  Page,
  Payment,
  Ticket,
  TicketStatus,
} from './types';

/**
 * The one way server components reach the API: the browser's cookies are forwarded as they are (the
 * proxy has already refreshed an expired access token), so every service sees the same user the browser is.
 */
const http = axios.create({ timeout: 10_000, headers: { accept: 'application/json' } });

type Query = Record<string, string | number | undefined>;

async function get<T>(path: string, params?: Query, responseType: 'json' | 'text' = 'json'): Promise<T> {
  const cookieHeader = (await cookies()).toString();
  try {
    const res = await http.get<T>(apiUrl(path), {
      params,
      responseType,
      headers: cookieHeader ? { cookie: cookieHeader } : {},
    });
    return res.data;
  } catch (err) {
    throw toApiError(err);
  }
}

/** GET a resource a page cannot live without: 404 → the not-found page, 401 → sign in and come back. */
async function getOrFail<T>(path: string, returnTo: string): Promise<T> {
  try {
    return await get<T>(path);
  } catch (err) {
    const apiError = toApiError(err);
    if ([400, 403, 404].includes(apiError.status)) notFound();
    if (apiError.status === 401) await signInAgain(returnTo);
    throw apiError;
  }
}

/**
 * Where a page that needs an account sends a reader it does not know: to sign in; or, when their access
 * token has only expired, through /session/refresh, which renews it from the browser and comes back. The
 * proxy bounces a page load that way before it renders; a form's server action it cannot bounce, so the page
 * the action renders again lands here.
 */
async function signInAgain(returnTo: string): Promise<never> {
  const access = (await cookies()).get(ACCESS_COOKIE)?.value;
  const next = encodeURIComponent(returnTo);
  redirect(access && accessTokenExpired(access) ? `/session/refresh?next=${next}` : `/signin?next=${next}`);
}

/** Once per request, shared by the header and the page. Never throws: no answer counts as signed out. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  try {
    return (await get<{ currentUser: CurrentUser | null }>('/api/users/currentuser')).currentUser;
  } catch {
    return null;
  }
});

/** The signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  return user ?? signInAgain(returnTo);
}

export interface EventFilters {
  q?: string;
  city?: string;
  from?: string;
  to?: string;
  sort?: 'date' | 'price';
  cursor?: string;
}

/**
 * The reads a page, its generateMetadata and the layout may each make for one request: asked once per
 * request (React `cache()`, keyed by the id), the rest share the answer. A 404 or 401 is shared as well.
 */
const event = cache((id: string) =>
  getOrFail<EventDetail>(`/api/events/${encodeURIComponent(id)}`, `/events/${id}`),
);
const ticket = cache((id: string) =>
  getOrFail<Ticket>(`/api/tickets/${encodeURIComponent(id)}`, `/tickets/${id}`),
);
const order = cache((id: string) =>
  getOrFail<Order>(`/api/orders/${encodeURIComponent(id)}`, `/orders/${id}`),
);
/** Orders' policy (fee rates, hold time), read by the layout and by pages; null when orders cannot say. */
const orderPolicy = cache(() =>
  get<FeeRates & { holdSeconds: number }>('/api/orders/policy').catch(() => null),
);

export const serverApi = {
  listEvents: (filters: EventFilters, limit = 12) =>
    get<Page<EventSummary>>('/api/events', { limit, ...filters }),
  event,
  /** An event the sell form names, or null when it is not one (the form then asks for one). */
  eventOrNull: (id: string) => get<EventDetail>(`/api/events/${encodeURIComponent(id)}`).catch(() => null),
  /** Every listing in every status, or in `status` (admins only), newest first. */
  allTickets: ({ status, q }: { status?: TicketStatus; q?: string }, cursor?: string) =>
    getOrFail<Page<Ticket>>(
      `${withCursor('/api/tickets', cursor)}&${new URLSearchParams({ all: 'true', ...(status ? { status } : {}), ...(q ? { q } : {}) }).toString()}`,
      '/admin',
    ),
  myTickets: (cursor?: string) =>
    getOrFail<Page<Ticket>>(withCursor('/api/tickets/mine', cursor), '/listings'),
  ticket,
  earnings: (cursor?: string) =>
    getOrFail<Earnings>(withCursor('/api/payments/earnings', cursor), '/earnings'),
  myOrders: (cursor?: string) => getOrFail<Page<Order>>(withCursor('/api/orders', cursor), '/orders'),
  /** Everyone's orders (admins only). */
  allOrders: (cursor?: string) =>
    getOrFail<Page<Order>>(`${withCursor('/api/orders', cursor)}&all=true`, '/admin'),
  allPayments: (cursor?: string) =>
    getOrFail<Page<Payment>>(withCursor('/api/payments/all', cursor), '/admin'),
  allUsers: (cursor?: string) =>
    getOrFail<Page<AdminUser>>(withCursor('/api/users/admin/users', cursor), '/admin'),
  /**
   * The card that paid an order, for its receipt: the order's own payment (the first; a later one would be
   * a duplicate charge, refunded); null when not known or payments cannot be asked right now.
   */
  cardThatPaid: async (orderId: string, asAdmin: boolean): Promise<Payment['card']> => {
    const path = asAdmin ? '/api/payments/all' : '/api/payments';
    const page = await get<Page<Payment>>(path, { orderId, limit: 20 }).catch(() => null);
    const payments = page?.items ?? [];
    return (payments.find((p) => p.status === 'succeeded') ?? payments.at(-1))?.card ?? null;
  },
  order,
  /** The signed-in buyer's e-tickets, newest first. */
  myEtickets: (cursor?: string) =>
    getOrFail<Page<Eticket>>(withCursor('/api/orders/etickets', cursor), '/my-tickets'),
  /**
   * The time zones of the events of these tickets, by ticket id: orders know a ticket's start but not
   * where it happens, tickets does. A ticket tickets cannot tell about is left out (shown in UTC).
   */
  timeZonesOf: async (ticketIds: string[]): Promise<Map<string, string>> => {
    const unique = [...new Set(ticketIds)];
    const tickets = await Promise.all(
      unique.map((id) => get<Ticket>(`/api/tickets/${encodeURIComponent(id)}`).catch(() => null)),
    );
    return new Map(tickets.flatMap((t) => (t?.event ? [[t.id, t.event.timeZone] as const] : [])));
  },
  /**
   * An e-ticket's QR code as SVG markup, rendered by orders and inlined in the page (no second request that
   * could meet an expired access token); null when it cannot be had right now.
   */
  eticketQrSvg: (id: string) =>
    get<string>(`/api/orders/etickets/${encodeURIComponent(id)}/qr.svg`, undefined, 'text').catch(() => null),
  /** The signed-in buyer's open order for this ticket, if they hold it. */
  myOpenOrderFor: async (ticketId: string): Promise<Order | null> => {
    const page = await get<Page<Order>>('/api/orders', { ticketId, limit: 5 }).catch(() => null);
    return page?.items.find((o) => o.status === 'created') ?? null;
  },
  /** The platform's fee rates as orders applies them (the defaults while orders cannot be asked). */
  feeRates: async (): Promise<FeeRates> => {
    const policy = await orderPolicy();
    return policy
      ? { serviceFeePercent: policy.serviceFeePercent, sellerFeePercent: policy.sellerFeePercent }
      : DEFAULT_FEE_RATES;
  },
  /** How long an order holds its ticket; null when orders cannot say right now. */
  holdSeconds: async (): Promise<number | null> => (await orderPolicy())?.holdSeconds ?? null,
};

const withCursor = (path: string, cursor?: string) =>
  cursor ? `${path}?limit=20&cursor=${encodeURIComponent(cursor)}` : `${path}?limit=20`;
