'use client';

/** Long because browserApi is one table: every call the browser makes, with the CSRF and refresh they share. */
import { backoffDelay } from '@ticketing/common/backoff';
import axios, { type AxiosRequestConfig, type InternalAxiosRequestConfig } from 'axios';
import { isExpiredSession, toApiError } from './errors';
import type { CheckInResult, CurrentUser, Order, SplitRule, Ticket, TicketEvent } from './types';

/**
 * The one way client components reach the API: same origin (/api/* through the gateway), the CSRF
 * double submit on every mutating request, and a silent refresh when the access token has expired.
 */
const CSRF_COOKIE = 'csrf_token';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['get', 'head', 'options']);

const http = axios.create({ timeout: 15_000, headers: { accept: 'application/json' } });

const readCookie = (name: string): string | undefined =>
  document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** The services issue the CSRF cookie on any request that lacks one; a first visit asks for it once. */
let csrfPending: Promise<unknown> | null = null;
async function csrfToken(): Promise<string | undefined> {
  if (!readCookie(CSRF_COOKIE)) {
    csrfPending ??= http.get('/api/users/currentuser').finally(() => (csrfPending = null));
    await csrfPending;
  }
  return readCookie(CSRF_COOKIE);
}

http.interceptors.request.use(async (config: InternalAxiosRequestConfig) => {
  if (!SAFE_METHODS.has((config.method ?? 'get').toLowerCase())) {
    const token = await csrfToken();
    if (token) config.headers.set(CSRF_HEADER, decodeURIComponent(token));
  }
  return config;
});

/** One refresh at a time, however many requests found the token expired together. */
let refreshing: Promise<boolean> | null = null;
export function refreshSession(): Promise<boolean> {
  refreshing ??= http
    .post('/api/users/refresh')
    .then(() => true)
    .catch(() => false)
    .finally(() => (refreshing = null));
  return refreshing;
}

async function call<T>(config: AxiosRequestConfig): Promise<T> {
  try {
    return (await http.request<T>(config)).data;
  } catch (err) {
    const apiError = toApiError(err);
    if (!isExpiredSession(apiError) || !(await refreshSession())) throw apiError;
    try {
      return (await http.request<T>(config)).data;
    } catch (retryErr) {
      throw toApiError(retryErr);
    }
  }
}

// Equal jitter keeps the waits at 150, 300, 600 ms, then 1 s or more: about 10 requests in 8 s of asking.
// (Payments counts an attempt against its per-buyer limit only once it knows the order, so these are free.)
const UNTIL_KNOWN_BACKOFF = { baseMs: 300, maxMs: 2_000, jitter: 'equal' } as const;

/**
 * Orders and payments learn about tickets and orders from events, a moment after they exist: a 404 right
 * after listing or ordering means "not yet", so it is asked again for a few seconds before it counts.
 */
async function untilKnown<T>(attempt: () => Promise<T>, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let retry = 1; ; retry++) {
    const wait = backoffDelay(retry, UNTIL_KNOWN_BACKOFF);
    try {
      return await attempt();
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status !== 404 || Date.now() + wait > deadline) throw apiError;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** A listing's own terms; the event it is in is chosen first (or made with EventInput). */
export interface TicketInput {
  priceCents: number;
  currency: string;
  description: string;
  section: string;
  row: string;
  seat: string;
  quantity: number;
  split: SplitRule;
  cancellationHours: number;
}

export interface EventInput {
  title: string;
  venue: string;
  city: string;
  /** An instant with its offset: the form's wall-clock time read in `timeZone`. */
  startsAt: string;
  timeZone: string;
  category?: string;
  imageUrl?: string;
}

export const browserApi = {
  signUp: (body: { email: string; password: string; name: string }) =>
    call<CurrentUser>({ method: 'post', url: '/api/users/signup', data: body }),
  signIn: (body: { email: string; password: string }) =>
    call<CurrentUser>({ method: 'post', url: '/api/users/signin', data: body }),
  signOut: () => call<void>({ method: 'post', url: '/api/users/signout' }),
  requestPasswordReset: (body: { email: string }) =>
    call<void>({ method: 'post', url: '/api/users/password-reset', data: body }),
  confirmPasswordReset: (body: { token: string; password: string }) =>
    call<void>({ method: 'post', url: '/api/users/password-reset/confirm', data: body }),
  verifyEmail: (token: string) =>
    call<void>({ method: 'post', url: '/api/users/verify-email', data: { token } }),
  resendVerification: () => call<void>({ method: 'post', url: '/api/users/verify-email/resend' }),
  createEvent: (body: EventInput) => call<TicketEvent>({ method: 'post', url: '/api/events', data: body }),
  createTicket: (eventId: string, body: TicketInput) =>
    call<Ticket>({ method: 'post', url: '/api/tickets', data: { eventId, ...body } }),
  updateTicket: (id: string, body: Partial<TicketInput>) =>
    call<Ticket>({ method: 'put', url: `/api/tickets/${id}`, data: body }),
  moderateTicket: (id: string, reason: string) =>
    call<void>({ method: 'post', url: `/api/tickets/${id}/moderation`, data: { reason } }),
  refundPayment: (id: string) => call<void>({ method: 'post', url: `/api/payments/${id}/refund` }),
  lockUser: (id: string) => call<void>({ method: 'post', url: `/api/users/admin/users/${id}/lock` }),
  unlockUser: (id: string) => call<void>({ method: 'post', url: `/api/users/admin/users/${id}/unlock` }),
  withdrawTicket: (id: string) => call<void>({ method: 'delete', url: `/api/tickets/${id}` }),
  createOrder: (ticketId: string, quantity = 1) =>
    untilKnown(() => call<Order>({ method: 'post', url: '/api/orders', data: { ticketId, quantity } })),
  order: (id: string) => call<Order>({ method: 'get', url: `/api/orders/${id}` }),
  cancelOrder: (id: string) => call<void>({ method: 'delete', url: `/api/orders/${id}` }),
  cancelPaidOrder: (id: string) => call<Order>({ method: 'post', url: `/api/orders/${id}/cancellation` }),
  checkIn: (code: string) =>
    call<CheckInResult>({ method: 'post', url: '/api/orders/checkin', data: { code } }),
  pay: (orderId: string, paymentMethodId: string) =>
    untilKnown(() =>
      call<{ id: string; status: string }>({
        method: 'post',
        url: '/api/payments',
        data: { orderId, paymentMethodId },
      }),
    ),
};
