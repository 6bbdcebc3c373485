import { defineError } from './define-error';

/** The whole hierarchy, read together in one place: most classes are one declaration (define-error.ts). */
export interface ErrorEntry {
  code: string;
  message: string;
  field?: string;
}

/** The one base class: every expected failure is an AppError, turned into the API's error shape. */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toErrors(): ErrorEntry[] {
    return [{ code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) }];
  }
}

export class BadRequestError extends defineError(AppError, { status: 400, code: 'bad_request' }) {}

export class RequestValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';

  constructor(readonly entries: ErrorEntry[]) {
    super(entries.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '));
  }

  override toErrors(): ErrorEntry[] {
    return this.entries;
  }
}

export class NotAuthorizedError extends defineError(AppError, {
  status: 401,
  code: 'not_authorized',
  message: 'Not signed in',
}) {}

/** The access token has expired: the client refreshes the session and retries (not_authorized: sign in). */
export class SessionExpiredError extends defineError(AppError, {
  status: 401,
  code: 'session_expired',
  message: 'Session expired, refresh and retry',
}) {}

export class ForbiddenError extends defineError(AppError, {
  status: 403,
  code: 'forbidden',
  message: 'Not allowed',
}) {}

/** Signed in, but the email address is not confirmed yet: the client offers to resend the link. */
export class EmailNotVerifiedError extends defineError(ForbiddenError, {
  code: 'email_not_verified',
  message: 'Confirm your email address first: follow the link we mailed you',
}) {}

export class CsrfError extends defineError(ForbiddenError, {
  code: 'csrf_failed',
  message: 'Missing or invalid CSRF token',
}) {}

export class NotFoundError extends defineError(AppError, {
  status: 404,
  code: 'not_found',
  message: 'Not found',
}) {}

export class ConflictError extends defineError(AppError, { status: 409, code: 'conflict' }) {}

export class PayloadTooLargeError extends defineError(AppError, {
  status: 413,
  code: 'payload_too_large',
  message: 'Request body too large',
}) {}

export class UnsupportedMediaTypeError extends defineError(AppError, {
  status: 415,
  code: 'unsupported_media_type',
}) {}

export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly code = 'method_not_allowed';

  constructor(
    method: string,
    /** The methods the path does answer, for the Allow header. */
    readonly allow: string[],
  ) {
    super(`${method} is not allowed here; allowed: ${allow.join(', ')}`);
  }
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'rate_limited';

  constructor(
    message = 'Too many requests, try again later',
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export class DatabaseConnectionError extends defineError(AppError, {
  status: 503,
  code: 'database_unavailable',
  message: 'Database unavailable, try again shortly',
}) {}

export class ServiceUnavailableError extends defineError(AppError, {
  status: 503,
  code: 'unavailable',
  message: 'Temporarily unavailable, try again shortly',
}) {}
