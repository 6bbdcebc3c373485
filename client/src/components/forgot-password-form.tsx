'use client';

import { useState, type FormEvent } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { errorText, formErrors, messages } from '@/lib/messages';
import { Field, FormErrors } from './field';
import { useFormErrors } from './use-form-errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const { formRef, fields: errors, general, show, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    if (!EMAIL.test(email.trim())) return show({ email: messages.errors.byField.forgot.email });
    clear();
    setBusy(true);
    try {
      await browserApi.requestPasswordReset({ email });
      setSent(true);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 400) {
        const found = formErrors(apiError, 'forgot');
        show(found.fields, found.general);
      } else show({}, [errorText(apiError)]);
    }
    setBusy(false);
  };

  if (sent)
    return (
      <div className="alert" role="status">
        <p>{messages.passwordReset.sent}</p>
      </div>
    );
  return (
    <form ref={formRef} className="form card" onSubmit={submit} noValidate>
      <FormErrors messages={general} />
      <Field id="email" label="Email" error={errors.email}>
        {(aria) => (
          <input {...aria} name="email" type="email" autoComplete="email" className="input" aria-required />
        )}
      </Field>
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Please wait…' : 'Send me a link'}
      </button>
    </form>
  );
}
