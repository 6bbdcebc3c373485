'use client';

import { useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import { Field, FormErrors } from './field';
import { useMessages } from './messages';
import { useFormAction } from './use-form-action';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const t = useMessages();
  const [sent, setSent] = useState(false);
  const {
    formRef,
    onSubmit,
    busy,
    fields: errors,
    general,
  } = useFormAction(
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
  return (
    <form ref={formRef} className="form card" onSubmit={onSubmit} noValidate>
      <FormErrors messages={general} />
      <Field id="email" label={t.auth.email} error={errors.email}>
        {(aria) => (
          <input {...aria} name="email" type="email" autoComplete="email" className="input" aria-required />
        )}
      </Field>
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? t.common.pleaseWait : t.forgotPassword.send}
      </button>
    </form>
  );
}
