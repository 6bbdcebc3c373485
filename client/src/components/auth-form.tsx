'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { browserApi } from '@/lib/api/browser';
import { hasCode, toApiError } from '@/lib/api/errors';
import { errorText, formErrors, messages } from '@/lib/messages';
import { judgePassword } from '@/lib/password-strength';
import { Field, FormErrors } from './field';
import { NewPasswordField } from './new-password-field';
import { useFormErrors, type FieldErrors } from './use-form-errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Sign-up's refusals of a password the API gives at the password field. */
const PASSWORD_CODES = ['password_breached', 'password_too_weak'] as const;

/** Every field checked at once before anything is sent (the API checks again). */
async function check(signup: boolean, name: string, email: string, password: string): Promise<FieldErrors> {
  const say = signup ? messages.errors.byField.account : messages.errors.byField.signin;
  const errors: FieldErrors = {};
  if (signup && !name.trim()) errors.name = messages.errors.byField.account.name;
  if (!EMAIL.test(email.trim())) errors.email = say.email;
  if (signup ? password.length < 8 || password.length > 128 : !password) errors.password = say.password;
  if (signup && !errors.password) {
    const { problem } = await judgePassword(password, [
      email.trim(),
      email.split('@')[0] ?? '',
      ...name.split(/\s+/),
    ]);
    if (problem) errors.password = messages.errors.byCode[problem];
  }
  return errors;
}

/** Sign up or sign in, then back to where the user was (`next`, already checked to be a path on this site). */
export function AuthForm({ mode, next }: { mode: 'signin' | 'signup'; next: string }) {
  const router = useRouter();
  const { formRef, fields: errors, general, show, clear } = useFormErrors();
  const [emailTaken, setEmailTaken] = useState(false);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '');
    const found = await check(signup, name, email, password);
    setEmailTaken(false);
    if (Object.keys(found).length > 0) return show(found);
    clear();
    setBusy(true);
    try {
      if (signup) await browserApi.signUp({ email, password, name });
      else await browserApi.signIn({ email, password });
      router.replace(next);
      router.refresh();
    } catch (err) {
      const apiError = toApiError(err);
      if (signup && hasCode(apiError, 'email_taken')) {
        // One message, at the email field, with the way out as a link.
        setEmailTaken(true);
        show({ email: messages.errors.byCode.email_taken });
      } else if (!signup && hasCode(apiError, 'invalid_credentials')) {
        show({}, [messages.errors.byCode.invalid_credentials]);
      } else if (apiError.status === 400) {
        const { fields, general } = formErrors(apiError, signup ? 'account' : 'signin', PASSWORD_CODES);
        show(fields, general);
      } else {
        show({}, [errorText(apiError)]);
      }
      setBusy(false);
    }
  };

  const other = `${signup ? '/signin' : '/signup'}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;
  return (
    <form ref={formRef} className="form card" onSubmit={submit} noValidate>
      <FormErrors messages={general} />
      {signup && (
        <Field id="name" label="Name" error={errors.name}>
          {(aria) => <input {...aria} name="name" autoComplete="name" className="input" aria-required />}
        </Field>
      )}
      <Field
        id="email"
        label="Email"
        error={
          emailTaken ? (
            <>
              {errors.email} <Link href={other}>Sign in instead</Link>
            </>
          ) : (
            errors.email
          )
        }
      >
        {(aria) => (
          <input {...aria} name="email" type="email" autoComplete="email" className="input" aria-required />
        )}
      </Field>
      {signup ? (
        <NewPasswordField error={errors.password} />
      ) : (
        <Field id="password" label="Password" error={errors.password}>
          {(aria) => (
            <input
              {...aria}
              name="password"
              type="password"
              autoComplete="current-password"
              className="input"
              aria-required
            />
          )}
        </Field>
      )}
      {!signup && (
        <p className="muted">
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      )}
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Please wait…' : signup ? 'Create account' : 'Sign in'}
      </button>
      <p className="muted">
        {signup ? 'Already have an account? ' : 'New here? '}
        <Link href={other}>{signup ? 'Sign in' : 'Create an account'}</Link>
      </p>
    </form>
  );
}
