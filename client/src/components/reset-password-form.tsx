'use client';

import Link from 'next/link';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { hasCode, toApiError } from '@/lib/api/errors';
import { messages } from '@/lib/messages';
import { judgePassword } from '@/lib/password-strength';
import { ActionForm } from './action-form';
import { NewPasswordField } from './new-password-field';
import { useFormAction } from './use-form-action';

const PASSWORD_CODES = ['password_breached', 'password_too_weak'] as const;

/** The new password for the account of the mailed link's token; checked here first, then by auth. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [tokenDead, setTokenDead] = useState(false);

  const action = useFormAction(
    async (form) => {
      const password = String(form.get('password') ?? '');
      if (password.length < 8 || password.length > 128)
        return { fields: { password: messages.errors.byField.reset.password } };
      const { problem } = await judgePassword(password);
      if (problem) return { fields: { password: messages.errors.byCode[problem] } };
      try {
        await browserApi.confirmPasswordReset({ token, password });
        setDone(true);
      } catch (err) {
        setTokenDead(hasCode(toApiError(err), 'reset_token_invalid'));
        throw err;
      }
    },
    { catalogue: 'reset', atField: PASSWORD_CODES },
  );

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
    <ActionForm action={action}>
      {tokenDead && (
        <p>
          <Link href="/forgot-password">{messages.passwordReset.askAgain}</Link>
        </p>
      )}
      <NewPasswordField label="New password" error={action.fields.password} />
      <button type="submit" className="button button--block" disabled={action.busy}>
        {action.busy ? 'Please wait…' : 'Set new password'}
      </button>
    </ActionForm>
  );
}
