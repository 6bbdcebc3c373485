'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { errorText, formErrors, messages } from '@/lib/messages';
import { judgePassword } from '@/lib/password-strength';
import { FormErrors } from './field';
import { NewPasswordField } from './new-password-field';
import { useFormErrors } from './use-form-errors';

const PASSWORD_CODES = ['password_breached', 'password_too_weak'] as const;

/** The new password for the account of the mailed link's token; checked here first, then by auth. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { formRef, fields: errors, general, show, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [tokenDead, setTokenDead] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    if (password.length < 8 || password.length > 128)
      return show({ password: messages.errors.byField.reset.password });
    const { problem } = await judgePassword(password);
    if (problem) return show({ password: messages.errors.byCode[problem] });
    clear();
    setBusy(true);
    try {
      await browserApi.confirmPasswordReset({ token, password });
      setDone(true);
    } catch (err) {
      const apiError = toApiError(err);
      const dead = apiError.errors.some((e) => e.code === 'reset_token_invalid');
      setTokenDead(dead);
      if (apiError.status === 400) {
        const found = formErrors(apiError, 'reset', PASSWORD_CODES);
        show(found.fields, found.general);
      } else show({}, [errorText(apiError)]);
    }
    setBusy(false);
  };

  if (done)
    return (
      <div className="alert" role="status">
        <p>{messages.passwordReset.done}</p>
        <p>
          <Link href="/signin">Sign in</Link>
        </p>
      </div>
    );
  return (
    <form ref={formRef} className="form card" onSubmit={submit} noValidate>
      <FormErrors messages={general} />
      {tokenDead && (
        <p>
          <Link href="/forgot-password">{messages.passwordReset.askAgain}</Link>
        </p>
      )}
      <NewPasswordField label="New password" error={errors.password} />
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Please wait…' : 'Set new password'}
      </button>
    </form>
  );
}
