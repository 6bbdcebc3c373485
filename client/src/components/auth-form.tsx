'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/api/browser';
import { hasCode, toApiError } from '@/lib/api/errors';
import type { Messages } from '@/lib/messages';
import { judgePassword } from '@/lib/password-strength';
import { ActionForm } from './action-form';
import { fieldsOf, InputField } from './field';
import { NewPasswordField } from './new-password-field';
import { LEAVING, useFormAction, type FieldErrors } from './use-form-action';
import { useMessages } from './messages';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Sign-up's refusals of a password the API gives at the password field. */
const PASSWORD_CODES = ['password_breached', 'password_too_weak'] as const;

/** Every field checked at once before anything is sent (the API checks again). */
async function check(
  t: Messages,
  signup: boolean,
  name: string,
  email: string,
  password: string,
): Promise<FieldErrors> {
  const say = signup ? t.errors.byField.account : t.errors.byField.signin;
  const errors: FieldErrors = {};
  if (signup && !name.trim()) errors.name = t.errors.byField.account.name;
  if (!EMAIL.test(email.trim())) errors.email = say.email;
  if (signup ? password.length < 8 || password.length > 128 : !password) errors.password = say.password;
  if (signup && !errors.password) {
    const { problem } = await judgePassword(password, [
      email.trim(),
      email.split('@')[0] ?? '',
      ...name.split(/\s+/),
    ]);
    if (problem) errors.password = t.errors.byCode[problem];
  }
  return errors;
}

/** Sign up or sign in, then back to where the user was (`next`, already checked to be a path on this site). */
export function AuthForm({ mode, next }: { mode: 'signin' | 'signup'; next: string }) {
  const router = useRouter();
  const t = useMessages();
  const say = t.auth;
  const signup = mode === 'signup';
  const other = `${signup ? '/signin' : '/signup'}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;

  const action = useFormAction(
    async (form) => {
      const email = String(form.get('email') ?? '');
      const password = String(form.get('password') ?? '');
      const name = String(form.get('name') ?? '');
      const found = await check(t, signup, name, email, password);
      if (Object.keys(found).length > 0) return { fields: found };
      try {
        if (signup) await browserApi.signUp({ email, password, name });
        else await browserApi.signIn({ email, password });
      } catch (err) {
        if (!signup || !hasCode(toApiError(err), 'email_taken')) throw err;
        // One message, at the email field, with the way out as a link.
        const taken = (
          <>
            {t.errors.byCode.email_taken} <Link href={other}>{say.signInInstead}</Link>
          </>
        );
        return { fields: { email: taken } };
      }
      router.replace(next);
      router.refresh();
      return LEAVING;
    },
    { catalogue: signup ? 'account' : 'signin', atField: PASSWORD_CODES },
  );
  const field = fieldsOf(say, action.fields);

  return (
    <ActionForm action={action}>
      {signup && <InputField {...field('name')} autoComplete="name" aria-required />}
      <InputField {...field('email')} type="email" autoComplete="email" aria-required />
      {signup ? (
        <NewPasswordField error={action.fields.password} />
      ) : (
        <InputField {...field('password')} type="password" autoComplete="current-password" aria-required />
      )}
      {!signup && (
        <p className="muted">
          <Link href="/forgot-password">{say.forgot}</Link>
        </p>
      )}
      <button type="submit" className="button button--block" disabled={action.busy}>
        {action.busy ? t.common.pleaseWait : signup ? say.createAccount : say.signIn}
      </button>
      <p className="muted">
        {signup ? say.haveAccount : say.newHere}
        <Link href={other}>{signup ? say.signIn : say.createOne}</Link>
      </p>
    </ActionForm>
  );
}
