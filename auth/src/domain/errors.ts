import { ConflictError, NotAuthorizedError } from '@ticketing/common';

/** The one answer to every failed sign-in (unknown email, wrong password, locked account). */
export class InvalidCredentialsError extends NotAuthorizedError {
  override readonly code = 'invalid_credentials';

  constructor() {
    super('Invalid email or password');
  }
}

export class EmailTakenError extends ConflictError {
  override readonly code = 'email_taken';

  constructor() {
    super('Email is already registered', 'email');
  }
}

/** The refresh token is missing, unknown, expired, revoked or was reused. */
export class SessionEndedError extends NotAuthorizedError {
  override readonly code = 'session_ended';

  constructor() {
    super('Session ended, sign in again');
  }
}
