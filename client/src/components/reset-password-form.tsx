'use client';

import Link from 'next/link';
import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { hasCode, toApiError } from '@/lib/api/errors';
import { judgePassword } from '@/lib/password-strength';
import { ActionForm } from './action-form';
import { useMessages } from './messages';
import { NewPasswordField } from './new-password-field';
import { useFormAction } from './use-form-action';

const PASSWORD_CODES = ['password_breached', 'password_too_weak'] as const;

/** The new password for the account of the mailed link's token; checked here first, then by auth. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useMessages();
  const [done, setDone] = useState(false);
  const [tokenDead, setTokenDead] = useState(false);

  const action = useFormAction(
    async (form) => {
      const password = String(form.get('password') ?? '');
      if (password.length < 8 || password.length > 128)
        return { fields: { password: t.errors.byField.reset.password } };
      const { problem } = await judgePassword(password);
      if (problem) return { fields: { password: t.errors.byCode[problem] } };
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
        <p>{t.passwordReset.done}</p>
        <p>
          <Link href="/signin">{t.auth.signIn}</Link>
        </p>
      </div>
    );
  return (
    <ActionForm action={action}>
      {tokenDead && (
        <p>
          <Link href="/forgot-password">{t.passwordReset.askAgain}</Link>
        </p>
      )}
      <NewPasswordField label={t.resetPassword.newPassword} error={action.fields.password} />
      <button type="submit" className="button button--block" disabled={action.busy}>
        {action.busy ? t.common.pleaseWait : t.resetPassword.submit}
      </button>
    </ActionForm>
  );
}
