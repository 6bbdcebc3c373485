'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { Field, FormErrors } from './field';

/** Sign up or sign in, then back to where the user was (`next`, already checked to be a path on this site). */
export function AuthForm({ mode, next }: { mode: 'signin' | 'signup'; next: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    try {
      if (signup) await browserApi.signUp({ email, password, name: String(form.get('name') ?? '') });
      else await browserApi.signIn({ email, password });
      router.replace(next);
      router.refresh();
    } catch (err) {
      const apiError = toApiError(err);
      setErrors(apiError.fieldErrors());
      setGeneral(
        apiError.status === 409
          ? ['An account with this email already exists. Sign in instead?']
          : apiError.status === 429
            ? ['Too many attempts. Please wait a minute and try again.']
            : apiError.generalMessages(),
      );
      setBusy(false);
    }
  };

  const other = `${signup ? '/signin' : '/signup'}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;
  return (
    <form className="form card" onSubmit={submit} noValidate>
      <FormErrors messages={general} />
      {signup && (
        <Field id="name" label="Name" error={errors.name}>
          {(aria) => <input {...aria} name="name" autoComplete="name" className="input" aria-required />}
        </Field>
      )}
      <Field id="email" label="Email" error={errors.email}>
        {(aria) => (
          <input {...aria} name="email" type="email" autoComplete="email" className="input" aria-required />
        )}
      </Field>
      <Field
        id="password"
        label="Password"
        hint={signup ? 'At least 8 characters' : undefined}
        error={errors.password}
      >
        {(aria) => (
          <input
            {...aria}
            name="password"
            type="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            className="input"
            aria-required
          />
        )}
      </Field>
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
