import {
  BadRequestError,
  ConflictError,
  defineError,
  ForbiddenError,
  NotAuthorizedError,
} from '@ticketing/common';

/** The one answer to every failed sign-in (unknown email, wrong password, locked account). */
export class InvalidCredentialsError extends defineError(NotAuthorizedError, {
  code: 'invalid_credentials',
  message: 'Invalid email or password',
}) {}

export class EmailTakenError extends defineError(ConflictError, {
  code: 'email_taken',
  message: 'Email is already registered',
  field: 'email',
}) {}

/** The refresh token is missing, unknown, expired, revoked or was reused. */
export class SessionEndedError extends defineError(NotAuthorizedError, {
  code: 'session_ended',
  message: 'Session ended, sign in again',
}) {}

export class PasswordBreachedError extends defineError(BadRequestError, {
  code: 'password_breached',
  message: 'This password is on the list of the most used passwords, which attackers try first',
  field: 'password',
}) {}

/** The message is the estimator's own advice (its warning and suggestions), for people calling the API. */
export class PasswordTooWeakError extends defineError(BadRequestError, {
  code: 'password_too_weak',
  message: (feedback: string) => `This password is too easy to guess${feedback ? `. ${feedback}` : ''}`,
  field: 'password',
}) {}

/** The reset link is unknown, expired, already used, or replaced by a newer one: one answer for all. */
export class ResetTokenInvalidError extends defineError(BadRequestError, {
  code: 'reset_token_invalid',
  message: 'This reset link is invalid or has expired; ask for a new one',
  field: 'token',
}) {}

/** The verification link is unknown, expired, already used, or replaced by a newer one: one answer for all. */
export class VerificationTokenInvalidError extends defineError(BadRequestError, {
  code: 'verification_token_invalid',
  message: 'This verification link is invalid or has expired; ask for a new one',
  field: 'token',
}) {}

export class EmailAlreadyVerifiedError extends defineError(ConflictError, {
  code: 'email_already_verified',
  message: 'This email address is already confirmed',
}) {}

/** An admin locked the account (moderation): the right password still does not sign in. */
export class AccountLockedError extends defineError(ForbiddenError, {
  code: 'account_locked',
  message: 'This account is locked. Contact support if you think this is a mistake',
}) {}

export class CannotLockSelfError extends defineError(BadRequestError, {
  code: 'cannot_lock_self',
  message: 'An admin cannot lock their own account',
}) {}
