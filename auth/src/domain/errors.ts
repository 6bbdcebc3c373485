import { BadRequestError, ConflictError, ForbiddenError, NotAuthorizedError } from '@ticketing/common';

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

export class PasswordBreachedError extends BadRequestError {
  override readonly code = 'password_breached';

  constructor() {
    super('This password is on the list of the most used passwords, which attackers try first', 'password');
  }
}

/** The message is the estimator's own advice (its warning and suggestions), for people calling the API. */
export class PasswordTooWeakError extends BadRequestError {
  override readonly code = 'password_too_weak';

  constructor(feedback: string) {
    super(`This password is too easy to guess${feedback ? `. ${feedback}` : ''}`, 'password');
  }
}

/** The reset link is unknown, expired, already used, or replaced by a newer one: one answer for all. */
export class ResetTokenInvalidError extends BadRequestError {
  override readonly code = 'reset_token_invalid';

  constructor() {
    super('This reset link is invalid or has expired; ask for a new one', 'token');
  }
}

/** The verification link is unknown, expired, already used, or replaced by a newer one: one answer for all. */
export class VerificationTokenInvalidError extends BadRequestError {
  override readonly code = 'verification_token_invalid';

  constructor() {
    super('This verification link is invalid or has expired; ask for a new one', 'token');
  }
}

export class EmailAlreadyVerifiedError extends ConflictError {
  override readonly code = 'email_already_verified';

  constructor() {
    super('This email address is already confirmed');
  }
}

/** An admin locked the account (moderation): the right password still does not sign in. */
export class AccountLockedError extends ForbiddenError {
  override readonly code = 'account_locked';

  constructor() {
    super('This account is locked. Contact support if you think this is a mistake');
  }
}

export class CannotLockSelfError extends BadRequestError {
  override readonly code = 'cannot_lock_self';

  constructor() {
    super('An admin cannot lock their own account');
  }
}
