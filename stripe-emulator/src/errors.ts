import type Stripe from 'stripe';

/** The body Stripe answers with on failure: `{ error: StripeErrorBody }`. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: Stripe.PaymentIntent;
  payment_method?: Stripe.PaymentMethod;
}

/** Thrown by handlers; the HTTP layer answers `{ error: body }` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

export const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

export function invalidRequest(message: string, extra: { code?: string; param?: string } = {}): ApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message, ...extra };
  if (extra.code) body.doc_url = docUrl(extra.code);
  return new ApiError(400, body);
}

/** An id that does not exist: 404 when it is in the URL, 400 when it is a parameter (as Stripe does). */
export function resourceMissing(kind: string, id: string, param: string, status: 400 | 404 = 400): ApiError {
  return new ApiError(status, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    doc_url: docUrl('resource_missing'),
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

export const missingParam = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const unknownParam = (param: string) =>
  invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const unexpectedState = (message: string) =>
  invalidRequest(message, { code: 'payment_intent_unexpected_state' });

export function authenticationError(message: string): ApiError {
  return new ApiError(401, { type: 'invalid_request_error', message });
}

export function idempotencyError(message: string): ApiError {
  return new ApiError(400, { type: 'idempotency_error', message });
}

export function unrecognizedUrl(method: string, path: string): ApiError {
  return new ApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). This local Stripe emulator supports only the endpoints listed in stripe-emulator/README.md.`,
  });
}
