'use client';

import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { ActionForm } from './action-form';
import { fieldsOf, InputField } from './field';
import { useMessages } from './messages';
import { useFormAction } from './use-form-action';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const t = useMessages();
  const [sent, setSent] = useState(false);
  const action = useFormAction(
    async (form) => {
      const email = String(form.get('email') ?? '');
      if (!EMAIL.test(email.trim())) return { fields: { email: t.errors.byField.forgot.email } };
      await browserApi.requestPasswordReset({ email });
      setSent(true);
    },
    { catalogue: 'forgot' },
  );

  if (sent)
    return (
      <div className="alert" role="status">
        <p>{t.passwordReset.sent}</p>
      </div>
    );
  const field = fieldsOf(t.auth, action.fields);
  return (
    <ActionForm action={action}>
      <InputField {...field('email')} type="email" autoComplete="email" aria-required />
      <button type="submit" className="button button--block" disabled={action.busy}>
        {action.busy ? t.common.pleaseWait : t.forgotPassword.send}
      </button>
    </ActionForm>
  );
}
