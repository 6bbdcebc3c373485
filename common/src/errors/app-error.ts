/** Long because it is the whole hierarchy: one short class per status and code, read together in one place. */
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

export class BadRequestError extends AppError {
  readonly status = 400;
  readonly code: string = 'bad_request';
}

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

export class NotAuthorizedError extends AppError {
  readonly status = 401;
  readonly code: string = 'not_authorized';

  constructor(message = 'Not signed in') {
    super(message);
  }
}

/** The access token has expired: the client refreshes the session and retries (not_authorized: sign in). */
export class SessionExpiredError extends AppError {
  readonly status = 401;
  readonly code = 'session_expired';

  constructor(message = 'Session expired, refresh and retry') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code: string = 'forbidden';

  constructor(message = 'Not allowed') {
    super(message);
  }
}

/** Signed in, but the email address is not confirmed yet: the client offers to resend the link. */
export class EmailNotVerifiedError extends ForbiddenError {
  override readonly code = 'email_not_verified';

  constructor() {
    super('Confirm your email address first: follow the link we mailed you');
  }
}

export class CsrfError extends ForbiddenError {
  override readonly code = 'csrf_failed';

  constructor() {
    super('Missing or invalid CSRF token');
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';

  constructor(message = 'Not found') {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string = 'conflict';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';

  constructor(message = 'Request body too large') {
    super(message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

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

export class DatabaseConnectionError extends AppError {
  readonly status = 503;
  readonly code = 'database_unavailable';

  constructor(message = 'Database unavailable, try again shortly') {
    super(message);
  }
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'unavailable';

  constructor(message = 'Temporarily unavailable, try again shortly') {
    super(message);
  }
}
