'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { browserApi, type TicketInput } from '@/lib/api/browser';
import { toApiError } from '@/lib/api/errors';
import type { Ticket } from '@/lib/api/types';
import { toMajorInput, toMinorUnits } from '@/lib/format';
import { Field, FormErrors } from './field';

const CURRENCIES = ['usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'jpy'];

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant → the browser's wall-clock value for <input type="datetime-local">. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const noop = () => () => undefined;

type Errors = Record<string, string>;

/** Lists a new ticket, or edits one (`ticket` given). Every check is the API's: its 400 names the field. */
export function TicketForm({ ticket }: { ticket?: Ticket }) {
  const router = useRouter();
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const currency = text('currency') || 'usd';
    const priceCents = toMinorUnits(text('price'), currency);
    const local = text('eventDate');
    const input: TicketInput = {
      title: text('title'),
      venue: text('venue'),
      // The browser knows the seller's time zone: send an instant with an offset, as the API requires.
      eventDate: local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : local,
      priceCents: priceCents ?? 0,
      currency,
      description: text('description'),
    };
    if (priceCents === null) {
      setErrors({ priceCents: 'Enter a price like 25 or 25.50' });
      setGeneral([]);
      return;
    }
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
      setErrors(apiError.fieldErrors());
      setGeneral(apiError.generalMessages());
      setBusy(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      className="form card"
      onSubmit={submit}
      noValidate
      aria-describedby={hasErrors ? 'form-errors' : undefined}
    >
      {hasErrors && (
        <p id="form-errors" className="alert alert--error" role="alert">
          Please correct the {Object.keys(errors).length === 1 ? 'field' : 'fields'} marked below.
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
        <Field id="eventDate" label="Date and time" hint="In your time zone" error={errors.eventDate}>
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
