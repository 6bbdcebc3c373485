import { textField } from '@ticketing/common';
import { z } from 'zod';

const required = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
});

const email = z
  .string(required('a string'))
  .trim()
  .toLowerCase()
  .pipe(z.email('must be a valid email address').max(254, 'must be at most 254 characters'));

/** A password being chosen (sign-up, reset); its strength is the domain's check. */
const newPassword = z
  .string(required('a string'))
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters');

export const signUpBody = z.object({
  email,
  password: newPassword,
  name: z.string(required('a string')).pipe(textField({ max: 100 })),
});

export const signInBody = z.object({
  email,
  // No minimum beyond presence: a sign-in only has to match what was set.
  password: z.string(required('a string')).min(1, 'is required').max(128, 'must be at most 128 characters'),
});

export const passwordResetBody = z.object({ email });

export const passwordResetConfirmBody = z.object({
  token: z.string(required('a string')).min(1, 'is required').max(128, 'must be at most 128 characters'),
  password: newPassword,
});

export const emailVerificationConfirmBody = z.object({
  token: z.string(required('a string')).min(1, 'is required').max(128, 'must be at most 128 characters'),
});
