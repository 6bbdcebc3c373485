'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { browserApi } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import { formErrors, messages } from '@/lib/messages';
import { readTicketForm, toLocalInput } from '@/lib/ticket-input';
import type { Ticket } from '@/lib/api/types';
import { CURRENCIES, toMajorInput } from '@/lib/format';
import { Field, FormErrors } from './field';
import { useFormErrors } from './use-form-errors';

const noop = () => () => undefined;

/** Lists a new ticket, or edits one (`ticket` given). Every field is checked at once, then by the API. */
export function TicketForm({ ticket }: { ticket?: Ticket }) {
  const router = useRouter();
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const { formRef, fields: errors, general, show, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, errors: found } = readTicketForm(new FormData(event.currentTarget));
    if (Object.keys(found).length > 0) return show(found);
    clear();
    setBusy(true);
    try {
      const saved = ticket
        ? await browserApi.updateTicket(ticket.id, input)
        : await browserApi.createTicket(input);
      router.push(`/tickets/${saved.id}`);
      router.refresh();
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 401) {
        router.push(`/signin?next=${encodeURIComponent(ticket ? `/tickets/${ticket.id}/edit` : '/sell')}`);
        return;
      }
      const { fields, general } = formErrors(apiError, 'ticket');
      show(fields, general);
      setBusy(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      ref={formRef}
      className="form card"
      onSubmit={submit}
      noValidate
      aria-describedby={hasErrors ? 'form-errors' : undefined}
    >
      {hasErrors && (
        <p id="form-errors" className="alert alert--error" role="alert">
          {messages.errors.formSummary(Object.keys(errors).length)}
        </p>
      )}
      <FormErrors messages={general} />
      <Field id="title" label="Event title" error={errors.title}>
        {(aria) => (
          <input
            {...aria}
            name="title"
            className="input"
            defaultValue={ticket?.title}
            maxLength={120}
            aria-required
          />
        )}
      </Field>
      <Field id="venue" label="Venue" error={errors.venue}>
        {(aria) => (
          <input
            {...aria}
            name="venue"
            className="input"
            defaultValue={ticket?.venue}
            maxLength={120}
            aria-required
          />
        )}
      </Field>
      <div className="form__row">
        <Field
          id="eventDate"
          label="Date and time"
          hint={
            hydrated
              ? `In your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone})`
              : 'In your time zone'
          }
          error={errors.eventDate}
        >
          {(aria) => (
            <input
              {...aria}
              key={hydrated ? 'browser' : 'server'}
              name="eventDate"
              type="datetime-local"
              className="input"
              defaultValue={ticket && hydrated ? toLocalInput(ticket.eventDate) : undefined}
              aria-required
            />
          )}
        </Field>
        <Field id="price" label="Price" hint="For example 25.00" error={errors.priceCents}>
          {(aria) => (
            <input
              {...aria}
              name="price"
              inputMode="decimal"
              className="input"
              defaultValue={ticket ? toMajorInput(ticket.priceCents, ticket.currency) : undefined}
              aria-required
            />
          )}
        </Field>
        <Field id="currency" label="Currency" error={errors.currency}>
          {(aria) => (
            <select {...aria} name="currency" className="select" defaultValue={ticket?.currency ?? 'usd'}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id="description"
        label="Description (optional)"
        hint="Seat, section, anything a buyer should know"
        error={errors.description}
      >
        {(aria) => (
          <textarea
            {...aria}
            name="description"
            className="textarea"
            defaultValue={ticket?.description}
            maxLength={2000}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : ticket ? 'Save changes' : 'List ticket'}
        </button>
      </div>
    </form>
  );
}
