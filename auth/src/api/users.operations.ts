import { jsonResponse, operation } from '@ticketing/common';
import { currentUserBody, publicUser } from './user-view';
import {
  emailVerificationConfirmBody,
  passwordResetBody,
  passwordResetConfirmBody,
  signInBody,
  signUpBody,
} from './users.schemas';

// Each route of /api/users, declared once: users.router.ts mounts these, the OpenAPI document describes them.

export const signUp = operation('post /signup', {
  summary: 'Create an account and sign in (sets the session cookies)',
  access: 'public',
  body: signUpBody,
  responses: {
    201: jsonResponse('The new user, signed in', publicUser),
    409: '`email_taken`',
    429: 'Too many sign-ups from this address',
  },
});

export const signIn = operation('post /signin', {
  summary: 'Sign in (sets the session cookies)',
  access: 'public',
  body: signInBody,
  responses: {
    200: jsonResponse('The user, signed in', publicUser),
    401: '`invalid_credentials`: one generic answer for an unknown email, a wrong password or a locked account',
    403: '`account_locked`: the right password, but an admin locked the account',
    429: 'Too many attempts from this address, or the account is locked for a while',
  },
});

export const requestPasswordReset = operation('post /password-reset', {
  summary: 'Mail a single-use password-reset link (valid 30 minutes) to the account with this email',
  access: 'public',
  body: passwordResetBody,
  responses: {
    202: 'Always, whether or not an account has that email (no account enumeration)',
    429: 'Too many requests from this address or for this email',
  },
});

export const confirmPasswordReset = operation('post /password-reset/confirm', {
  summary: "Set a new password with a reset link's token; every session of the account ends",
  access: 'public',
  body: passwordResetConfirmBody,
  responses: {
    204: 'The password is set',
    400: '`reset_token_invalid`: used, replaced or expired; `password_too_weak`, `password_breached`',
    429: 'Too many requests from this address',
  },
});

export const confirmEmailVerification = operation('post /verify-email', {
  summary: "Confirm the account's email address with a verification link's token",
  description:
    'Signed in or not. A signed-in client refreshes its session afterwards, so its access token carries ' +
    'the verified claim that listing tickets asks for.',
  access: 'public',
  body: emailVerificationConfirmBody,
  responses: {
    204: 'The address is confirmed',
    400: '`verification_token_invalid`: used, replaced or expired',
    429: 'Too many requests from this address',
  },
});

export const resendEmailVerification = operation('post /verify-email/resend', {
  summary: 'Mail a new verification link to the signed-in user (the older link stops working)',
  access: 'signed-in',
  responses: {
    202: 'A new link is on its way',
    409: '`email_already_verified`',
    429: 'Too many links asked for this hour',
  },
});

export const signOut = operation('post /signout', {
  summary: 'Sign out: revokes the session and clears the cookies',
  access: 'public',
  responses: {
    204: 'Signed out (also when no session was open)',
  },
});

export const refresh = operation('post /refresh', {
  summary: 'New access token from the refresh cookie (rotated)',
  description:
    'Reusing a refresh token that was already rotated revokes the whole session (after a short grace ' +
    'for parallel tabs).',
  access: 'public',
  responses: {
    204: 'Refreshed: new cookies are set',
    401: '`session_ended`: no, unknown, expired or reused refresh token: sign in again',
  },
});

export const currentUser = operation('get /currentuser', {
  summary: 'Who is signed in (never 401)',
  access: 'public',
  responses: {
    200: jsonResponse('The user, or null', currentUserBody),
  },
});
