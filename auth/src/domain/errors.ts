import { ConflictError, NotAuthorizedError } from '@ticketing/common';

/** The one answer to every failed sign-in (unknown email, wrong password, locked account). */
export class InvalidCredentialsError extends NotAuthorizedError {
  constructor() {
    super('Invalid email or password');
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('Email is already registered', 'email');
  }
}

/** The refresh token is missing, unknown, expired, revoked or was reused. */
export class SessionEndedError extends NotAuthorizedError {
  constructor() {
    super('Session ended, sign in again');
  }
}
